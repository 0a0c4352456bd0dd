// text.reading-level: the text can be read at lower secondary level. WCAG 2.2 SC 3.1.5 Reading
// Level (AAA): text that needs more than lower secondary education needs a simpler version or
// supplemental content. EN 301 549 leaves AAA out.
// Interpretation: lower secondary education ends after about nine years of school, so English
// text above Flesch-Kincaid grade `max_grade` (Kincaid et al. 1975) and text in other languages
// above LIX `max_lix` (Björnsson 1968; 50 and over is "difficult") needs a look: whether a
// simpler version or summary exists is for a person to say. Texts under 100 words have no score
// (engine/text/readability.h) and are not judged.
#include <cstdio>
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr engine::RuleOption kOptions[] = {
    {"min_words", 100,
     "texts with fewer words are not judged (the formulas give no score under 100 words)"},
    {"max_grade", 9, "English: the highest Flesch-Kincaid grade of lower secondary level"},
    {"max_lix", 50, "other languages: the highest LIX of lower secondary level"},
};

std::string OneDecimal(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

void Check(const text::TextFacts& facts, const engine::OptionValues& options,
           engine::Findings& out) {
  const text::Metrics& m = facts.metrics;
  if (static_cast<double>(m.counts.words) < options.Get("min_words") || facts.blocks.empty()) {
    return;
  }
  std::string over;
  if (facts.lang == "en" && m.flesch_kincaid_grade) {
    if (*m.flesch_kincaid_grade > options.Get("max_grade")) {
      over = "Flesch-Kincaid grade " + OneDecimal(*m.flesch_kincaid_grade) + " (over " +
             OneDecimal(options.Get("max_grade")) + ")";
    }
  } else if (m.lix) {
    if (*m.lix > options.Get("max_lix")) {
      over = "LIX " + OneDecimal(*m.lix) + " (over " + OneDecimal(options.Get("max_lix")) + ")";
    }
  } else {
    return;  // no formula for this script
  }
  if (over.empty()) {
    out.Pass(nullptr);
    return;
  }
  text::ReportText(out, facts, 0, 0, text::LeadEnd(facts.BlockText(0), 80),
                   "the text reads above lower secondary level: " + over,
                   "Shorten sentences and use everyday words, or offer a plain-language summary "
                   "or version.",
                   {}, text::Severity::kInfo);
}

constexpr std::string_view kWcag[] = {"3.1.5"};
constexpr std::string_view kPasses[] = {
    "We collect your bins every week. Put them out on the path by seven. Bring them in at "
    "night. If we miss your bin, call us. We will come back the next day. You can also tell us "
    "on our web site. It is free. Ask us if you need help. We are here to help you. Put "
    "glass in the green box. Put cans in the blue bin. Food goes in the brown bin. Do not put "
    "bags in the brown bin. Keep the lid shut so that birds do not get in. If your bin is "
    "broken, tell us. We will give you a new one. You do not have to pay for it. We will "
    "bring it to your door."};
constexpr std::string_view kCantTell[] = {
    "Notwithstanding the aforementioned considerations, the municipal authority's "
    "comprehensive environmental sustainability programme necessitates substantial "
    "organisational restructuring, particularly regarding interdepartmental communication, "
    "administrative responsibilities and operational accountability, consequently "
    "establishing unprecedented expectations concerning residential participation, "
    "individual responsibility and collaborative implementation throughout "
    "metropolitan communities. Correspondingly, departmental representatives will "
    "systematically evaluate organisational performance indicators, environmental "
    "compliance documentation and infrastructural investment requirements. Furthermore, "
    "notwithstanding considerable implementation difficulties, interdepartmental "
    "collaboration necessitates comprehensive organisational transformation, encompassing "
    "technological modernisation, administrative rationalisation, environmental "
    "accountability and intergenerational sustainability considerations, particularly "
    "concerning infrastructural investment prioritisation and operational efficiency "
    "optimisation throughout municipal administrative jurisdictions. Consequently, "
    "organisational stakeholders must demonstrate unprecedented commitment regarding "
    "comprehensive accountability mechanisms."};
constexpr std::string_view kInapplicable[] = {"We collect your bins every week."};

}  // namespace

extern const engine::Rule kTextReadingLevel{
    .id = "text.reading-level",
    .summary = "The text can be read at lower secondary level, or has a simpler version",
    .why =
        "Text that needs a university reading level shuts out many adults: about one in six "
        "adults in Ireland finds everyday texts hard to read (OECD PIAAC).",
    .help =
        "Use short sentences and everyday words; where the subject needs harder text, "
        "offer a plain-language summary or version.",
    .limits =
        "Readability formulas count sentence and word length only; they cannot see a "
        "summary or an easy-to-read version elsewhere, nor judge the content.",
    .wcag = kWcag,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .level = "AAA",
    .check_text = &Check};

}  // namespace plainsight::rules
