// Signals that a name says nothing: see descriptive_text.h.
#include "rules/html/support/descriptive_text.h"

#include <algorithm>
#include <array>

#include "engine/dom.h"

namespace plainsight::rules {
namespace {

bool IsAsciiPunctOrSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '.' || c == ',' ||
         c == ':' || c == ';' || c == '!' || c == '?' || c == '-' || c == '>' || c == '<' ||
         c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == '\'' || c == '*' ||
         c == '_' || c == '|';
}

// Typographic marks often put around "read more" links: ellipsis, guillemets, arrows.
constexpr std::array<std::string_view, 6> kDecorativeMarks = {
    "\xE2\x80\xA6",  // … horizontal ellipsis
    "\xC2\xBB",      // » right guillemet
    "\xC2\xAB",      // « left guillemet
    "\xE2\x80\xBA",  // › single right angle quotation mark
    "\xE2\x86\x92",  // → rightwards arrow
    "\xC2\xA0",      // no-break space
};

bool StripOneMark(std::string_view& s, bool front) {
  if (s.empty()) {
    return false;
  }
  auto c = static_cast<unsigned char>(front ? s.front() : s.back());
  if (IsAsciiPunctOrSpace(c)) {
    front ? s.remove_prefix(1) : s.remove_suffix(1);
    return true;
  }
  for (std::string_view mark : kDecorativeMarks) {
    if (front && s.substr(0, mark.size()) == mark) {
      s.remove_prefix(mark.size());
      return true;
    }
    if (!front && s.size() >= mark.size() && s.substr(s.size() - mark.size()) == mark) {
      s.remove_suffix(mark.size());
      return true;
    }
  }
  return false;
}

}  // namespace

std::string NormalizeForComparison(std::string_view text) {
  std::string collapsed = engine::CollapseWhitespace(text);
  std::string_view s = collapsed;
  while (StripOneMark(s, true)) {
  }
  while (StripOneMark(s, false)) {
  }
  // `s` is a piece of collapsed text that starts and ends with neither whitespace nor a mark,
  // so lowercasing it is all that is left.
  std::string out(s);
  engine::AsciiLowerInPlace(out);
  return out;
}

bool MatchesPhrase(std::string_view text, std::span<const std::string_view> phrases) {
  const std::string key = NormalizeForComparison(text);
  return std::find(phrases.begin(), phrases.end(), key) != phrases.end();
}

bool IsTemplateText(std::string_view text, std::span<const std::string_view> placeholders) {
  const std::string key = NormalizeForComparison(text);
  return key.rfind("lorem ipsum", 0) == 0 ||
         std::find(placeholders.begin(), placeholders.end(), key) != placeholders.end();
}

void JudgeDescriptive(engine::Findings& out, const engine::Node* target, bool placeholder,
                      std::string fail_message, std::string question) {
  if (placeholder) {
    out.Fail(target, std::move(fail_message));
  } else {
    out.CantTell(target, std::move(question));
  }
}

bool IsGenericLinkText(std::string_view name) {
  // Interpretation: only phrases that cannot say where a link goes whatever the page is about
  // (WCAG 2.4.4 failure F84 and the examples of G91). English and Irish (Irish public
  // bodies publish in both languages); other languages are left to human review.
  static constexpr std::array<std::string_view, 26> kGeneric = {"click here",
                                                                "click",
                                                                "here",
                                                                "click this link",
                                                                "this link",
                                                                "link",
                                                                "more",
                                                                "read more",
                                                                "more info",
                                                                "more information",
                                                                "learn more",
                                                                "find out more",
                                                                "see more",
                                                                "show more",
                                                                "details",
                                                                "more details",
                                                                "continue",
                                                                "continue reading",
                                                                "go",
                                                                "this",
                                                                "this page",
                                                                "click here for more",
                                                                "click here to read more",
                                                                "read more here",
                                                                "more here",
                                                                "go here"};
  // Irish (issue #11), as written in lowercase: the comparison lowercases ASCII letters only, so
  // "CLICEÁIL ANSEO" in capitals with the fada is not matched.
  static constexpr std::array<std::string_view, 8> kGenericIrish = {
      "cliceáil anseo",  "cliceail anseo",   "anseo",  "tuilleadh", "léigh tuilleadh",
      "leigh tuilleadh", "tuilleadh eolais", "níos mó"};
  return MatchesPhrase(name, kGeneric) || MatchesPhrase(name, kGenericIrish);
}

bool IsPlaceholderImageName(std::string_view name) {
  static constexpr std::array<std::string_view, 19> kPlaceholders = {
      "image",     "img",        "picture",          "pic",
      "photo",     "photograph", "graphic",          "icon",
      "spacer",    "blank",      "placeholder",      "alt",
      "alt text",  "image alt",  "untitled",         "an image",
      "a picture", "a photo",    "image description"};
  return MatchesPhrase(name, kPlaceholders) || LooksLikeFileName(name);
}

std::string UrlFileName(std::string_view url) {
  size_t end = url.find_first_of("?#");
  if (end != std::string_view::npos) {
    url = url.substr(0, end);
  }
  size_t slash = url.find_last_of('/');
  if (slash != std::string_view::npos) {
    url = url.substr(slash + 1);
  }
  return std::string(url);
}

bool IsSourceFileStem(std::string_view name, std::string_view src) {
  std::string_view trimmed = engine::TrimWhitespace(name);
  if (trimmed.empty() || trimmed.find_first_of(" \t\n") != std::string_view::npos) {
    return false;
  }
  std::string file = UrlFileName(engine::TrimWhitespace(src));
  size_t dot = file.rfind('.');
  if (dot == std::string::npos || dot == 0) {
    return false;
  }
  if (!engine::EqualsIgnoreCase(std::string_view(file).substr(0, dot), trimmed)) {
    return false;
  }
  return std::any_of(trimmed.begin(), trimmed.end(), [](char c) {
    return c == '_' || c == '-' || c == '.' || (c >= '0' && c <= '9');
  });
}

bool LooksLikeFileName(std::string_view text) {
  std::string lower = engine::AsciiLower(engine::TrimWhitespace(text));
  if (lower.empty() || lower.find(' ') != std::string::npos) {
    return false;
  }
  size_t dot = lower.rfind('.');
  if (dot == std::string::npos || dot == 0) {
    return false;
  }
  static constexpr std::array<std::string_view, 24> kExtensions = {
      "png", "jpg",  "jpeg", "gif", "svg",  "webp", "bmp",  "tif",  "tiff", "ico", "avif", "pdf",
      "doc", "docx", "odt",  "xls", "xlsx", "ppt",  "pptx", "html", "htm",  "php", "aspx", "rtf"};
  std::string_view ext = std::string_view(lower).substr(dot + 1);
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

}  // namespace plainsight::rules
