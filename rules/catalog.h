// The rule catalogue: every rule plainsight has, declared here and listed in catalog.cpp in id
// order (one central registry, no self-registering statics: STYLE.md sections 2 and 9).
#pragma once

#include <span>
#include <string_view>

#include "engine/page.h"
#include "engine/rule.h"
#include "engine/site/site_model.h"

namespace plainsight::rules {

// Every rule, sorted by id.
std::span<const engine::Rule* const> AllRules() noexcept;
// The rule with this id, or nullptr.
const engine::Rule* FindRule(std::string_view id) noexcept;

// Every site-level rule (judged on a body's whole site, not a page), sorted by id.
std::span<const engine::site::SiteRule* const> AllSiteRules() noexcept;
// The site rule with this id, or nullptr.
const engine::site::SiteRule* FindSiteRule(std::string_view id) noexcept;

// One line per rule, sorted by id (the definitions are in rules/html/*.cpp).
extern const engine::Rule kHtmlAriaAllowedAttr;
extern const engine::Rule kHtmlAriaAttrDefined;
extern const engine::Rule kHtmlAriaHiddenFocus;
extern const engine::Rule kHtmlAriaProhibitedAttr;
extern const engine::Rule kHtmlAriaRequiredAttr;
extern const engine::Rule kHtmlAriaRequiredChildren;
extern const engine::Rule kHtmlAriaRequiredParent;
extern const engine::Rule kHtmlAriaRoleValid;
extern const engine::Rule kHtmlAriaValidValue;
extern const engine::Rule kHtmlAutocompleteValid;
extern const engine::Rule kHtmlButtonName;
extern const engine::Rule kHtmlBypassBlocks;
extern const engine::Rule kHtmlColorContrast;
extern const engine::Rule kHtmlColorContrastEnhanced;
extern const engine::Rule kHtmlCssOrientationLock;
extern const engine::Rule kHtmlDecorativeNotExposed;
extern const engine::Rule kHtmlFormFieldName;
extern const engine::Rule kHtmlHeadingDescriptive;
extern const engine::Rule kHtmlHeadingName;
extern const engine::Rule kHtmlHtmlHasLang;
extern const engine::Rule kHtmlHtmlLangValid;
extern const engine::Rule kHtmlIframeName;
extern const engine::Rule kHtmlIframeSamePurpose;
extern const engine::Rule kHtmlIframeTabindex;
extern const engine::Rule kHtmlImageButtonName;
extern const engine::Rule kHtmlImageName;
extern const engine::Rule kHtmlImageNameDescriptive;
extern const engine::Rule kHtmlLabelDescriptive;
extern const engine::Rule kHtmlLabelInName;
extern const engine::Rule kHtmlLangValid;
extern const engine::Rule kHtmlLetterSpacing;
extern const engine::Rule kHtmlLineHeight;
extern const engine::Rule kHtmlLinkDescriptive;
extern const engine::Rule kHtmlLinkDescriptiveInContext;
extern const engine::Rule kHtmlLinkName;
extern const engine::Rule kHtmlLinkSamePurpose;
extern const engine::Rule kHtmlLinkSamePurposeInContext;
extern const engine::Rule kHtmlMainHeading;
extern const engine::Rule kHtmlMainLandmark;
extern const engine::Rule kHtmlMenuitemName;
extern const engine::Rule kHtmlMetaRefresh;
extern const engine::Rule kHtmlMetaRefreshNoException;
extern const engine::Rule kHtmlMetaViewportZoom;
extern const engine::Rule kHtmlNoAutoplayAudio;
extern const engine::Rule kHtmlNoAutoplayAudioControl;
extern const engine::Rule kHtmlObjectName;
extern const engine::Rule kHtmlPageLangMatches;
extern const engine::Rule kHtmlPageTitle;
extern const engine::Rule kHtmlPageTitleDescriptive;
extern const engine::Rule kHtmlPresentationalChildrenFocus;
extern const engine::Rule kHtmlRepeatedBlockCollapsible;
extern const engine::Rule kHtmlSkipLink;
extern const engine::Rule kHtmlSummaryName;
extern const engine::Rule kHtmlSvgName;
extern const engine::Rule kHtmlTdHeaders;
extern const engine::Rule kHtmlTextClippedOnZoom;
extern const engine::Rule kHtmlThHasCells;
extern const engine::Rule kHtmlWordSpacing;

// Site rules, sorted by id (the definitions are in rules/site/*.cpp).
extern const engine::site::SiteRule kSiteAccessibilityStatement;
extern const engine::site::SiteRule kSiteAccessibleDocumentFormats;
extern const engine::site::SiteRule kSiteComplaintsProcedure;
extern const engine::site::SiteRule kSiteContactDetails;
extern const engine::site::SiteRule kSiteCustomerCharter;
extern const engine::site::SiteRule kSiteIrishLanguageVersion;
extern const engine::site::SiteRule kSiteStatementContent;
extern const engine::site::SiteRule kSiteStatementDate;

}  // namespace plainsight::rules
