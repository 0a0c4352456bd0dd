// The rule catalogue: every rule plainsight has, declared here and listed in catalog.cpp in id
// order (one central registry, no self-registering statics: STYLE.md sections 2 and 9).
#pragma once

#include <span>
#include <string_view>

#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::rules {

// Every rule, sorted by id.
std::span<const engine::Rule* const> AllRules() noexcept;
// The rule with this id, or nullptr.
const engine::Rule* FindRule(std::string_view id) noexcept;

// One line per rule, sorted by id (the definitions are in rules/html/*.cpp).
extern const engine::Rule kHtmlAriaAttrDefined;
extern const engine::Rule kHtmlAriaRoleValid;
extern const engine::Rule kHtmlHtmlHasLang;
extern const engine::Rule kHtmlHtmlLangValid;
extern const engine::Rule kHtmlLangValid;
extern const engine::Rule kHtmlMetaRefresh;
extern const engine::Rule kHtmlMetaRefreshNoException;
extern const engine::Rule kHtmlMetaViewportZoom;
extern const engine::Rule kHtmlPageTitle;

}  // namespace plainsight::rules
