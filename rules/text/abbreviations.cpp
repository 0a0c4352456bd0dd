// text.abbreviations: shortened forms are written out or explained. WCAG 2.2 SC 3.1.4
// Abbreviations (AAA): a way to find the expanded form or meaning of abbreviations. EN 301 549
// leaves AAA out.
// Interpretation: Latin abbreviations ("e.g.", "i.e.", "cf.", "viz.") and "etc." are the
// shortened forms many readers misread (the NALA Plain English Style Guide and GOV.UK advise
// writing them out); titles, dates and units ("Dr.", "Jan.", "mins.") are read without thought.
// Acronyms are text.undefined-acronym.
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

// The plainer words for the shortened forms the facts mark (TokenFlag kAbbreviation).
std::string_view Plainer(std::string_view lower) {
  struct Entry {
    std::string_view abbreviation;
    std::string_view plainer;
  };

  static constexpr Entry kEntries[] = {
      {"e.g", "for example"},   {"eg", "for example"}, {"i.e", "that is"},
      {"ie", "that is"},        {"etc", "and so on"},  {"cf", "compare"},
      {"vs", "against"},        {"viz", "namely"},     {"approx", "about"},
      {"ca", "about"},          {"n.b", "note"},       {"nb", "note"},
      {"incl", "including"},    {"excl", "excluding"}, {"esp", "especially"},
      {"resp", "respectively"}, {"p.s", "postscript"}, {"ps", "postscript"},
      {"v", "against"}};
  for (const Entry& e : kEntries) {
    if (e.abbreviation == lower) {
      return e.plainer;
    }
  }
  return {};
}

void Check(const text::TextFacts& facts, const engine::OptionValues& /*options*/,
           engine::Findings& out) {
  bool applicable = false;
  bool any = false;
  for (const text::SentenceFacts& s : facts.sentences) {
    const std::string& lang = facts.blocks[s.block].lang;
    if (lang != "en" && lang != "ga") {
      continue;  // the abbreviation lists are English and Irish
    }
    applicable = true;
    for (const text::TokenFacts& t : facts.TokensOf(s)) {
      if ((t.flags & text::kAbbreviation) == 0) {
        continue;
      }
      any = true;
      std::string written = std::string(facts.TokenText(s, t)) + ".";
      std::string_view plainer = Plainer(text::LowerForMatch(facts.TokenText(s, t)));
      text::ReportText(out, facts, s.block, t.start, t.end + 1,
                       "\"" + written + "\" is an abbreviation some readers will not know",
                       plainer.empty() ? "Write it out in full."
                                       : "Write it out: \"" + std::string(plainer) + "\".",
                       {}, text::Severity::kInfo);
    }
  }
  if (applicable && !any) {
    out.Pass(nullptr);
  }
}

constexpr std::string_view kWcag[] = {"3.1.4"};
constexpr std::string_view kPasses[] = {
    "Bring a document, for example a bill. Dr. Kelly will see you."};
constexpr std::string_view kCantTell[] = {"Bring a document, e.g. a bill.",
                                          "Bring bills, letters etc. to the office."};
constexpr std::string_view kInapplicable[] = {
    R"(<html lang="de"><p>Bringen Sie z.B. eine Rechnung mit.</p></html>)"};

}  // namespace

extern const engine::Rule kTextAbbreviations{
    .id = "text.abbreviations",
    .summary = "Shortened forms are written out or explained",
    .why =
        "Many readers do not know what \"i.e.\" or \"viz.\" stand for, or mix up \"e.g.\" and "
        "\"i.e.\"; screen readers may read them letter by letter.",
    .help =
        "Write the words out (\"for example\", \"that is\"), or give the meaning with an "
        "<abbr title> or a glossary.",
    .limits =
        "Knows English and Irish Latin abbreviations and \"etc.\"; it cannot see an "
        "<abbr> title or glossary that explains them.",
    .wcag = kWcag,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "AAA",
    .check_text = &Check};

}  // namespace plainsight::rules
