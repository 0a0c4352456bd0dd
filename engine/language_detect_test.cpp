// Tests for the language detector's wrapper: the even sample of a long text and what CLD2 makes
// of it.
#include "engine/language_detect.h"

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/utf8.h"

using plainsight::engine::DetectLanguage;
using plainsight::engine::EvenSample;

namespace {

std::string Repeat(std::string_view piece, size_t bytes) {
  std::string out;
  while (out.size() < bytes) {
    out += piece;
  }
  return out;
}

// Sentences of 12 words drawn from `words` by a fixed generator, to about `bytes` bytes.
std::string Prose(const std::vector<std::string_view>& words, size_t bytes, unsigned seed) {
  std::string out;
  unsigned x = seed;
  for (int n = 1; out.size() < bytes; ++n) {
    x = x * 1103515245U + 12345U;
    out += words[(x >> 16) % words.size()];
    out += n % 12 == 0 ? ". " : " ";
  }
  return out;
}

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    words.insert(w);
  }
  return words;
}

}  // namespace

TEST_CASE("language sample: a short text is given whole", "[engine][language]") {
  const std::string text = "Your bins are collected every second week.";
  CHECK(EvenSample(text, 2048, 8) == text);
  CHECK(EvenSample(text, text.size(), 8) == text);
}

TEST_CASE("language sample: a long text is sampled from start to end, in whole words",
          "[engine][language]") {
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "w" + std::to_string(i) + " ";
  }
  const std::string sample = EvenSample(text, 1024, 8);
  CHECK(sample.size() <= 1024 + 8);
  CHECK(sample.size() >= 1024 - 8 * 16);
  const std::set<std::string> all = Words(text);
  const std::set<std::string> seen = Words(sample);
  for (const std::string& w : seen) {
    CHECK(all.count(w) == 1);  // no word cut in two
  }
  CHECK(seen.count("w0") == 1);     // the start
  CHECK(seen.count("w1999") == 1);  // the end
  bool middle = false;
  for (int i = 900; i < 1100; ++i) {
    middle = middle || seen.count("w" + std::to_string(i)) == 1;
  }
  CHECK(middle);
}

TEST_CASE("language sample: text without spaces is cut between characters", "[engine][language]") {
  const std::string text = Repeat("垃圾每两周收集一次。", 9000);  // three bytes a character
  const std::string sample = EvenSample(text, 2000, 8);
  CHECK(sample.size() <= 2000 + 8);
  size_t at = 0;
  while (at < sample.size()) {
    const size_t space = sample.find(' ', at);
    const std::string_view piece =
        std::string_view(sample).substr(at, space == std::string::npos ? space : space - at);
    REQUIRE(!piece.empty());
    CHECK((static_cast<unsigned char>(piece.front()) & 0xC0) != 0x80);  // starts a character
    CHECK(plainsight::engine::Utf8CutPoint(piece, piece.size()) == piece.size());
    CHECK(piece.size() % 3 == 0);  // whole characters only
    at = space == std::string::npos ? sample.size() : space + 1;
  }
}

TEST_CASE("language sample: the languages of a long bilingual text keep their shares",
          "[engine][language]") {
  // Words in a varying order: CLD2 drops text it has just seen, so a repeated sentence would
  // count once.
  const std::vector<std::string_view> english = {
      "the",     "waste",   "and",  "recycling",  "bins",  "are",    "collected", "every",
      "second",  "week",    "put",  "your",       "out",   "before", "seven",     "in",
      "morning", "on",      "day",  "collection", "bring", "them",   "back",      "same",
      "evening", "council", "will", "tell",       "you",   "when",   "service",   "changes",
      "please",  "read",    "this", "notice",     "about", "which",  "people",    "should",
      "apply",   "for",     "help", "with",       "their", "housing"};
  const std::vector<std::string_view> french = {
      "les",     "poubelles", "sont",    "collectées", "toutes", "deux",     "semaines",
      "sortez",  "vos",       "avant",   "sept",       "heures", "du",       "matin",
      "le",      "jour",      "de",      "la",         "et",     "collecte", "rentrez",
      "soir",    "même",      "conseil", "vous",       "dira",   "quand",    "service",
      "change",  "lire",      "cet",     "avis",       "sur",    "qui",      "une",
      "doivent", "demander",  "aide",    "pour",       "leur",   "veuillez", "logement"};
  const std::string text = Prose(english, 6000, 1) + Prose(french, 6000, 2);
  // The first 2 KB alone see only English.
  const auto prefix = DetectLanguage(text, 2048);
  CHECK(prefix.language == "en");
  CHECK(prefix.percent >= 90);
  // An even sample of the same size sees both, about half each, as the whole text does.
  const auto sampled = DetectLanguage(EvenSample(text, 2048, 8));
  const auto whole = DetectLanguage(text);
  REQUIRE(sampled.reliable);
  const std::set<std::string> both = {sampled.language, sampled.second_language};
  CHECK(both == std::set<std::string>{"en", "fr"});
  CHECK(std::set<std::string>{whole.language, whole.second_language} == both);
  CHECK(sampled.percent >= 40);
  CHECK(sampled.percent <= 60);
}
