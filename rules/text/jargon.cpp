// text.jargon: matches of the phrase lists of kind "jargon"
// (corpora/text/<lang>/lists/public-sector-jargon.tsv; format in engine/text/phrase_list.h and
// docs/text.md). After GOV.UK, plainlanguage.gov and the NALA Plain English Style Guide (2023). No
// WCAG success criterion requires it (plain-language advice).
#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kKind = "jargon";  // the phrase lists this rule reports
constexpr std::string_view kPasses[] = {"Everyone affected will be told."};
constexpr std::string_view kCantTell[] = {"All stakeholders will be told."};
constexpr std::string_view kInapplicable[] = {""};

}  // namespace

extern const engine::Rule kTextJargon{
    .id = "text.jargon",
    .summary = "Jargon is avoided or explained",
    .why =
        "Public-sector jargon (\"stakeholder\", \"service user\") is clear to staff but not to the "
        "people a service is for.",
    .help = "Name the people or thing meant, in everyday words.",
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
