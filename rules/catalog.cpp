// The sorted list of all rules. tests/rule_catalog_test.cpp checks the order and the metadata.
#include "rules/catalog.h"

#include <algorithm>

namespace plainsight::rules {
namespace {

constexpr const engine::Rule* kAll[] = {
    &kHtmlAriaAttrDefined,
    &kHtmlAriaRoleValid,
    &kHtmlHtmlHasLang,
    &kHtmlHtmlLangValid,
    &kHtmlLangValid,
    &kHtmlMetaRefresh,
    &kHtmlMetaRefreshNoException,
    &kHtmlMetaViewportZoom,
    &kHtmlPageTitle,
};

}  // namespace

std::span<const engine::Rule* const> AllRules() noexcept { return kAll; }

const engine::Rule* FindRule(std::string_view id) noexcept {
  for (const engine::Rule* r : kAll) {
    if (r->id == id) {
      return r;
    }
  }
  return nullptr;
}

}  // namespace plainsight::rules
