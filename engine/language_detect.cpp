// CLD2 wrapper: the one place the engine calls the detector for pages.
#include "engine/language_detect.h"

#include <algorithm>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "engine/ascii.h"
#include "engine/dom.h"
#include "engine/utf8.h"

namespace plainsight::engine {

DetectedLanguage DetectLanguage(std::string_view text, size_t max_bytes) noexcept {
  DetectedLanguage out;
  std::string_view sample = text.substr(0, max_bytes);
  bool in_word = false;
  for (char c : sample) {
    bool space = IsAsciiSpace(c);
    out.words += !space && !in_word;
    in_word = !space;
  }
  if (sample.empty()) {
    return out;
  }
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double scores3[3] = {0, 0, 0};
  int text_bytes = 0;
  int valid_prefix = 0;
  bool reliable = false;
  CLD2::Language l = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, &hints, /*flags=*/0,
      language3, percent3, scores3, nullptr, &text_bytes, &reliable, &valid_prefix);
  if (l == CLD2::UNKNOWN_LANGUAGE) {
    return out;
  }
  std::string code = CLD2::LanguageCode(l);
  out.language = AsciiLower(code.substr(0, code.find('-')));
  out.percent = percent3[0];
  out.reliable = reliable;
  if (language3[1] != CLD2::UNKNOWN_LANGUAGE && language3[1] != l && percent3[1] > 0) {
    std::string second = CLD2::LanguageCode(language3[1]);
    out.second_language = AsciiLower(second.substr(0, second.find('-')));
    out.second_percent = percent3[1];
  }
  return out;
}

std::string EvenSample(std::string_view text, size_t budget, size_t windows) {
  if (text.size() <= budget || windows == 0) {
    return std::string(text);
  }
  const size_t window = std::max<size_t>(budget / windows, 1);
  const size_t stride = windows > 1 ? (text.size() - window) / (windows - 1) : 0;
  std::string out;
  out.reserve(budget + windows);
  for (size_t i = 0; i < windows; ++i) {
    size_t start = i + 1 == windows ? text.size() - window : i * stride;
    size_t end = std::min(start + window, text.size());
    if (start > 0) {
      // Begin at the next word, or between characters when the window holds no space.
      const size_t space = text.substr(0, end).find(' ', start);
      start = space != std::string_view::npos ? space + 1 : Utf8CutPoint(text, start);
    }
    if (end < text.size()) {
      const size_t space = text.substr(0, end).rfind(' ');
      end = space != std::string_view::npos && space > start ? space : Utf8CutPoint(text, end);
    }
    if (end <= start) {
      continue;
    }
    if (!out.empty()) {
      out += ' ';
    }
    out.append(text.substr(start, end - start));
  }
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
