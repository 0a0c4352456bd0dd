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
    &kOfficeColorEmphasis,
    &kOfficeHeadingOrder,
    &kOfficeHeadings,
    &kOfficeImageAlt,
    &kOfficeLang,
    &kOfficeLinkText,
    &kOfficeTableHeader,
    &kOfficeTextSize,
    &kOfficeTitle,
    &kPdfBookmarks,
    &kPdfDisplayDocTitle,
    &kPdfEncryption,
    &kPdfFigureAlt,
    &kPdfFontUnicode,
    &kPdfFormFieldName,
    &kPdfHeadingOrder,
    &kPdfHeadingsTagged,
    &kPdfLang,
    &kPdfTableHeaders,
    &kPdfTagged,
    &kPdfTextExtractable,
    &kPdfTitle,
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

}  // namespace plainsight::rules
