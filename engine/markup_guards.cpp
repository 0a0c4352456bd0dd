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

template <size_t N>
bool NameIn(std::string_view name, const std::string_view (&list)[N]) {
  for (std::string_view l : list) {
    if (NameIs(name, l)) {
      return true;
    }
  }
  return false;
}

// Where a markup declaration or processing instruction that opens at `i` (just past "<") ends:
// the offset after it. Comments end as HTML 13.2.5.43-13.2.5.52 say: at "-->", "--!>", or at once
// for "<!-->" and "<!--->". In XML, CDATA sections end at "]]>" and processing instructions at
// "?>". Everything else (doctypes, bogus comments, and in HTML CDATA in foreign content, which
// the scan cannot tell from a bogus comment) at the next ">": the earliest it can end, so that
// what follows is read as markup whenever the parser might.
size_t SkipDeclaration(std::string_view s, size_t i, bool xml) {
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
  if (xml && s.compare(i, 8, "![CDATA[") == 0) {
    return after(i + 8, "]]>");
  }
  if (xml && s[i] == '?') {
    return after(i + 1, "?>");
  }
  return after(i, ">");
}

// Is s[at..] "<name" or "</name" (as `prefix` says) followed by whitespace, "/" or ">" (the
// tokenizer's "appropriate end tag" test, 13.2.5.11)?
bool TagAt(std::string_view s, size_t at, std::string_view prefix, std::string_view name) {
  if (s.compare(at, prefix.size(), prefix) != 0) {
    return false;
  }
  const size_t k = at + prefix.size() + name.size();
  if (k >= s.size() || !NameIs(s.substr(at + prefix.size(), name.size()), name)) {
    return false;
  }
  return IsSpace(s[k]) || s[k] == '/' || s[k] == '>';
}

// Where the RAWTEXT or RCDATA content of element `name` starting at `i` ends: the offset of its
// end tag, or the end of the input (13.2.5.2-13.2.5.3 and their end tag states).
size_t RawTextEnd(std::string_view s, size_t i, std::string_view name) {
  for (size_t at = s.find("</", i); at != std::string_view::npos; at = s.find("</", at + 2)) {
    if (TagAt(s, at, "</", name)) {
      return at;
    }
  }
  return s.size();
}

// The same for <script>, whose content has escaped and double-escaped states (13.2.5.4,
// 13.2.5.15-13.2.5.32): inside "<!--", a "<script" starts a stretch in which "</script" does
// not end the element.
size_t ScriptEnd(std::string_view s, size_t i) {
  enum { kData, kEscaped, kDoubleEscaped } state = kData;

  const size_t n = s.size();
  while (i < n) {
    const char* next = nullptr;
    if (state == kData) {
      next = static_cast<const char*>(std::memchr(s.data() + i, '<', n - i));
    } else {
      // '<' or '-', whichever comes first.
      for (size_t k = i; k < n && next == nullptr; ++k) {
        if (s[k] == '<' || s[k] == '-') {
          next = s.data() + k;
        }
      }
    }
    if (next == nullptr) {
      return n;
    }
    i = static_cast<size_t>(next - s.data());
    if (s[i] == '-') {
      if (s.compare(i, 3, "-->") == 0) {
        state = kData;
        i += 3;
      } else {
        ++i;
      }
      continue;
    }
    if (state != kDoubleEscaped && TagAt(s, i, "</", "script")) {
      return i;
    }
    if (state == kData && s.compare(i, 4, "<!--") == 0) {
      state = kEscaped;
      i += 4;
    } else if (state == kEscaped && TagAt(s, i, "<", "script")) {
      state = kDoubleEscaped;
      i += 7;
    } else if (state == kDoubleEscaped && TagAt(s, i, "</", "script")) {
      state = kEscaped;
      i += 8;
    } else {
      ++i;
    }
  }
  return n;
}

// What of the tree builder's state decides whether a raw-text start tag switches the tokenizer
// (HTML 13.2.6): it does in the usual insertion modes, but not in foreign content (an SVG
// <style> is an element like any other), and not for most such tags in a <select> or a
// <frameset>, where they are ignored and what follows is tokenized as markup. Reading raw text
// as markup could make the scan take a quote in a script for the start of an attribute value
// and miss the tags after it; skipping markup as raw text would miss them just the same. So the
// scan follows the tree builder this far; each approximation is noted.
class TreeContext {
 public:
  // Called for every start tag (after its attributes). `tag`: the whole tag's text, for the
  // attributes that decide (font's color, face and size; annotation-xml's encoding).
  void Start(std::string_view name, std::string_view tag, bool self_closing) {
    static constexpr std::string_view kClosesSelect[] = {"input",   "keygen", "textarea", "select",
                                                         "caption", "table",  "tbody",    "tfoot",
                                                         "thead",   "tr",     "td",       "th"};
    // HTML 13.2.6.5: these start tags leave foreign content (unless in an integration point).
    static constexpr std::string_view kBreakout[] = {
        "b",      "big",  "blockquote", "body",  "br",   "center", "code",    "dd",   "div",
        "dl",     "dt",   "em",         "embed", "h1",   "h2",     "h3",      "h4",   "h5",
        "h6",     "head", "hr",         "i",     "img",  "li",     "listing", "menu", "meta",
        "nobr",   "ol",   "p",          "pre",   "ruby", "s",      "small",   "span", "strong",
        "strike", "sub",  "sup",        "table", "tt",   "u",      "ul",      "var"};
    if (NameIs(name, "template")) {
      templates_.push_back(select_);  // template contents start afresh
      select_ = false;
      return;
    }
    if (select_) {
      // In a select only these take effect (they close it); the rest (svg, math, style...) are
      // ignored. Approximation: a select in a table is closed by table tags as if by </select>.
      if (NameIn(name, kClosesSelect)) {
        select_ = false;
      }
      return;
    }
    if (NameIs(name, "frameset")) {
      frameset_ = true;
    }
    const bool svg = NameIs(name, "svg");
    const bool math = NameIs(name, "math");
    if (!foreign_.empty() && !integration_) {
      if (NameIn(name, kBreakout) ||
          (NameIs(name, "font") && (HasAttribute(tag, "color") || HasAttribute(tag, "face") ||
                                    HasAttribute(tag, "size")))) {
        foreign_.clear();  // every foreign element is closed
      } else if (!self_closing && IsIntegrationPoint(name, tag)) {
        integration_ = true;
        integration_level_ = foreign_.size();
      } else if ((svg || math) && !self_closing) {
        foreign_.push_back(svg ? 's' : 'm');
      }
      return;
    }
    if ((svg || math) && !self_closing) {
      // Approximation: an <svg> in an integration point starts a new innermost level.
      integration_ = false;
      foreign_.push_back(svg ? 's' : 'm');
    } else if (NameIs(name, "select")) {
      select_ = true;
    }
  }

  void End(std::string_view name) {
    if (NameIs(name, "template")) {
      if (!templates_.empty()) {
        select_ = templates_.back();
        templates_.pop_back();
      }
    } else if (NameIs(name, "select") || NameIs(name, "table") || NameIs(name, "tr") ||
               NameIs(name, "td") || NameIs(name, "th") || NameIs(name, "caption")) {
      select_ = false;
    } else if (!foreign_.empty() && (NameIs(name, "svg") || NameIs(name, "math"))) {
      foreign_.pop_back();
      integration_ = false;
    } else if (integration_ && foreign_.size() == integration_level_ &&
               IsIntegrationName(name, foreign_.back())) {
      integration_ = false;  // approximation: closes the integration point open
    }
  }

  // Does a start tag `name` (one of the raw-text elements) switch the tokenizer?
  bool SwitchesTokenizer(std::string_view name) const {
    if (!foreign_.empty() && !integration_) {
      return false;
    }
    if (select_) {
      return NameIs(name, "script");  // textarea closes the select first (Start above)
    }
    if (frameset_) {
      return NameIs(name, "noframes");
    }
    return true;
  }

 private:
  // Does the start tag's text hold an attribute `attribute` (ASCII case-insensitively, followed
  // by "=", space, "/" or ">")? A rough test, used only for the few tags where it decides.
  static bool HasAttribute(std::string_view tag, std::string_view attribute) {
    for (size_t i = 1; i + attribute.size() < tag.size(); ++i) {
      if (IsSpace(tag[i - 1]) && NameIs(tag.substr(i, attribute.size()), attribute)) {
        const char after = tag[i + attribute.size()];
        if (after == '=' || IsSpace(after) || after == '/' || after == '>') {
          return true;
        }
      }
    }
    return false;
  }

  static bool IsIntegrationName(std::string_view name, char ns) {
    static constexpr std::string_view kSvg[] = {"foreignobject", "desc", "title"};
    static constexpr std::string_view kMath[] = {"mi", "mo", "mn", "ms", "mtext", "annotation-xml"};
    return ns == 's' ? NameIn(name, kSvg) : NameIn(name, kMath);
  }

  // HTML 13.2.6.5's HTML and MathML text integration points, in the innermost foreign element's
  // namespace. annotation-xml is one only with encoding text/html or application/xhtml+xml.
  bool IsIntegrationPoint(std::string_view name, std::string_view tag) const {
    if (!IsIntegrationName(name, foreign_.back())) {
      return false;
    }
    if (!NameIs(name, "annotation-xml")) {
      return true;
    }
    std::string lower(tag);
    for (char& c : lower) {
      c = Lower(c);
    }
    return lower.find("text/html") != std::string::npos ||
           lower.find("application/xhtml+xml") != std::string::npos;
  }

  bool select_ = false;
  bool frameset_ = false;      // approximation: a frameset document stays one
  std::vector<char> foreign_;  // open <svg> ('s') and <math> ('m') levels
  bool integration_ = false;   // an integration point of the innermost level is open
  size_t integration_level_ = 0;
  std::vector<bool> templates_;
};

}  // namespace

std::vector<ExcessAttributes> FindExcessAttributes(std::string_view s, size_t max_attributes,
                                                   bool html) {
  std::vector<ExcessAttributes> out;
  const size_t n = s.size();
  // Each attribute takes at least two bytes (a separator and a name character).
  if (n / 2 <= max_attributes) {
    return out;
  }
  static constexpr std::string_view kRawText[] = {"style",    "xmp",   "iframe",  "noembed",
                                                  "noframes", "title", "textarea"};
  TreeContext context;
  size_t merged[2] = {0, 0};  // attributes so far on <html> and on <body> start tags
  size_t line = 1;            // the line of offset `counted`
  size_t counted = 0;
  size_t i = 0;
  while (i < n) {
    const char* lt = static_cast<const char*>(std::memchr(s.data() + i, '<', n - i));
    if (lt == nullptr) {
      break;
    }
    const auto tag_start = static_cast<size_t>(lt - s.data());
    i = tag_start + 1;
    if (i >= n) {
      break;
    }
    if (s[i] == '!' || s[i] == '?') {
      i = SkipDeclaration(s, i, !html);
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
    if (html && !end_tag) {
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
    if (!html) {
      continue;
    }
    if (end_tag) {
      context.End(name);
      continue;
    }
    context.Start(name, s.substr(tag_start, k - tag_start), self_closing);
    const bool script = NameIs(name, "script");
    if ((script || NameIs(name, "plaintext") || NameIn(name, kRawText)) &&
        context.SwitchesTokenizer(name)) {
      if (NameIs(name, "plaintext")) {
        break;  // the tokenizer never leaves PLAINTEXT: the rest is text
      }
      i = script ? ScriptEnd(s, i) : RawTextEnd(s, i, name);
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
