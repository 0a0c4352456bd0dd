// Sentence and word segmentation: the hard English cases plain ICU gets wrong (issue 3 item 2),
// Irish, and scripts without spaces.
#include "engine/text/segment.h"

#include <catch2/catch.hpp>

namespace plainsight::engine::text {
namespace {

std::vector<std::string> SentenceTexts(std::string_view lang, std::string_view text) {
  auto segmenter = Segmenter::Create(lang);
  REQUIRE(segmenter);
  std::vector<std::string> out;
  for (const SentenceSpan& s : (*segmenter)->Sentences(text)) {
    out.emplace_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

TEST_CASE("segment: hard English cases split into the right sentences", "[text][segment]") {
  struct Row {
    const char* text;
    size_t expected;
  };

  const Row rows[] = {
      {"Dr. Murphy will see you. Bring your card.", 2},
      {"Use a pen, e.g. a black one. Sign here.", 2},
      {"See form No. 5 for details. Then post it.", 2},
      {"J. Smith and A. B. Byrne signed it. It is done.", 2},
      {"Write to Smith & Co. Cork by Friday. We will reply.", 2},  // Co. Cork: an Irish county
      {"Come at 10 a.m. on Monday. The office opens then.", 2},
      {"The rate rose to 3.5 per cent. It fell later.", 2},
      {"He paused... and then spoke. Everyone listened.", 2},
      {"She said \"Go now.\" Then she left.", 2},
      {"(See the notes below.) Fill in part A.", 2},
      {"Bring: 1. a photo 2. a bill 3. your PPS number. Then wait.", 2},
      {"Visit www.example.ie. Then apply.", 2},
      {"Email info@example.ie. We reply in a day.", 2},
      {"Did you pay? If not, pay now.", 2},
      {"Go to https://www.gov.ie/en/service/a.b/ for the form. Then sign it.", 2},
      {"The office closes at 5 p.m. Call before then.", 2},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    std::vector<std::string> sentences = SentenceTexts("en", row.text);
    for (const auto& s : sentences) {
      UNSCOPED_INFO("sentence: " << s);
    }
    CHECK(sentences.size() == row.expected);
  }
}

TEST_CASE("segment: sentence spans exclude trailing spaces and keep closing quotes",
          "[text][segment]") {
  auto sentences = SentenceTexts("en", "She said \"Go now.\"  Then she left.");
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0] == "She said \"Go now.\"");
  CHECK(sentences[1] == "Then she left.");
}

TEST_CASE("segment: Irish sentences and abbreviations", "[text][segment]") {
  CHECK(SentenceTexts("ga", "Tá an oifig ar oscailt. Glaoigh orainn inniu.").size() == 2);
  CHECK(SentenceTexts("ga", "Féach ar lch. 5 den fhoirm. Ansin seol í.").size() == 2);
  CHECK(SentenceTexts("ga", "Scríobh chuig an Uas. Ó Briain inniu.").size() == 1);
}

TEST_CASE("segment: words, numbers, URLs, e-mail and hyphenated compounds are tokens",
          "[text][segment]") {
  auto segmenter = Segmenter::Create("en");
  REQUIRE(segmenter);
  std::string text = "A well-known form costs 3.50 euro at www.example.ie/a-b or info@example.ie.";
  std::vector<Token> words = (*segmenter)->Words(text);
  std::vector<std::string> texts;
  for (const Token& t : words) {
    texts.push_back(text.substr(t.start, t.end - t.start));
  }
  std::vector<std::string> expected = {"A",    "well-known",     "form", "costs",
                                       "3.50", "euro",           "at",   "www.example.ie/a-b",
                                       "or",   "info@example.ie"};
  CHECK(texts == expected);
  CHECK(words[1].hyphenated);
  CHECK(words[4].kind == TokenKind::kNumber);
  CHECK(words[7].kind == TokenKind::kUrl);
  CHECK(words[9].kind == TokenKind::kEmail);
}

TEST_CASE("segment: Chinese and Japanese are split with ICU's dictionaries", "[text][segment]") {
  auto zh = Segmenter::Create("zh");
  REQUIRE(zh);
  std::string text = "我们每周二收垃圾。请把垃圾桶放在门外。";
  CHECK((*zh)->Sentences(text).size() == 2);
  CHECK((*zh)->Words(text).size() > 4);
  auto ja = Segmenter::Create("ja");
  REQUIRE(ja);
  CHECK((*ja)->Sentences("毎週火曜日にごみを集めます。朝七時までに出してください。").size() == 2);
}

TEST_CASE("segment: a sentence without punctuation is cut at max_words", "[text][segment]") {
  auto segmenter = Segmenter::Create("en");
  REQUIRE(segmenter);
  std::string text;
  for (int i = 0; i < 2500; ++i) {
    text += "word ";
  }
  std::vector<SentenceSpan> spans = (*segmenter)->Sentences(text, 1000);
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].cut);
  CHECK(spans[1].cut);
  CHECK_FALSE(spans[2].cut);
}

TEST_CASE("segment: PrimaryLanguage keeps the primary subtag in lowercase", "[text][segment]") {
  CHECK(PrimaryLanguage("en-IE") == "en");
  CHECK(PrimaryLanguage("GA") == "ga");
  CHECK(PrimaryLanguage("") == "");
}

}  // namespace
}  // namespace plainsight::engine::text
