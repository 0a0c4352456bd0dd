// Syllable counts: table lookups, derived forms, English rules and vowel-group rules.
#include "engine/text/syllables.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "engine/text/test_support.h"

namespace plainsight::engine::text {
namespace {

std::shared_ptr<const SyllableTable> Table() {
  static auto table = LoadEnglishSyllableTable(testing::DataDir());
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

TEST_CASE("syllables: any word of the pronouncing dictionary is counted as its first pronunciation",
          "[text][syllables]") {
  REQUIRE(Table() != nullptr);
  SyllableCounter counter("en", Table());

  struct Row {
    const char* word;
    int expected;
  };

  const Row rows[] = {
      {"family", 3},     // F AE1 M AH0 L IY0 first; F AE1 M L IY0 second
      {"chocolate", 2},  // CH AO1 K L AH0 T first
      {"McDonald", 3},   // a name, in syllables-extra.tsv
      {"London", 2},
      {"WEDNESDAY", 2},  // capitals folded
      {"color", 2},      // American spelling, not in en_GB Hunspell
      {"o'clock", 2},
      {"o\xE2\x80\x99"
       "clock",
       2},  // typographic apostrophe
      {"couldn\xE2\x80\x99t", 2},
      {"don't", 1},
      {"able-bodied", 4},    // the dictionary's own hyphenated entry, not "able" + "bodied"
      {"council-owned", 3},  // not in the dictionary: the parts are summed
      {"church's", 2},
      {"churches", 2},
  };
  for (const Row& row : rows) {
    INFO(row.word);
    CHECK(counter.Count(row.word) == row.expected);
  }
}

TEST_CASE("syllables: the English rules cover clitics, names, letters and vowel pairs",
          "[text][syllables]") {
  struct Row {
    const char* word;
    int expected;
  };

  const Row rows[] = {
      {"shouldn't", 2},  {"it'll", 2},      {"we've", 1},     {"church's", 2},  {"tryin'", 2},
      {"mcnutt", 2},     {"dvd", 3},        {"hmm", 1},       {"fire", 2},      {"played", 1},
      {"destroying", 3}, {"plaques", 1},    {"gnarled", 1},   {"radium", 3},    {"fashion", 2},
      {"million", 2},    {"appreciate", 4}, {"rearrange", 3}, {"basically", 3}, {"ode", 1},
  };
  for (const Row& row : rows) {
    INFO(row.word);
    CHECK(EnglishSyllablesByRule(row.word) == row.expected);
  }
}

TEST_CASE("syllables: the table keeps the first count of a word, long and empty words included",
          "[text][syllables]") {
  SyllableTable table;
  table.Insert("cat", 1);
  table.Insert("cat", 2);  // ignored: the first count wins
  table.Insert("", 3);
  const std::string long_word(300, 'a');  // past the 255 bytes of a slot's length
  table.Insert(long_word, 7);
  table.Insert(long_word, 8);
  // Past the initial 1,024 slots, so the table grows and rehashes its keys.
  for (int i = 0; i < 5000; ++i) {
    table.Insert("w" + std::to_string(i), static_cast<uint8_t>(1 + i % 30));
  }
  CHECK(table.Find("cat") == 1);
  CHECK(table.Find("") == 3);
  CHECK(table.Find(long_word) == 7);
  CHECK(table.Find(long_word + "a") == -1);
  CHECK(table.Find("dog") == -1);
  CHECK(table.Find("ca") == -1);
  for (int i = 0; i < 5000; ++i) {
    REQUIRE(table.Find("w" + std::to_string(i)) == 1 + i % 30);
  }
  CHECK(table.Find("w5000") == -1);
  CHECK(table.size() == 5003);
}

TEST_CASE("syllables: words missing from the table are derived from entries it has",
          "[text][syllables]") {
  // A table of a few stems only, so the derivations are what is tested.
  std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
                     "/plainsight-syllables-test.tsv";
  {
    std::ofstream out(path);
    out << "# test\nhandle\t2\nrealize\t3\nbride\t1\npeace\t1\nkeeping\t2\nchurch\t1\n";
  }
  auto table = LoadSyllableTable(path);
  REQUIRE(table);
  SyllableCounter counter("en", *table);
  CHECK(counter.Count("handling") == 2);      // handle + ing: the -le syllable is the suffix's
  CHECK(counter.Count("realise") == 3);       // British spelling of an American entry
  CHECK(counter.Count("McBride") == 2);       // Mc + a known name
  CHECK(counter.Count("peacekeeping") == 3);  // a compound of two entries
  CHECK(counter.Count("churches") == 2);      // -es after a sibilant
  std::remove(path.c_str());
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
