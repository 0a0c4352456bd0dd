// Syllable counts: table lookups, derived forms, English rules and vowel-group rules.
#include "engine/text/syllables.h"

#include <catch2/catch.hpp>

#include "engine/text/test_support.h"

namespace plainsight::engine::text {
namespace {

std::shared_ptr<const SyllableTable> Table() {
  static auto table = LoadSyllableTable(testing::DataDir() + "/en/syllables.tsv");
  return table ? *table : nullptr;
}

TEST_CASE("syllables: English words are counted as the pronouncing dictionary says",
          "[text][syllables]") {
  REQUIRE(Table() != nullptr);
  SyllableCounter counter("en-IE", Table());

  struct Row {
    const char* word;
    int expected;
  };

  const Row rows[] = {
      {"the", 1},          {"cat", 1},          {"every", 3},  // CMU: EH1 V ER0 IY0
      {"beautiful", 3},    {"application", 4},  {"council", 2},
      {"organisation", 5}, {"Colour", 2},       {"utilise", 3},
      {"ANSWER", 2},       {"reorganising", 5},  // derived: reorganise (4) + ing
      {"well-known", 2},   {"council's", 2},    {"government’s", 3},
  };
  for (const Row& row : rows) {
    INFO(row.word);
    CHECK(counter.Count(row.word) == row.expected);
  }
}

TEST_CASE("syllables: the English rules handle common patterns without the table",
          "[text][syllables]") {
  struct Row {
    const char* word;
    int expected;
  };

  const Row rows[] = {
      {"make", 1},   {"makes", 1},  {"table", 2}, {"hoped", 1},     {"wanted", 2},
      {"boxes", 2},  {"player", 2}, {"lying", 2}, {"statement", 2}, {"media", 3},
      {"unique", 2}, {"spasm", 2},  {"yes", 1},   {"rhythm", 2},    {"nation", 2},
  };
  for (const Row& row : rows) {
    INFO(row.word);
    CHECK(EnglishSyllablesByRule(row.word) == row.expected);
  }
}

TEST_CASE("syllables: Irish vowel groups count one syllable each", "[text][syllables]") {
  SyllableCounter counter("ga", nullptr);

  struct Row {
    const char* word;
    int expected;
  };

  const Row rows[] = {
      {"tá", 1},        {"lá", 1},        {"breá", 1},     {"Gaeilge", 2},
      {"páirceáil", 2}, {"comhairle", 3}, {"iarratas", 3}, {"AOINE", 2},
  };
  for (const Row& row : rows) {
    INFO(row.word);
    CHECK(counter.Count(row.word) == row.expected);
  }
}

TEST_CASE("syllables: other languages use their vowels and hiatus rules", "[text][syllables]") {
  CHECK(VowelGroupSyllables("poeta", "es") == 3);
  CHECK(VowelGroupSyllables("día", "es") == 2);
  CHECK(VowelGroupSyllables("straße", "de") == 2);
  CHECK(VowelGroupSyllables("table", "fr") == 1);
}

TEST_CASE("syllables: numbers and symbols count as one", "[text][syllables]") {
  SyllableCounter counter("en", Table());
  CHECK(counter.Count("2024") == 1);
  CHECK(counter.Count("%") == 1);
}

TEST_CASE("syllables: a malformed table is refused with its line", "[text][syllables]") {
  auto missing = LoadSyllableTable("/nonexistent/syllables.tsv");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::kNotFound);
}

}  // namespace
}  // namespace plainsight::engine::text
