// BCP 47 language tag checks.
#include "engine/language_tag.h"

#include <algorithm>
#include <iterator>

#include "engine/dom.h"

namespace plainsight::engine {
namespace {

constexpr std::string_view kLanguageSubtags[] = {
#include "engine/language_subtags.inc"
};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string PrimaryLanguage(std::string_view tag) {
  tag = TrimWhitespace(tag);
  size_t dash = tag.find('-');
  return AsciiLower(tag.substr(0, dash));
}

bool IsValidLanguageTag(std::string_view tag) {
  tag = TrimWhitespace(tag);
  if (tag.empty()) {
    return false;
  }
  size_t start = 0;
  while (start <= tag.size()) {
    size_t end = tag.find('-', start);
    if (end == std::string_view::npos) {
      end = tag.size();
    }
    size_t len = end - start;
    if (len < 1 || len > 8) {
      return false;
    }
    for (size_t i = start; i < end; ++i) {
      if (!IsAlnum(tag[i])) {
        return false;
      }
    }
    start = end + 1;
  }
  std::string primary = PrimaryLanguage(tag);
  return std::binary_search(std::begin(kLanguageSubtags), std::end(kLanguageSubtags), primary);
}

}  // namespace plainsight::engine
