// The sorted list of all rules. tests/rule_catalog_test.cpp checks the order and the metadata.
#include "rules/catalog.h"

#include <algorithm>

#include "engine/site/site_model.h"

namespace plainsight::rules {
namespace {

constexpr const engine::Rule* kAll[] = {
    &kHtmlAccesskey,
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
    &kHtmlBgImageInfo,
    &kHtmlBlinkMarquee,
    &kHtmlButtonName,
    &kHtmlBypassBlocks,
    &kHtmlChangeOfContext,
    &kHtmlClickNotFocusable,
    &kHtmlColorContrast,
    &kHtmlColorContrastEnhanced,
    &kHtmlControlGroup,
    &kHtmlCssOrientationLock,
    &kHtmlDataTableHeaders,
    &kHtmlDecorativeNotExposed,
    &kHtmlDefinitionListParent,
    &kHtmlDuplicateId,
    &kHtmlEmptyParagraph,
    &kHtmlFieldsetLegend,
    &kHtmlFocusOutline,
    &kHtmlFocusableNoRole,
    &kHtmlFormFieldName,
    &kHtmlHeadingDescriptive,
    &kHtmlHeadingName,
    &kHtmlHeadingOrder,
    &kHtmlHtmlHasLang,
    &kHtmlHtmlLangValid,
    &kHtmlIframeName,
    &kHtmlIframeSamePurpose,
    &kHtmlIframeTabindex,
    &kHtmlImageButtonName,
    &kHtmlImageName,
    &kHtmlImageNameDescriptive,
    &kHtmlImgAltRepeatsLink,
    &kHtmlImgAltTitle,
    &kHtmlImgAnimated,
    &kHtmlImgPresentationAlt,
    &kHtmlImgSpacer,
    &kHtmlImgText,
    &kHtmlInstructionsColor,
    &kHtmlInstructionsLocation,
    &kHtmlLabelDescriptive,
    &kHtmlLabelForTarget,
    &kHtmlLabelInName,
    &kHtmlLabelMultiple,
    &kHtmlLabelUnique,
    &kHtmlLangValid,
    &kHtmlLayoutTable,
    &kHtmlLetterSpacing,
    &kHtmlLineHeight,
    &kHtmlLineHeightBody,
    &kHtmlLineLength,
    &kHtmlLinkAdjacentDuplicate,
    &kHtmlLinkButtonKeys,
    &kHtmlLinkColorOnly,
    &kHtmlLinkDescriptive,
    &kHtmlLinkDescriptiveInContext,
    &kHtmlLinkDocumentFormat,
    &kHtmlLinkHrefPlaceholder,
    &kHtmlLinkName,
    &kHtmlLinkNewWindow,
    &kHtmlLinkSamePurpose,
    &kHtmlLinkSamePurposeInContext,
    &kHtmlLinkTextPunctuation,
    &kHtmlLinkTitleRedundant,
    &kHtmlListItemParent,
    &kHtmlMainHeading,
    &kHtmlMainLandmark,
    &kHtmlMenuitemName,
    &kHtmlMetaRefresh,
    &kHtmlMetaRefreshNoException,
    &kHtmlMetaViewportZoom,
    &kHtmlNoAutoplayAudio,
    &kHtmlNoAutoplayAudioControl,
    &kHtmlObjectName,
    &kHtmlPageHasH1,
    &kHtmlPageLangMatches,
    &kHtmlPageTitle,
    &kHtmlPageTitleDescriptive,
    &kHtmlParserRepair,
    &kHtmlPlaceholderLabel,
    &kHtmlPluginContent,
    &kHtmlPresentationalChildrenFocus,
    &kHtmlPresentationalElements,
    &kHtmlPseudoContent,
    &kHtmlReflowFixedWidth,
    &kHtmlRepeatedBlockCollapsible,
    &kHtmlRequiredMarked,
    &kHtmlSectionHeading,
    &kHtmlSkipLink,
    &kHtmlSummaryName,
    &kHtmlSvgName,
    &kHtmlTabindexPositive,
    &kHtmlTableCaption,
    &kHtmlTableNested,
    &kHtmlTableRowCells,
    &kHtmlTargetSize,
    &kHtmlTdHeaders,
    &kHtmlTextCapitalsRun,
    &kHtmlTextClippedOnZoom,
    &kHtmlTextItalicRun,
    &kHtmlTextJustified,
    &kHtmlTextList,
    &kHtmlTextSmall,
    &kHtmlTextStyledAsHeading,
    &kHtmlThEmpty,
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
    &kTextAbbreviations,
    &kTextAllCaps,
    &kTextDoubleNegative,
    &kTextJargon,
    &kTextLanguageMismatch,
    &kTextNominalisation,
    &kTextNonWords,
    &kTextParagraphLength,
    &kTextPassiveVoice,
    &kTextReadingLevel,
    &kTextSentenceLength,
    &kTextSpelling,
    &kTextUndefinedAcronym,
    &kTextUnusualWords,
    &kTextWordyPhrase,
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
