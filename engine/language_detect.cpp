// CLD2 wrapper: the one place the engine calls the detector for pages.
#include "engine/language_detect.h"

#include <cld2/public/compact_lang_det.h>

#include "engine/dom.h"

namespace plainsight::engine {

DetectedLanguage DetectLanguage(std::string_view text) noexcept {
  DetectedLanguage out;
  out.words = static_cast<int>(SplitWhitespace(text).size());
  if (text.empty()) {
    return out;
  }
  // CLD2 looks at the first few KB anyway; cap the work for huge pages.
  std::string_view sample = text.substr(0, 64 * 1024);
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language l = CLD2::DetectLanguageSummary(sample.data(), static_cast<int>(sample.size()),
                                                  /*is_plain_text=*/true, language3, percent3,
                                                  &text_bytes, &reliable);
  if (l == CLD2::UNKNOWN_LANGUAGE) {
    return out;
  }
  std::string code = CLD2::LanguageCode(l);
  out.language = AsciiLower(code.substr(0, code.find('-')));
  out.percent = percent3[0];
  out.reliable = reliable;
  return out;
}

bool SameLanguage(std::string_view a, std::string_view b) noexcept {
  auto canonical = [](std::string_view s) -> std::string {
    std::string l = AsciiLower(s);
    if (l == "nb" || l == "nn") {
      return "no";
    }
    if (l == "iw") {
      return "he";
    }
    if (l == "in") {
      return "id";
    }
    if (l == "ji") {
      return "yi";
    }
    if (l == "jw") {
      return "jv";
    }
    if (l == "tl") {
      return "fil";
    }
    return l;
  };
  return canonical(a) == canonical(b);
}

}  // namespace plainsight::engine
