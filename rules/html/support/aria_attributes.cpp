// WAI-ARIA attributes of an element: see aria_attributes.h.
#include "rules/html/support/aria_attributes.h"

#include "rules/support.h"

namespace plainsight::rules {
namespace {

// WAI-ARIA 1.3 global properties not in the engine's 1.2 tables. Browsers ship them, and ACT
// rule kb1m8s tests them.
constexpr std::string_view kAria13Globals[] = {"aria-braillelabel", "aria-brailleroledescription"};

bool IsAria13Global(std::string_view name) {
  for (std::string_view g : kAria13Globals) {
    if (g == name) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<AriaAttributeUse> AriaAttributesOf(const engine::Node& element) {
  std::vector<AriaAttributeUse> out;
  for (const engine::Attribute& a : element.attributes()) {
    // "aria-", ASCII case-insensitively, before any copy: most attributes are not ARIA.
    if (a.name.size() <= 5 ||
        !engine::EqualsIgnoreCase(std::string_view(a.name).substr(0, 5), "aria-")) {
      continue;
    }
    std::string name = engine::AsciiLower(a.name);
    const engine::AriaAttributeInfo* info = engine::FindAriaAttribute(name);
    if (info == nullptr && !IsAria13Global(name)) {
      continue;
    }
    out.push_back(AriaAttributeUse{std::move(name), a.value, info});
  }
  return out;
}

bool IsGlobalAriaAttribute(const AriaAttributeUse& use) {
  return use.info == nullptr ? IsAria13Global(use.name) : use.info->global;
}

std::string DescribeAriaValues(const engine::AriaAttributeInfo& info) {
  using T = engine::AriaValueType;
  switch (info.type) {
    case T::kTrueFalse:
      return R"("true" or "false")";
    case T::kTrueFalseUndefined:
      return R"("true", "false" or "undefined")";
    case T::kTristate:
      return R"("true", "false", "mixed" or "undefined")";
    case T::kIdRef:
      return "one id";
    case T::kIdRefList:
      return "a list of ids";
    case T::kInteger:
      return "a whole number";
    case T::kNumber:
      return "a number";
    case T::kString:
      return "text";
    case T::kToken:
      return JoinAlternatives(info.allowed_tokens, "\"");
    case T::kTokenList:
      return "one or more of " + JoinAlternatives(info.allowed_tokens, "\"");
  }
  return "a valid value";
}

}  // namespace plainsight::rules
