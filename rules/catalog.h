// The rule catalogue: every rule plainsight has, declared here and listed in catalog.cpp in id
// order (one central registry, no self-registering statics: STYLE.md sections 2 and 9).
#pragma once

#include <span>
#include <string_view>

#include "engine/page.h"
#include "engine/rule.h"

// Declared, not included: engine/site/site_model.h brings nlohmann/json into every rule's
// translation unit, and most rules are page rules (a site rule's file includes it itself).
namespace plainsight::engine::site {
struct SiteRule;
}  // namespace plainsight::engine::site

namespace plainsight::rules {

// Every rule, sorted by id.
std::span<const engine::Rule* const> AllRules() noexcept;
// The rule with this id, or nullptr.
const engine::Rule* FindRule(std::string_view id) noexcept;

// Every site-level rule (judged on a body's whole site, not a page), sorted by id.
std::span<const engine::site::SiteRule* const> AllSiteRules() noexcept;
// The site rule with this id, or nullptr.
const engine::site::SiteRule* FindSiteRule(std::string_view id) noexcept;

// One line per rule, sorted by id (the definitions are in rules/html/, rules/office/ and
// rules/pdf/, rules/text/).
extern const engine::Rule kHtmlAccesskey;
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
extern const engine::Rule kHtmlBgImageInfo;
extern const engine::Rule kHtmlBlinkMarquee;
extern const engine::Rule kHtmlButtonName;
extern const engine::Rule kHtmlBypassBlocks;
extern const engine::Rule kHtmlChangeOfContext;
extern const engine::Rule kHtmlClickNotFocusable;
extern const engine::Rule kHtmlColorContrast;
extern const engine::Rule kHtmlColorContrastEnhanced;
extern const engine::Rule kHtmlControlGroup;
extern const engine::Rule kHtmlCssOrientationLock;
extern const engine::Rule kHtmlDataTableHeaders;
extern const engine::Rule kHtmlDecorativeNotExposed;
extern const engine::Rule kHtmlDefinitionListParent;
extern const engine::Rule kHtmlDuplicateId;
extern const engine::Rule kHtmlEmptyParagraph;
extern const engine::Rule kHtmlFieldsetLegend;
extern const engine::Rule kHtmlFocusOutline;
extern const engine::Rule kHtmlFocusableNoRole;
extern const engine::Rule kHtmlFormFieldName;
extern const engine::Rule kHtmlHeadingDescriptive;
extern const engine::Rule kHtmlHeadingName;
extern const engine::Rule kHtmlHeadingOrder;
extern const engine::Rule kHtmlHtmlHasLang;
extern const engine::Rule kHtmlHtmlLangValid;
extern const engine::Rule kHtmlIframeName;
extern const engine::Rule kHtmlIframeSamePurpose;
extern const engine::Rule kHtmlIframeTabindex;
extern const engine::Rule kHtmlImageButtonName;
extern const engine::Rule kHtmlImageName;
extern const engine::Rule kHtmlImageNameDescriptive;
extern const engine::Rule kHtmlImgAltRepeatsLink;
extern const engine::Rule kHtmlImgAltTitle;
extern const engine::Rule kHtmlImgAnimated;
extern const engine::Rule kHtmlImgPresentationAlt;
extern const engine::Rule kHtmlImgSpacer;
extern const engine::Rule kHtmlImgText;
extern const engine::Rule kHtmlInstructionsColor;
extern const engine::Rule kHtmlInstructionsLocation;
extern const engine::Rule kHtmlLabelDescriptive;
extern const engine::Rule kHtmlLabelForTarget;
extern const engine::Rule kHtmlLabelInName;
extern const engine::Rule kHtmlLabelMultiple;
extern const engine::Rule kHtmlLabelUnique;
extern const engine::Rule kHtmlLangValid;
extern const engine::Rule kHtmlLayoutTable;
extern const engine::Rule kHtmlLetterSpacing;
extern const engine::Rule kHtmlLineHeight;
extern const engine::Rule kHtmlLineHeightBody;
extern const engine::Rule kHtmlLineLength;
extern const engine::Rule kHtmlLinkAdjacentDuplicate;
extern const engine::Rule kHtmlLinkButtonKeys;
extern const engine::Rule kHtmlLinkColorOnly;
extern const engine::Rule kHtmlLinkDescriptive;
extern const engine::Rule kHtmlLinkDescriptiveInContext;
extern const engine::Rule kHtmlLinkDocumentFormat;
extern const engine::Rule kHtmlLinkHrefPlaceholder;
extern const engine::Rule kHtmlLinkName;
extern const engine::Rule kHtmlLinkNewWindow;
extern const engine::Rule kHtmlLinkSamePurpose;
extern const engine::Rule kHtmlLinkSamePurposeInContext;
extern const engine::Rule kHtmlLinkTextPunctuation;
extern const engine::Rule kHtmlLinkTitleRedundant;
extern const engine::Rule kHtmlListItemParent;
extern const engine::Rule kHtmlMainHeading;
extern const engine::Rule kHtmlMainLandmark;
extern const engine::Rule kHtmlMenuitemName;
extern const engine::Rule kHtmlMetaRefresh;
extern const engine::Rule kHtmlMetaRefreshNoException;
extern const engine::Rule kHtmlMetaViewportZoom;
extern const engine::Rule kHtmlNoAutoplayAudio;
extern const engine::Rule kHtmlNoAutoplayAudioControl;
extern const engine::Rule kHtmlObjectName;
extern const engine::Rule kHtmlPageHasH1;
extern const engine::Rule kHtmlPageLangMatches;
extern const engine::Rule kHtmlPageTitle;
extern const engine::Rule kHtmlPageTitleDescriptive;
extern const engine::Rule kHtmlParserRepair;
extern const engine::Rule kHtmlPlaceholderLabel;
extern const engine::Rule kHtmlPluginContent;
extern const engine::Rule kHtmlPresentationalChildrenFocus;
extern const engine::Rule kHtmlPresentationalElements;
extern const engine::Rule kHtmlPseudoContent;
extern const engine::Rule kHtmlReflowFixedWidth;
extern const engine::Rule kHtmlRepeatedBlockCollapsible;
extern const engine::Rule kHtmlRequiredMarked;
extern const engine::Rule kHtmlSectionHeading;
extern const engine::Rule kHtmlSkipLink;
extern const engine::Rule kHtmlSummaryName;
extern const engine::Rule kHtmlSvgName;
extern const engine::Rule kHtmlTabindexPositive;
extern const engine::Rule kHtmlTableCaption;
extern const engine::Rule kHtmlTableNested;
extern const engine::Rule kHtmlTableRowCells;
extern const engine::Rule kHtmlTargetSize;
extern const engine::Rule kHtmlTdHeaders;
extern const engine::Rule kHtmlTextCapitalsRun;
extern const engine::Rule kHtmlTextClippedOnZoom;
extern const engine::Rule kHtmlTextItalicRun;
extern const engine::Rule kHtmlTextJustified;
extern const engine::Rule kHtmlTextList;
extern const engine::Rule kHtmlTextSmall;
extern const engine::Rule kHtmlTextStyledAsHeading;
extern const engine::Rule kHtmlThEmpty;
extern const engine::Rule kHtmlThHasCells;
extern const engine::Rule kHtmlWordSpacing;
extern const engine::Rule kOfficeColorEmphasis;
extern const engine::Rule kOfficeHeadingOrder;
extern const engine::Rule kOfficeHeadings;
extern const engine::Rule kOfficeImageAlt;
extern const engine::Rule kOfficeLang;
extern const engine::Rule kOfficeLinkText;
extern const engine::Rule kOfficeTableHeader;
extern const engine::Rule kOfficeTextSize;
extern const engine::Rule kOfficeTitle;
extern const engine::Rule kPdfBookmarks;
extern const engine::Rule kPdfDisplayDocTitle;
extern const engine::Rule kPdfEncryption;
extern const engine::Rule kPdfFigureAlt;
extern const engine::Rule kPdfFontUnicode;
extern const engine::Rule kPdfFormFieldName;
extern const engine::Rule kPdfHeadingOrder;
extern const engine::Rule kPdfHeadingsTagged;
extern const engine::Rule kPdfLang;
extern const engine::Rule kPdfTableHeaders;
extern const engine::Rule kPdfTagged;
extern const engine::Rule kPdfTextExtractable;
extern const engine::Rule kPdfTitle;
extern const engine::Rule kTextAbbreviations;
extern const engine::Rule kTextAllCaps;
extern const engine::Rule kTextDoubleNegative;
extern const engine::Rule kTextJargon;
extern const engine::Rule kTextLanguageMismatch;
extern const engine::Rule kTextNominalisation;
extern const engine::Rule kTextNonWords;
extern const engine::Rule kTextParagraphLength;
extern const engine::Rule kTextPassiveVoice;
extern const engine::Rule kTextReadingLevel;
extern const engine::Rule kTextSentenceLength;
extern const engine::Rule kTextSpelling;
extern const engine::Rule kTextUndefinedAcronym;
extern const engine::Rule kTextUnusualWords;
extern const engine::Rule kTextWordyPhrase;

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
