// The analyser: metrics on hand-worked texts, and every finding kind with a positive and a
// negative case in English and in Irish.
#include "engine/text/analyser.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <catch2/catch.hpp>

#include "engine/text/test_support.h"
#include "rules/catalog.h"

namespace plainsight::engine::text {
namespace {

TextAnalysis Analyse(const std::string& input, const std::string& lang,
                     AnalysisOptions options = {}) {
  auto extracted = ExtractPlainText(input);
  REQUIRE(extracted);
  options.lang = lang;
  auto result =
      testing::SharedAnalyser().Analyse(*extracted, plainsight::rules::AllRules(), options);
  REQUIRE(result);
  return std::move(*result);
}

size_t CountKind(const TextAnalysis& a, std::string_view kind) {
  return static_cast<size_t>(std::count_if(a.findings.begin(), a.findings.end(),
                                           [&](const TextFinding& f) { return f.kind == kind; }));
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

// A finding kind, a language, a text that must produce it and one that must not.
struct KindCase {
  const char* kind;
  const char* lang;
  std::string positive;
  std::string negative;
};

TEST_CASE("analyser: every finding kind has a positive and a negative case in English and Irish",
          "[text][analyser]") {
  const std::string long_en = Repeat("we will look at the form ", 6) + "today.";  // 31 words
  const std::string long_ga = Repeat("beidh muid ag féachaint ar an bhfoirm ", 4) + "inniu.";  // 29
  const std::string para_en =
      Repeat("We collect the bins on the same day every week. ", 16);  // 160
  const std::string para_ga =
      Repeat("Bailímid na boscaí bruscair ar an lá céanna gach seachtain. ", 17);
  const KindCase cases[] = {
      {"long-sentence", "en", long_en, "We will look at the form today."},
      {"long-sentence", "ga", long_ga, "Beidh muid ag féachaint ar an bhfoirm inniu."},
      {"passive-voice", "en", "The form was approved by the council.",
       "The council approved the form."},
      {"passive-voice", "en", "The letter was written last week.", "She is interested in the job."},
      {"nominalisation", "en", "We will make a decision soon.", "We will decide soon."},
      {"wordy-phrase", "en", "In the event that you are ill, phone us.",
       "If you are ill, phone us."},
      {"wordy-phrase", "en", "We will endeavour to reply.", "We will try to reply."},
      {"wordy-phrase", "ga", "Sa chás go bhfuil tú tinn, glaoigh orainn.",
       "Má tá tú tinn, glaoigh orainn."},
      {"jargon", "en", "We met the stakeholders last week.", "We met the residents last week."},
      {"jargon", "ga", "Bhuail muid leis na páirtithe leasmhara inné.",
       "Bhuail muid leis na daoine inné."},
      {"acronym-undefined", "en", "Contact the PBL office today.",
       "Read the Parking Bye-Laws (PBL) before you contact the PBL office."},
      {"acronym-undefined", "ga", "Déan teagmháil le hoifig OPB inniu.",
       "Léigh Oifig na bPasanna Breise (OPB) agus déan teagmháil le OPB inniu."},
      {"acronym-before-definition", "en", "The PBL apply. The Parking Bye-Laws (PBL) are new.",
       "The Parking Bye-Laws (PBL) are new. The PBL apply."},
      {"acronym-before-definition", "ga", "Tá OPB oscailte. Tá Oifig na bPasanna Breise (OPB) nua.",
       "Tá Oifig na bPasanna Breise (OPB) nua. Tá OPB oscailte."},
      {"misspelling", "en", "We recieve your form.", "We receive your form."},
      {"misspelling", "ga", "Tá an oifigg ar oscailt inniu.", "Tá an oifig ar oscailt inniu."},
      {"long-paragraph", "en", para_en, "We collect the bins on the same day every week."},
      {"long-paragraph", "ga", para_ga,
       "Bailímid na boscaí bruscair ar an lá céanna gach seachtain."},
      {"all-caps", "en", "PLEASE READ THIS NOTICE before you sign.",
       "Please read this notice. The HSE and the EU agree."},
      {"all-caps", "ga", "LÉIGH AN FÓGRA SEO go cúramach.", "Léigh an fógra seo go cúramach."},
      {"double-negative", "en", "It is not unlikely that we will close.",
       "We do not understand the form."},
      {"double-negative", "ga", "Ní neamhchoitianta é sin.", "Ní coitianta é sin."},
  };
  for (const KindCase& c : cases) {
    INFO(c.kind << " [" << c.lang << "] positive: " << c.positive);
    TextAnalysis pos = Analyse(c.positive, c.lang);
    CHECK(CountKind(pos, c.kind) >= 1);
    INFO("negative: " << c.negative);
    TextAnalysis neg = Analyse(c.negative, c.lang);
    CHECK(CountKind(neg, c.kind) == 0);
  }
}

TEST_CASE("analyser: long sentences warn over 25 words and are errors over 35",
          "[text][analyser][long-sentence]") {
  TextAnalysis warn = Analyse(Repeat("word ", 30) + "end.", "en");
  REQUIRE(CountKind(warn, "long-sentence") == 1);
  CHECK(warn.findings[0].severity == Severity::kWarning);
  TextAnalysis error = Analyse(Repeat("word ", 40) + "end.", "en");
  bool found = false;
  for (const TextFinding& f : error.findings) {
    if (f.kind == "long-sentence") {
      found = true;
      CHECK(f.severity == Severity::kError);
    }
  }
  CHECK(found);
  AnalysisOptions strict;
  strict.rule_options["text.sentence-length.max_words"] = 5;  // the rule's option
  CHECK(CountKind(Analyse("We will look at the form today.", "en", strict), "long-sentence") == 1);
}

TEST_CASE("analyser: an unknown word without suggestions is reported as unknown-word",
          "[text][analyser][unknown-word]") {
  TextAnalysis a = Analyse("Zorbulantix is here.", "en");
  CHECK(CountKind(a, "unknown-word") + CountKind(a, "misspelling") == 1);
  TextAnalysis names = Analyse("We met Siobhán Ní Bhriain in Ballyjamesduff.", "en");
  CHECK(CountKind(names, "unknown-word") + CountKind(names, "misspelling") == 0);
  TextAnalysis ga = Analyse("Zorbulantix anseo.", "ga");
  CHECK(CountKind(ga, "unknown-word") + CountKind(ga, "misspelling") == 1);
}

TEST_CASE("analyser: known abbreviations and Irish prefix compounds are not misspellings",
          "[text][analyser][spelling]") {
  auto unknown = [](const TextAnalysis& a) {
    return CountKind(a, "unknown-word") + CountKind(a, "misspelling");
  };
  // "etc", "approx" and "no" before their full stops are shortened forms, not words (issue 16).
  CHECK(unknown(Analyse("Bring your passport, bank statements, etc. to the office. It takes "
                        "approx. two weeks. Pay fee no. 5 online.",
                        "en")) == 0);
  CHECK(unknown(Analyse("Bring your passport, bank statemnets and more.", "en")) == 1);
  // Irish joins its prefixes to the (lenited) word; a hyphen may stand between them.
  CHECK(unknown(Analyse("Tá ardchaighdeáin ag na páirtithe leasmhara. Is droch-smaoineamh é.",
                        "ga")) == 0);
  // A prefix before a word that is not one is still a misspelling.
  CHECK(unknown(Analyse("Tá ardchaighdaen anseo.", "ga")) == 1);
}

TEST_CASE("analyser: a declared language that does not match the text is reported",
          "[text][analyser][language-mismatch]") {
  const std::string irish =
      "Is féidir leat cead páirceála cónaitheach a fháil má tá cónaí ort i limistéar íoc agus "
      "taispeáin. Ligeann an cead duit páirceáil ar do shráid gan íoc gach uair.";
  const std::string english =
      "You can apply for a residential parking permit if you live in a pay and display area. "
      "The permit lets you park on your street without paying each time.";
  CHECK(CountKind(Analyse(irish, "en"), "language-mismatch") == 1);
  CHECK(CountKind(Analyse(english, "en"), "language-mismatch") == 0);
  CHECK(CountKind(Analyse(english, "ga"), "language-mismatch") == 1);
  CHECK(CountKind(Analyse(irish, "ga"), "language-mismatch") == 0);
  TextAnalysis undeclared = Analyse(irish, "");
  CHECK(undeclared.lang == "ga");
}

TEST_CASE("analyser: metrics of hand-worked English and Irish sentences", "[text][analyser]") {
  // "The cat sat on the mat.": 6 words, 6 syllables, 17 letters, 1 sentence: averages, but no
  // score under 100 words (the formula would give Flesch 116.1, above its range).
  TextAnalysis en = Analyse("The cat sat on the mat.", "en");
  CHECK(en.metrics.counts.words == 6);
  CHECK(en.metrics.counts.sentences == 1);
  CHECK(en.metrics.counts.syllables == 6);
  CHECK(en.metrics.counts.letters == 17);
  CHECK(*en.metrics.average_sentence_length == Approx(6.0));
  CHECK_FALSE(en.metrics.flesch_reading_ease.has_value());
  CHECK_FALSE(en.metrics.lix.has_value());
  REQUIRE_FALSE(en.metrics.score_notes.empty());
  CHECK(en.metrics.score_notes[0].find("this text has 6 words") != std::string::npos);
  // Ten of those and ten of "The committee considered the application carefully." (6 words,
  // 15 syllables, 4 over six letters): 120 words in 20 sentences, 210 syllables.
  std::string mixed;
  for (int i = 0; i < 10; ++i) {
    mixed += "The cat sat on the mat. The committee considered the application carefully. ";
  }
  TextAnalysis m = Analyse(mixed, "en");
  CHECK(m.metrics.counts.words == 120);
  CHECK(m.metrics.counts.sentences == 20);
  CHECK(m.metrics.counts.syllables == 210);
  CHECK(*m.metrics.flesch_reading_ease == Approx(206.835 - 1.015 * 6 - 84.6 * 1.75));  // 52.695
  CHECK(*m.metrics.lix == Approx(6.0 + 100.0 * 40 / 120));
  CHECK_FALSE(m.metrics.smog.has_value());  // 20 sentences: SMOG needs 30
  // "Tá an lá go breá.": 5 words of one syllable, 12 letters: 2.4 letters per word.
  TextAnalysis ga = Analyse("Tá an lá go breá.", "ga");
  CHECK(ga.lang == "ga");
  CHECK(ga.metrics.counts.words == 5);
  CHECK(ga.metrics.counts.syllables == 5);
  CHECK(*ga.metrics.average_word_length == Approx(2.4));
  CHECK(ga.metrics.too_short_for == std::vector<std::string>{"lix"});
  CHECK(ga.metrics.measures_note.find("validated for Irish") != std::string::npos);
  // Gunning's complex words exclude names and -ed/-es/-ing three-syllable forms.
  TextAnalysis fog = Analyse("Everybody visited Galway yesterday.", "en");
  CHECK(fog.metrics.counts.polysyllables == 3);  // everybody, visited, yesterday
  CHECK(fog.metrics.counts.complex_words == 2);  // not "visited"
}

TEST_CASE("analyser: findings carry line, column and byte offsets into the source",
          "[text][analyser]") {
  std::string input = "First line is fine.\n\nWe will endeavour to reply.\n";
  TextAnalysis a = Analyse(input, "en");
  REQUIRE(CountKind(a, "wordy-phrase") == 1);
  const TextFinding& f =
      *std::find_if(a.findings.begin(), a.findings.end(),
                    [](const TextFinding& x) { return x.kind == "wordy-phrase"; });
  CHECK(f.line == 3);
  CHECK(f.column == 9);
  CHECK(input.substr(f.start, f.end - f.start) == "endeavour");
  CHECK(f.text == "endeavour");
  CHECK_FALSE(f.suggestion.empty());
}

TEST_CASE("analyser: detail lists sentences with their words and syllables", "[text][analyser]") {
  AnalysisOptions options;
  options.detail = true;
  TextAnalysis a = Analyse("Bring your form. We read every application.", "en", options);
  REQUIRE(a.sentences.size() == 2);
  CHECK(a.sentences[1].text == "We read every application.");
  REQUIRE(a.sentences[1].words.size() == 4);
  CHECK(a.sentences[1].words[3].text == "application");
  CHECK(a.sentences[1].words[3].syllables == 4);
}

TEST_CASE("analyser: metrics-only gives the same counts without findings", "[text][analyser]") {
  std::string text = "We will endeavour to reply. The form was approved by the HSE.";
  AnalysisOptions fast;
  fast.metrics_only = true;
  TextAnalysis full = Analyse(text, "en");
  TextAnalysis metrics = Analyse(text, "en", fast);
  CHECK(metrics.findings.empty());
  CHECK_FALSE(full.findings.empty());
  CHECK(metrics.metrics.counts.words == full.metrics.counts.words);
  CHECK(metrics.metrics.counts.syllables == full.metrics.counts.syllables);
}

TEST_CASE("analyser: a user word list adds findings", "[text][analyser]") {
  std::string path =
      std::string(PLAINSIGHT_SOURCE_DIR) + "/corpora/text/samples/extra-list.tsv.test";
  {
    std::ofstream out(path);
    out << "#kind: jargon\n#severity: error\nbin lorry\trefuse truck\n";
  }
  AnalyserConfig config;
  config.data_dir = testing::DataDir();
  config.extra_wordlists.push_back(path);
  auto analyser = Analyser::Create(config);
  std::remove(path.c_str());
  REQUIRE(analyser);
  auto text = ExtractPlainText("The bin lorry comes on Tuesday.");
  REQUIRE(text);
  auto a = (*analyser)->Analyse(*text, plainsight::rules::AllRules());
  REQUIRE(a);
  REQUIRE(CountKind(*a, "jargon") == 1);
  CHECK(a->findings[0].severity == Severity::kError);
  CHECK(a->findings[0].suggestion == "refuse truck");
}

TEST_CASE("analyser: a page's main content is analysed with positions into the page",
          "[text][analyser]") {
  std::string html =
      "<html lang=\"en\"><body><nav>Home | Menu</nav><main><h1>Bins</h1>"
      "<p>We will endeavour to collect your bin.</p><p lang=\"ga\">Tá fáilte romhat.</p></main>"
      "</body></html>";
  ParseOptions parse;
  auto doc = Document::ParseHtml(html, parse);
  REQUIRE(doc);
  auto a = testing::SharedAnalyser().AnalyseDocument(**doc, plainsight::rules::AllRules());
  REQUIRE(a);
  CHECK(a->lang == "en");
  CHECK(a->metrics.counts.words == 1 + 7 + 3);  // nav is outside main
  REQUIRE(CountKind(*a, "wordy-phrase") == 1);
  for (const TextFinding& f : a->findings) {
    if (f.kind == "wordy-phrase") {
      CHECK(html.substr(f.start, f.end - f.start) == "endeavour");
    }
    CHECK(f.kind != "misspelling");  // "fáilte" is checked with the Irish dictionary
  }
}

TEST_CASE("phrase lists: the format's directives and errors", "[text][analyser]") {
  auto ok = ParsePhraseList(
      "# c\n#kind: nominalisation\n#severity: warning\nmake a decision\tdecide\n"
      "commit / pledge\tpromise\n",
      "t.tsv");
  REQUIRE(ok);
  CHECK(ok->kind == "nominalisation");
  CHECK(ok->severity == Severity::kWarning);
  CHECK(ok->entries.size() == 3);
  auto bad = ParsePhraseList("no tab here\n", "bad.tsv");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().where == "bad.tsv:1");
  CHECK_FALSE(ParsePhraseList("#kind: nonsense\n", "k.tsv"));
}

TEST_CASE("analyser: a long-paragraph finding never cuts a character in two", "[text][analyser]") {
  // "é" is two bytes; the finding covers at most the first 120 bytes, and byte 120 here is the
  // second byte of an "é".
  const std::string para = "Ann " + Repeat("éé éé ", 80) + "end.";
  REQUIRE(static_cast<unsigned char>(para[120]) == 0xA9);
  TextAnalysis a = Analyse(para, "en");
  auto f = std::find_if(a.findings.begin(), a.findings.end(),
                        [](const TextFinding& x) { return x.kind == "long-paragraph"; });
  REQUIRE(f != a.findings.end());
  CHECK(f->end == 119);
  CHECK(f->text == para.substr(0, 119));
}

}  // namespace
}  // namespace plainsight::engine::text

namespace plainsight::engine::text {
namespace {

std::string MisspellingSuggestion(const TextAnalysis& a) {
  for (const TextFinding& f : a.findings) {
    if (f.kind == "misspelling") {
      return f.suggestion;
    }
  }
  return "";  // a misspelling with no close match is not reported as one (text.unusual-words)
}

TEST_CASE("analyser: spelling suggestions are looked up once per analyser, outside the budget",
          "[text][spelling]") {
  AnalysisOptions none;
  none.max_spelling_suggestions = 0;
  // A word never looked up gets no suggestion when the budget is spent...
  CHECK(MisspellingSuggestion(Analyse("Send the formz today.", "en", none))
            .rfind("No suggestion computed", 0) == 0);
  // ...one looked up once is answered from the analyser's cache, whatever the budget.
  const std::string first = MisspellingSuggestion(Analyse("We recieve your form.", "en"));
  CHECK(first.find("receive") != std::string::npos);
  CHECK(MisspellingSuggestion(Analyse("They recieve letters.", "en", none)) == first);
}

}  // namespace
}  // namespace plainsight::engine::text
