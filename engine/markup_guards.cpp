// Pre-parse scans of markup (see markup_guards.h): nesting depth and attribute floods.
#include "engine/markup_guards.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>

namespace plainsight::engine::markup {

// Gumbo, like the HTML parsing algorithm it implements, walks the stack of open elements for
// every start tag ("has a p element in button scope"), so 100,000 nested elements cost 5e9 steps.
// Browsers bound the depth of the tree they build; we bound the input instead: a cheap scan
// counts nesting of elements whose end tag is required, and the input is cut where that depth
// passes `limit`. Returns the byte offset to cut at, or npos when no cut is needed.
size_t DeepNestingCutoff(std::string_view s, int limit) {
  // Elements that never nest through their own start tags (void elements, or ones whose end tag
  // is implied by a sibling). Raw-text elements' content is skipped below.
  static constexpr std::string_view kNoDepth[] = {
      "area",     "base",     "br",      "col",  "embed", "hr",    "img",   "input", "link",
      "meta",     "source",   "track",   "wbr",  "p",     "li",    "dt",    "dd",    "option",
      "optgroup", "tr",       "td",      "th",   "tbody", "thead", "tfoot", "rb",    "rt",
      "rp",       "colgroup", "caption", "html", "head",  "body",  "param", "frame", "keygen"};
  static constexpr std::string_view kRawText[] = {"script", "style", "textarea",
                                                  "title",  "xmp",   "plaintext"};
  int depth = 0;
  size_t i = 0;
  const size_t n = s.size();
  char name_buf[12];
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) {
      break;
    }
    i = lt + 1;
    if (s.compare(i, 3, "!--") == 0) {
      size_t end = s.find("-->", i + 3);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    bool closing = s[i] == '/';
    if (closing) {
      ++i;
    }
    if (i >= n || !std::isalpha(static_cast<unsigned char>(s[i]))) {
      continue;
    }
    // The tag name, lowercased into a small buffer (names longer than it are in no list).
    size_t len = 0;
    size_t k = i;
    while (k < n && (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '-')) {
      if (len < sizeof name_buf) {
        name_buf[len] = lower(s[k]);
      }
      ++len;
      ++k;
    }
    std::string_view name =
        len <= sizeof name_buf ? std::string_view(name_buf, len) : std::string_view();
    size_t gt = s.find('>', k);
    bool self_closing = gt != std::string_view::npos && gt > k && s[gt - 1] == '/';
    if (!closing &&
        std::find(std::begin(kRawText), std::end(kRawText), name) != std::end(kRawText)) {
      // Skip to the matching end tag, compared ASCII case-insensitively.
      size_t end = k;
      while ((end = s.find("</", end)) != std::string_view::npos) {
        size_t m = 0;
        while (m < name.size() && end + 2 + m < n && lower(s[end + 2 + m]) == name[m]) {
          ++m;
        }
        if (m == name.size()) {
          break;
        }
        end += 2;
      }
      i = end == std::string_view::npos ? n : end;
      continue;
    }
    i = k;
    if (!name.empty() &&
        std::find(std::begin(kNoDepth), std::end(kNoDepth), name) != std::end(kNoDepth)) {
      continue;
    }
    if (closing) {
      depth = std::max(0, depth - 1);
    } else if (!self_closing) {
      if (++depth > limit) {
        return lt;
      }
    }
  }
  return std::string_view::npos;
}

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool NameIs(std::string_view name, std::string_view lower) {
  if (name.size() != lower.size()) {
    return false;
  }
  for (size_t i = 0; i < name.size(); ++i) {
    if (Lower(name[i]) != lower[i]) {
      return false;
    }
  }
  return true;
}

// Where a markup declaration or processing instruction that opens at `i` (just past "<") ends:
// the offset after it. Comments end as HTML 13.2.5.43-13.2.5.52 say: at "-->", "--!>", or at once
// for "<!-->" and "<!--->"; CDATA sections (XML, and HTML's foreign content) at "]]>"; XML
// processing instructions at "?>"; everything else (doctype, bogus comments) at the next ">".
size_t SkipDeclaration(std::string_view s, size_t i, bool xml_like) {
  const size_t n = s.size();
  auto after = [&](size_t from, std::string_view end) {
    size_t at = s.find(end, from);
    return at == std::string_view::npos ? n : at + end.size();
  };
  if (s.compare(i, 3, "!--") == 0) {
    size_t body = i + 3;
    if (s.compare(body, 1, ">") == 0) {
      return body + 1;
    }
    if (s.compare(body, 2, "->") == 0) {
      return body + 2;
    }
    for (size_t dash = s.find("--", body); dash != std::string_view::npos;
         dash = s.find("--", dash + 1)) {
      if (s.compare(dash + 2, 1, ">") == 0) {
        return dash + 3;
      }
      if (s.compare(dash + 2, 2, "!>") == 0) {
        return dash + 4;
      }
    }
    return n;
  }
  if (xml_like && s.compare(i, 8, "![CDATA[") == 0) {
    return after(i + 8, "]]>");
  }
  if (xml_like && s[i] == '?') {
    return after(i + 1, "?>");
  }
  return after(i, ">");
}

}  // namespace

std::vector<ExcessAttributes> FindExcessAttributes(std::string_view s, size_t max_attributes,
                                                   bool html) {
  std::vector<ExcessAttributes> out;
  const size_t n = s.size();
  // Each attribute takes at least two bytes (a separator and a name character).
  if (n / 2 <= max_attributes) {
    return out;
  }
  static constexpr std::string_view kRawText[] = {"script", "style", "textarea",
                                                  "title",  "xmp",   "plaintext"};
  int foreign = 0;            // <svg> and <math> start tags not yet closed
  size_t merged[2] = {0, 0};  // attributes so far on <html> and on <body> start tags
  size_t line = 1;            // the line of offset `counted`
  size_t counted = 0;
  size_t i = 0;
  while (i < n) {
    const char* lt = static_cast<const char*>(std::memchr(s.data() + i, '<', n - i));
    if (lt == nullptr) {
      break;
    }
    const size_t tag_start = static_cast<size_t>(lt - s.data());
    i = tag_start + 1;
    if (i >= n) {
      break;
    }
    if (s[i] == '!' || s[i] == '?') {
      i = SkipDeclaration(s, i, !html || foreign > 0);
      continue;
    }
    const bool end_tag = s[i] == '/';
    if (end_tag) {
      ++i;
    }
    // A tag name starts with an ASCII letter in HTML; XML also allows "_", ":" and non-ASCII.
    const char first = i < n ? s[i] : '\0';
    const bool starts_name =
        IsAsciiAlpha(first) ||
        (!html && (first == '_' || first == ':' || static_cast<unsigned char>(first) >= 0x80));
    if (!starts_name) {
      if (end_tag && i < n && html) {
        // "</>" is dropped; "</" and anything else is a bogus comment up to ">".
        i = first == '>' ? i + 1 : SkipDeclaration(s, i, false);
      }
      continue;  // "<" followed by text is text
    }
    size_t k = i;
    while (k < n && !IsSpace(s[k]) && s[k] != '/' && s[k] != '>') {
      ++k;
    }
    const std::string_view name = s.substr(i, k - i);
    size_t* shared = nullptr;  // <html> and <body> attributes pile up on one element each
    if (html && !end_tag && foreign == 0) {
      shared = NameIs(name, "html") ? &merged[0] : NameIs(name, "body") ? &merged[1] : nullptr;
    }
    const size_t before = shared != nullptr ? *shared : 0;
    size_t count = before;
    size_t excess_begin = 0;
    size_t last_end = k;
    bool self_closing = false;
    // The attributes, as the tokenizer's before/after attribute name and value states read them.
    while (k < n) {
      const char c = s[k];
      if (IsSpace(c) || c == '/') {
        self_closing = c == '/';
        ++k;
        continue;
      }
      if (c == '>') {
        ++k;
        break;
      }
      self_closing = false;
      const size_t attribute_start = k;
      ++k;  // the first character belongs to the name, even "=" or a quote
      while (k < n && !IsSpace(s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=') {
        ++k;
      }
      size_t j = k;
      while (j < n && IsSpace(s[j])) {
        ++j;
      }
      if (j < n && s[j] == '=') {
        k = j + 1;
        while (k < n && IsSpace(s[k])) {
          ++k;
        }
        if (k < n && (s[k] == '"' || s[k] == '\'')) {
          const size_t close = s.find(s[k], k + 1);
          k = close == std::string_view::npos ? n : close + 1;
        } else {
          while (k < n && !IsSpace(s[k]) && s[k] != '>') {
            ++k;
          }
        }
      }
      if (++count > max_attributes && excess_begin == 0) {
        excess_begin = attribute_start;  // never 0: a tag opens with "<" and a name
      }
      last_end = k;
    }
    // A tag cut off by the end of the input is dropped by the tokenizer, but only after its
    // attributes were read and compared: it is counted all the same.
    if (excess_begin != 0) {
      line += static_cast<size_t>(std::count(s.begin() + counted, s.begin() + tag_start, '\n'));
      counted = tag_start;
      out.push_back(ExcessAttributes{excess_begin, last_end, line, count - before,
                                     shared != nullptr ? count : 0});
    }
    if (shared != nullptr) {
      *shared = count;
    }
    i = k;
    if (!html || end_tag) {
      if (html && end_tag && foreign > 0 && (NameIs(name, "svg") || NameIs(name, "math"))) {
        --foreign;
      }
      continue;
    }
    if (NameIs(name, "svg") || NameIs(name, "math")) {
      foreign += self_closing ? 0 : 1;
      continue;
    }
    if (foreign > 0) {
      continue;  // in foreign content every element's content is markup
    }
    for (std::string_view raw : kRawText) {
      if (!NameIs(name, raw)) {
        continue;
      }
      if (raw == "plaintext") {
        return out;  // everything after is text
      }
      // The content ends at the first "</name", case-insensitively (the tokenizer may end it
      // later, never sooner: the scan then reads some text as markup, which is the safe way).
      size_t end = i;
      while ((end = s.find("</", end)) != std::string_view::npos &&
             !NameIs(s.substr(end + 2, raw.size()), raw)) {
        end += 2;
      }
      i = end == std::string_view::npos ? n : end;
      break;
    }
  }
  return out;
}

void BlankRanges(std::string& s, const std::vector<ExcessAttributes>& ranges) {
  for (const ExcessAttributes& r : ranges) {
    for (size_t k = r.begin; k < r.end && k < s.size(); ++k) {
      if (s[k] != '\n' && s[k] != '\r') {
        s[k] = ' ';
      }
    }
  }
}

}  // namespace plainsight::engine::markup
