// text.wordy-phrase: matches of the phrase lists of kind "wordy-phrase" (corpora/text/<lang>/lists
// (GOV.UK words to avoid, plainlanguage.gov, our British and Irish additions); format in
// engine/text/phrase_list.h and docs/text.md). After GOV.UK, plainlanguage.gov and the NALA
// Plain English Style Guide (2023). No WCAG success criterion requires it (plain-language
// advice).
#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kKind = "wordy-phrase";  // the phrase lists this rule reports
constexpr std::string_view kPasses[] = {"We will use the hall."};
constexpr std::string_view kCantTell[] = {"We will utilise the hall."};
constexpr std::string_view kInapplicable[] = {""};

}  // namespace

extern const engine::Rule kTextWordyPhrase{
    .id = "text.wordy-phrase",
    .summary = "Wordy phrases have plainer alternatives",
    .why =
        "Long, formal words and stock phrases (\"utilise\", \"in order to\") slow readers down and "
        "say no more than short ones.",
    .help =
        R"(Use the plainer word the finding suggests: "use" for "utilise", "to" for "in order to".)",
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
