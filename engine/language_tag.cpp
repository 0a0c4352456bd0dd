// BCP 47 language tag checks.
#include "engine/language_tag.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "engine/ascii.h"
#include "engine/dom.h"

namespace plainsight::engine {
namespace {

constexpr std::string_view kLanguageSubtags[] = {
#include "engine/language_subtags.inc"
};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A subtag of at most 8 characters as one number (ASCII lowercased, a byte each), so that the
// registry lookup compares integers, not strings.
uint64_t PackSubtag(std::string_view s) {
  uint64_t key = 0;
  for (char c : s) {
    key = key << 8 | static_cast<unsigned char>(AsciiLowerChar(c));
  }
  return key;
}

// The registry's language subtags, packed and sorted, built on first use.
const std::vector<uint64_t>& PackedLanguageSubtags() {
  static const std::vector<uint64_t> kPacked = [] {
    std::vector<uint64_t> packed;
    packed.reserve(std::size(kLanguageSubtags));
    for (std::string_view subtag : kLanguageSubtags) {
      if (subtag.size() <= 8) {
        packed.push_back(PackSubtag(subtag));
      }
    }
    std::sort(packed.begin(), packed.end());
    return packed;
  }();
  return kPacked;
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
  // Every subtag was checked to be 1 to 8 characters above.
  const std::string_view primary = tag.substr(0, tag.find('-'));
  const std::vector<uint64_t>& packed = PackedLanguageSubtags();
  return std::binary_search(packed.begin(), packed.end(), PackSubtag(primary));
}

}  // namespace plainsight::engine
