// The sorted list of all rules. tests/rule_catalog_test.cpp checks the order and the metadata.
#include "rules/catalog.h"

#include <algorithm>

namespace plainsight::rules {
namespace {

constexpr const engine::Rule* kAll[] = {
    &kHtmlAriaAllowedAttr,
    &kHtmlAriaAttrDefined,
    &kHtmlAriaHiddenFocus,
    &kHtmlAriaProhibitedAttr,
    &kHtmlAriaRequiredAttr,
    &kHtmlAriaRequiredChildren,
    &kHtmlAriaRequiredParent,
    &kHtmlAriaRoleValid,
    &kHtmlAriaValidValue,
    &kHtmlAutocompleteValid,
    &kHtmlButtonName,
    &kHtmlBypassBlocks,
    &kHtmlColorContrast,
    &kHtmlColorContrastEnhanced,
    &kHtmlCssOrientationLock,
    &kHtmlDecorativeNotExposed,
    &kHtmlFormFieldName,
    &kHtmlHeadingDescriptive,
    &kHtmlHeadingName,
    &kHtmlHtmlHasLang,
    &kHtmlHtmlLangValid,
    &kHtmlIframeName,
    &kHtmlIframeSamePurpose,
    &kHtmlIframeTabindex,
    &kHtmlImageButtonName,
    &kHtmlImageName,
    &kHtmlImageNameDescriptive,
    &kHtmlLabelDescriptive,
    &kHtmlLabelInName,
    &kHtmlLangValid,
    &kHtmlLetterSpacing,
    &kHtmlLineHeight,
    &kHtmlLinkDescriptive,
    &kHtmlLinkDescriptiveInContext,
    &kHtmlLinkName,
    &kHtmlLinkSamePurpose,
    &kHtmlLinkSamePurposeInContext,
    &kHtmlMainHeading,
    &kHtmlMainLandmark,
    &kHtmlMenuitemName,
    &kHtmlMetaRefresh,
    &kHtmlMetaRefreshNoException,
    &kHtmlMetaViewportZoom,
    &kHtmlNoAutoplayAudio,
    &kHtmlNoAutoplayAudioControl,
    &kHtmlObjectName,
    &kHtmlPageLangMatches,
    &kHtmlPageTitle,
    &kHtmlPageTitleDescriptive,
    &kHtmlPresentationalChildrenFocus,
    &kHtmlRepeatedBlockCollapsible,
    &kHtmlSkipLink,
    &kHtmlSummaryName,
    &kHtmlSvgName,
    &kHtmlTdHeaders,
    &kHtmlTextClippedOnZoom,
    &kHtmlThHasCells,
    &kHtmlWordSpacing,
};

constexpr const engine::site::SiteRule* kAllSite[] = {
    &kSiteAccessibilityStatement, &kSiteAccessibleDocumentFormats,
    &kSiteComplaintsProcedure,    &kSiteContactDetails,
    &kSiteCustomerCharter,        &kSiteIrishLanguageVersion,
    &kSiteStatementContent,       &kSiteStatementDate,
};

}  // namespace

std::span<const engine::Rule* const> AllRules() noexcept {
  return kAll;
}

const engine::Rule* FindRule(std::string_view id) noexcept {
  for (const engine::Rule* r : kAll) {
    if (r->id == id) {
      return r;
    }
  }
  return nullptr;
}

std::span<const engine::site::SiteRule* const> AllSiteRules() noexcept {
  return kAllSite;
}

const engine::site::SiteRule* FindSiteRule(std::string_view id) noexcept {
  for (const engine::site::SiteRule* r : kAllSite) {
    if (r->id == id) {
      return r;
    }
  }
  return nullptr;
}

}  // namespace plainsight::rules
