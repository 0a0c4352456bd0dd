// Readability formulas against hand-worked examples (docs/readability.md shows the working).
#include "engine/text/readability.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace plainsight::engine::text {
namespace {

// 100 words, 5 sentences, 150 syllables, 10 complex words, 12 polysyllables, 60 monosyllables,
// 450 letters, 460 letters and digits, 20 words over six letters.
TextCounts WorkedCounts() {
  TextCounts c;
  c.words = 100;
  c.sentences = 5;
  c.syllables = 150;
  c.complex_words = 10;
  c.polysyllables = 12;
  c.monosyllables = 60;
  c.letters = 450;
  c.characters = 460;
  c.long_words = 20;
  return c;
}

TEST_CASE("readability: every general formula matches the hand-worked example",
          "[text][readability]") {
  Metrics m = ComputeMetrics(WorkedCounts(), "en");

  struct Row {
    const char* name;
    std::optional<double> value;
    double expected;
  };

  const Row rows[] = {
      {"average sentence length", m.average_sentence_length, 20.0},
      {"average word length", m.average_word_length, 4.5},
      {"Flesch reading ease", m.flesch_reading_ease, 59.635},  // 206.835-20.3-126.9
      {"Flesch-Kincaid grade", m.flesch_kincaid_grade, 9.91},  // 7.8+17.7-15.59
      {"Gunning fog", m.gunning_fog, 12.0},                    // 0.4*(20+10)
      {"Coleman-Liau", m.coleman_liau, 9.18},                  // 26.46-1.48-15.8
      {"ARI", m.ari, 10.236},                                  // 21.666+10-21.43
      {"LIX", m.lix, 40.0},                                    // 20+20
  };
  for (const Row& row : rows) {
    INFO(row.name);
    REQUIRE(row.value.has_value());
    CHECK(*row.value == Approx(row.expected).margin(1e-4));
  }
  CHECK_FALSE(m.amstad.has_value());
  CHECK_FALSE(m.gulpease.has_value());
  // SMOG needs 30 sentences: the example has 5, so it has a note instead of a number.
  CHECK_FALSE(m.smog.has_value());
  CHECK(m.too_short_for == std::vector<std::string>{"smog"});
  REQUIRE(m.score_notes.size() == 1);
  CHECK(m.score_notes[0] == "SMOG needs at least 30 sentences, and this text has 5 sentences.");
  TextCounts thirty = WorkedCounts();
  thirty.sentences = 30;
  thirty.words = 600;
  thirty.polysyllables = 72;
  CHECK(*ComputeMetrics(thirty, "en").smog == Approx(11.979248));  // 1.043*sqrt(72)+3.1291
}

TEST_CASE("readability: a text under 100 words gets averages and a note, not scores",
          "[text][readability]") {
  TextCounts c = WorkedCounts();
  c.words = 99;
  Metrics m = ComputeMetrics(c, "de");
  CHECK(m.average_sentence_length.has_value());
  CHECK(m.average_syllables_per_word.has_value());
  for (const auto& score : {m.lix, m.amstad, m.wiener_sachtextformel}) {
    CHECK_FALSE(score.has_value());
  }
  CHECK(m.too_short_for == std::vector<std::string>{"lix", "amstad", "wiener_sachtextformel"});
  REQUIRE(m.score_notes.size() == 1);
  CHECK(m.score_notes[0] ==
        "Too short to score: readability formulas need at least 100 words, and this text has "
        "99 words.");
  Metrics en = ComputeMetrics(c, "en");
  for (const auto& score : {en.flesch_reading_ease, en.flesch_kincaid_grade, en.gunning_fog,
                            en.smog, en.coleman_liau, en.ari, en.lix}) {
    CHECK_FALSE(score.has_value());
  }
  CHECK(en.too_short_for.size() == 7);
  c.words = 1;
  Metrics one = ComputeMetrics(c, "en");
  REQUIRE_FALSE(one.score_notes.empty());
  CHECK(one.score_notes[0].find("has 1 word.") != std::string::npos);
  CHECK(ComputeMetrics(c, "ja").too_short_for.empty());  // no formula to be too short for
}

TEST_CASE("readability: scores are clamped to their defined ranges", "[text][readability]") {
  // Very short words and sentences: every ease score would be over 100, every grade below 0.
  TextCounts easy;
  easy.words = 300;
  easy.sentences = 100;
  easy.syllables = 300;
  easy.monosyllables = 300;
  easy.letters = 600;
  easy.characters = 600;
  Metrics m = ComputeMetrics(easy, "en");
  CHECK(*m.flesch_reading_ease == 100.0);  // 206.835-3.045-84.6 = 119.19
  CHECK(*m.flesch_kincaid_grade == 0.0);   // 1.17+11.8-15.59 = -2.62
  CHECK(*m.coleman_liau == 0.0);
  CHECK(*m.ari == 0.0);
  CHECK(*ComputeMetrics(easy, "de").amstad == 100.0);
  CHECK(*ComputeMetrics(easy, "de").wiener_sachtextformel == 4.0);
  CHECK(*ComputeMetrics(easy, "es").fernandez_huerta == 100.0);
  CHECK(*ComputeMetrics(easy, "fr").kandel_moles == 100.0);
  CHECK(*ComputeMetrics(easy, "nl").douma == 100.0);
  CHECK(*ComputeMetrics(easy, "it").gulpease == 100.0);  // 89+(30000-6000)/300 = 169
  // One sentence of long words: every ease score would be below 0.
  TextCounts hard;
  hard.words = 200;
  hard.sentences = 1;
  hard.syllables = 1000;
  hard.polysyllables = 200;
  hard.complex_words = 200;
  hard.letters = 2400;
  hard.characters = 2400;
  hard.long_words = 200;
  Metrics h = ComputeMetrics(hard, "de");
  CHECK(*h.amstad == 0.0);
  CHECK(*h.wiener_sachtextformel == 15.0);
  Metrics hen = ComputeMetrics(hard, "en");
  CHECK(*hen.flesch_reading_ease == 0.0);
  CHECK(*hen.flesch_kincaid_grade > 100);  // grades have no upper bound
  CHECK(*ComputeMetrics(hard, "it").gulpease == 0.0);
}

TEST_CASE("readability: language formulas match the hand-worked example", "[text][readability]") {
  TextCounts c = WorkedCounts();
  CHECK(*ComputeMetrics(c, "de").amstad == Approx(72.25));  // 180-20-87.75
  CHECK(*ComputeMetrics(c, "de-AT").wiener_sachtextformel ==
        Approx(5.423));  // 2.322+3.344+2.594-1.962-0.875
  CHECK(*ComputeMetrics(c, "es").fernandez_huerta == Approx(96.44));  // 206.84-90-20.4
  CHECK(*ComputeMetrics(c, "fr").kandel_moles == Approx(76.3));       // 207-20.3-110.4
  CHECK(*ComputeMetrics(c, "it").gulpease == Approx(59.0));           // 89+(1500-4500)/100
  CHECK(*ComputeMetrics(c, "nl").douma == Approx(72.735));            // 206.835-18.6-115.5
  CHECK_FALSE(ComputeMetrics(c, "ga").amstad.has_value());
  CHECK(*ComputeMetrics(c, "ga").lix == Approx(40.0));
}

TEST_CASE("readability: no words or no sentences gives no scores", "[text][readability]") {
  Metrics empty = ComputeMetrics(TextCounts{}, "en");
  CHECK_FALSE(empty.flesch_reading_ease.has_value());
  CHECK_FALSE(empty.lix.has_value());
  CHECK(empty.counts.words == 0);
}

TEST_CASE("readability: syllable formulas are left out for scripts without syllable counts",
          "[text][readability]") {
  Metrics m = ComputeMetrics(WorkedCounts(), "zh-Hans");
  CHECK_FALSE(m.flesch_reading_ease.has_value());
  CHECK_FALSE(m.lix.has_value());  // letter-based: meaningless without spaces between words
  CHECK_FALSE(m.ari.has_value());
  CHECK_FALSE(m.coleman_liau.has_value());
  REQUIRE(m.average_sentence_characters.has_value());
  CHECK(*m.average_sentence_characters == Approx(90.0));  // 450 characters in 5 sentences
  CHECK(m.too_short_for.empty());
  CHECK(m.measures_note.rfind("Chinese is written without spaces", 0) == 0);
}

TEST_CASE("readability: each language gets the measures valid for it, and says which",
          "[text][readability]") {
  TextCounts c = WorkedCounts();
  Metrics en = ComputeMetrics(c, "en-IE");
  CHECK(en.flesch_reading_ease.has_value());
  CHECK(en.measures_note.empty());
  Metrics de = ComputeMetrics(c, "de");
  CHECK(de.amstad.has_value());
  CHECK(de.lix.has_value());
  CHECK_FALSE(de.flesch_reading_ease.has_value());  // the English formulas: not for German
  CHECK_FALSE(de.flesch_kincaid_grade.has_value());
  CHECK_FALSE(de.coleman_liau.has_value());
  CHECK(de.measures_note.rfind("German has its own readability formula", 0) == 0);
  Metrics ga = ComputeMetrics(c, "ga");
  CHECK(ga.lix.has_value());
  CHECK(ga.average_sentence_length.has_value());
  CHECK_FALSE(ga.flesch_reading_ease.has_value());
  CHECK_FALSE(ga.gunning_fog.has_value());
  CHECK(ga.measures_note ==
        "No readability formula has been validated for Irish: LIX (made to compare languages) "
        "and sentence and word length are shown.");
}

TEST_CASE("readability: known languages are ISO 639 codes ICU knows", "[text][readability]") {
  for (const char* tag : {"en", "ga", "ga-IE", "GA", "zh-Hant", "de-AT", "fil", "pl"}) {
    INFO(tag);
    CHECK(IsKnownLanguage(tag));
  }
  for (const char* tag : {"klingon", "xx", "", "e", "en_GB!", "zzz", "1a"}) {
    INFO(tag);
    CHECK_FALSE(IsKnownLanguage(tag));
  }
  CHECK(LanguageName("ga-IE") == "Irish");
  CHECK(LanguageName("zh") == "Chinese");
}

TEST_CASE("readability: the plain-words descriptions follow Flesch's bands",
          "[text][readability]") {
  CHECK(DescribeFlesch(95).rfind("very easy", 0) == 0);
  CHECK(DescribeFlesch(65).rfind("plain English", 0) == 0);
  CHECK(DescribeFlesch(10).rfind("very difficult", 0) == 0);
  CHECK(DescribeLix(45).rfind("medium", 0) == 0);
}

}  // namespace
}  // namespace plainsight::engine::text
