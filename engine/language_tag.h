// BCP 47 (RFC 5646) language tags: syntax and the primary language subtag against the IANA
// Language Subtag Registry (corpora/lang/SOURCE.md).
#pragma once

#include <string>
#include <string_view>

namespace plainsight::engine {

// The primary language subtag of a tag, lowercased ("en" for "en-GB"); "" when the tag is empty.
std::string PrimaryLanguage(std::string_view tag);

// A valid language tag in the sense WCAG's techniques and the ACT rules use: well-formed
// (letters and digits in subtags of 1 to 8, separated by hyphens) with a primary language subtag
// that the IANA registry lists as a language. "eng" is invalid (the registry lists "en"), as
// are grandfathered tags such as "i-lux" and private-use tags ("x-...").
bool IsValidLanguageTag(std::string_view tag);

}  // namespace plainsight::engine
