// text.nominalisation: matches of the phrase lists of kind "nominalisation"
// (corpora/text/<lang>/lists/nominalisations.tsv; format in engine/text/phrase_list.h and
// docs/text.md). After GOV.UK, plainlanguage.gov and the NALA Plain English Style Guide (2023). No
// WCAG success criterion requires it (plain-language advice).
#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kKind = "nominalisation";  // the phrase lists this rule reports
constexpr std::string_view kPasses[] = {"We will decide soon."};
constexpr std::string_view kCantTell[] = {"We will make a decision soon."};
constexpr std::string_view kInapplicable[] = {""};

}  // namespace

extern const engine::Rule kTextNominalisation{
    .id = "text.nominalisation",
    .summary = "Verbs are not hidden in nouns",
    .why =
        "A verb turned into a noun (\"make a decision\") makes sentences longer and more abstract, "
        "and often hides who acts.",
    .help = R"(Use the verb: "decide" for "make a decision".)",
    .limits =
        "Matches listed phrases; whether the plainer word fits the sentence is for a "
        "person to judge. Add your own lists with --wordlist.",
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .check_text = &text_support::CheckPhraseList<kKind>};

}  // namespace plainsight::rules
