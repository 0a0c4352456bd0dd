// html.lang-valid: language changes inside the page use real language tags. WCAG 3.1.2
// Language of Parts; EN 301 549 9.3.1.2; ACT de46e4 (Element with lang attribute has valid
// language tag).
// Applicability (ACT): an element in <body> with a non-empty lang whose text, visible or exposed
// to assistive technology, takes its language from that lang (no nearer lang in between).
#include "engine/language_tag.h"
#include "rules/catalog.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"3.1.2"};
constexpr std::string_view kEn[] = {"9.3.1.2"};
constexpr std::string_view kAct[] = {"de46e4"};
constexpr std::string_view kPasses[] = {
    R"(<html lang="en"><body><p lang="ga">Dia dhuit.</p></body></html>)"};
constexpr std::string_view kFails[] = {
    R"(<html lang="en"><body><p lang="irish">Dia dhuit.</p></body></html>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<html lang="en"><body><p lang="">Hello</p><div lang="xx-invalid"></div></body></html>)"};

// Does `element` have, as its own language (no nearer descendant lang overriding it), text
// that is visible or in the accessibility tree? Images with a non-empty accessible name count as
// exposed text content too (their alt is in that language).
bool OwnsExposedContent(const engine::Page& page, const engine::Node& element) {
  TextSearch search;
  // An element with its own lang: that language applies below it.
  search.skip = [](const engine::Page&, const engine::Node& e) {
    const std::string* lang = e.Attr("lang");
    return lang && !engine::TrimWhitespace(*lang).empty();
  };
  search.counts = [](const engine::Page& p, const engine::Node& e) {
    return !p.a11y().IsHidden(e) && !p.a11y().AccessibleName(e).empty() &&
           (e.IsHtml("img") || e.IsHtml("area") || e.IsHtml("input"));
  };
  return HasExposedOrVisibleText(page, element, search);
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Document& doc = page.document();
  const engine::Node* body = doc.body();
  if (!body || doc.is_xml()) {
    return;
  }
  for (const engine::Node* e : doc.elements()) {
    if (e != body && !e->IsDescendantOf(*body)) {
      continue;
    }
    const std::string* lang = e->Attr("lang");
    // Interpretation (as ACT Failed Example 3): a whitespace-only lang is not empty, so it
    // applies and fails; only lang="" is inapplicable.
    if (!lang || lang->empty()) {
      continue;
    }
    if (!OwnsExposedContent(page, *e)) {
      continue;
    }
    if (engine::IsValidLanguageTag(*lang)) {
      out.Pass(e);
    } else {
      out.Fail(e, "lang=\"" + *lang + "\" is not a valid language tag.");
    }
  }
}

}  // namespace

extern const engine::Rule kHtmlLangValid{
    .id = "html.lang-valid",
    .summary = "Language changes use valid language tags",
    .why =
        "When a passage is in another language, a valid lang lets screen readers switch "
        "pronunciation; an invalid one is ignored or misread.",
    .help = R"(Give the passage a registered language code: <p lang="ga">, <span lang="fr">.)",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .level = "AA",
    .target_attributes = targets::kLangAttribute};

}  // namespace plainsight::rules
