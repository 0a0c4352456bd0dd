// Internal to engine/dom*.cpp: what the parser (dom_parse.cpp) takes from charset decoding
// (dom_charset.cpp).
#pragma once

#include <string>
#include <string_view>

#include "engine/result.h"

namespace plainsight::engine::dom_internal {

// Converts `bytes` from the ICU encoding `from` to UTF-8, malformed sequences replaced. Fails
// with kParse for an encoding ICU does not know or input it cannot convert.
Result<std::string> ConvertWithIcu(std::string_view bytes, const std::string& from);

}  // namespace plainsight::engine::dom_internal
