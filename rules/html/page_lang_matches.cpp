// html.page-lang-matches: the page's declared language is the language its text is in.
// WCAG 3.1.1 Language of Page; EN 301 549 9.3.1.1; ACT ucwvc8 (HTML page language subtag
// matches default language).
// The text in the page's default language (visible or exposed text, the title and image
// alternatives whose nearest lang is the <html> element's) is given to the language detector.
// Interpretation: a detector can be wrong on short or mixed text, so the rule decides only on
// evidence: it passes when the detector reliably agrees, fails only when it reliably finds
// another language in at least `min_words_to_fail` words with at least `min_percent` of the
// text, and otherwise asks a person.
#include <algorithm>
#include <ranges>

#include "engine/language_detect.h"
#include "engine/language_tag.h"
#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr engine::RuleOption kOptions[] = {
    {"min_words", 12, "fewer words in the page's default language than this: ask a person"},
    {"min_words_to_fail", 25, "a mismatch on fewer words than this is reported for review"},
    {"min_percent", 80, "share of the text the detected language must cover to fail"},
    {"sample_bytes", 2048, "a longer text is sampled evenly to about this many bytes"},
    {"sample_windows", 8, "the number of stretches in that sample"},
};

// Text in the page's default language: what inherits its language from <html>. One walk from
// the root that does not enter subtrees with a lang of their own (nor script, style, template).
std::string DefaultLanguageText(const engine::Page& page) {
  const engine::Document& doc = page.document();
  std::string text = doc.Title();
  std::vector<const engine::Node*> stack{doc.html()};
  while (!stack.empty()) {
    const engine::Node* e = stack.back();
    stack.pop_back();
    if (e != doc.html()) {
      const std::string* lang = e->Attr("lang");
      if ((lang && !engine::TrimWhitespace(*lang).empty()) || e->IsHtml("title") ||
          e->IsHtml("script") || e->IsHtml("style") || e->IsHtml("template")) {
        continue;
      }
    }
    bool exposed = !page.a11y().IsHidden(*e);
    bool perceivable = exposed || IsVisible(page, *e);
    for (auto it = e->children().rbegin(); it != e->children().rend(); ++it) {
      if ((*it)->IsElement()) {
        stack.push_back(*it);
      }
    }
    if (!perceivable) {
      continue;  // its own text is neither seen nor heard; descendants decide for themselves
    }
    for (const engine::Node* c : e->children()) {
      if (c->IsText()) {
        text += ' ';
        text += c->text();
      }
    }
    if (exposed && (e->IsHtml("img") || e->IsHtml("area") || e->IsHtml("input"))) {
      std::string name = page.a11y().AccessibleName(*e);
      if (!name.empty()) {
        text += ' ';
        text += name;
      }
    }
  }
  return engine::CollapseWhitespace(text);
}

void Check(const engine::Page& page, engine::Findings& out) {
  if (!IsTopLevelHtmlPage(page)) {
    return;
  }
  const engine::Node* html = page.document().html();
  const std::string* lang = html->Attr("lang");
  if (!lang || !engine::IsValidLanguageTag(*lang)) {
    return;
  }
  std::string text = DefaultLanguageText(page);
  if (text.empty()) {
    return;
  }
  std::string declared = engine::PrimaryLanguage(*lang);
  // Too few words is decided before asking the detector (which costs far more than counting).
  // The text is whitespace-collapsed: words are one more than its spaces.
  const size_t words = static_cast<size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
  const bool enough_words = words >= static_cast<size_t>(kOptions[0].default_value);
  engine::DetectedLanguage detected;
  if (enough_words) {
    // An even sample of a long text: the detector's shares hold, at a fraction of its cost.
    detected = engine::DetectLanguage(
        engine::EvenSample(text, static_cast<size_t>(kOptions[3].default_value),
                           static_cast<size_t>(kOptions[4].default_value)));
    detected.words = static_cast<int>(words);
  }
  if (!enough_words || !detected.reliable || detected.language.empty()) {
    out.CantTell(html,
                 "There is too little text to tell its language automatically: check that "
                 "it is in the language lang=\"" +
                     *lang + "\" names.");
    return;
  }
  if (engine::SameLanguage(detected.language, declared)) {
    out.Pass(html);
    return;
  }
  std::string message = "lang=\"" + *lang +
                        "\" says the page is in one language, but its text "
                        "reads as another (language code \"" +
                        detected.language + "\", " + std::to_string(detected.percent) + "% of " +
                        std::to_string(detected.words) + " words).";
  if (detected.words >= static_cast<int>(kOptions[1].default_value) &&
      detected.percent >= static_cast<int>(kOptions[2].default_value)) {
    out.Fail(html, message);
  } else {
    out.CantTell(html, message + " Check which language the page is written in.");
  }
}

constexpr std::string_view kWcag[] = {"3.1.1"};
constexpr std::string_view kEn[] = {"9.3.1.1"};
constexpr std::string_view kAct[] = {"ucwvc8"};
constexpr std::string_view kPasses[] = {
    R"(<html lang="en-IE"><title>Bin collections</title><p>Your general waste and recycling bins
    are collected every second week. Put your bins out before seven in the morning on your
    collection day, and bring them back in the same evening.</p></html>)"};
constexpr std::string_view kFails[] = {
    R"(<html lang="ga"><title>Bin collections</title><p>Your general waste and recycling bins
    are collected every second week. Put your bins out before seven in the morning on your
    collection day, and bring them back in the same evening.</p></html>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<html><p>Your bins are collected every second week.</p></html>)",
    R"(<html lang="english"><p>Your bins are collected every second week.</p></html>)"};
constexpr std::string_view kCantTell[] = {
    R"(<html lang="fr"><title>Paul</title><p>Paul put dire comment on tape.</p></html>)"};

}  // namespace

extern const engine::Rule kHtmlPageLangMatches{
    .id = "html.page-lang-matches",
    .summary = "The page's declared language is the language of its text",
    .why =
        "Screen readers pronounce text with the rules of the declared language: English text "
        "under lang=\"ga\" is read out with Irish pronunciation and is hard to follow.",
    .help =
        "Set lang on <html> to the language most of the page is written in (en-IE, ga), and "
        "mark passages in other languages with their own lang.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions};

}  // namespace plainsight::rules
