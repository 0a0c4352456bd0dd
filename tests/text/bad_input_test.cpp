// Bad input (issue 3, "Speed and bad input"): a clear error or a result, never a crash or
// unbounded memory.
#include <algorithm>

#include <catch2/catch.hpp>

#include "engine/text/analyser.h"
#include "engine/text/test_support.h"
#include "rules/catalog.h"

namespace plainsight::engine::text {
namespace {

TEST_CASE("bad input: invalid UTF-8 is refused with its line and column", "[text][bad-input]") {
  auto out = ExtractPlainText("Good line.\nBad \xff byte.");
  REQUIRE_FALSE(out);
  CHECK(out.error().code == ErrorCode::kParse);
  CHECK(out.error().where == "2:5");
  CHECK(out.error().message.find("UTF-8") != std::string::npos);
  CHECK_FALSE(ExtractMarkdown("\xc3\x28"));
}

TEST_CASE("bad input: a binary file is refused", "[text][bad-input]") {
  std::string binary(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00\x00",
      10);
  auto out = Extract(binary, "program");
  REQUIRE_FALSE(out);
  CHECK(out.error().message.find("binary") != std::string::npos);
}

TEST_CASE("bad input: an empty file gives an empty result", "[text][bad-input]") {
  auto out = ExtractPlainText("");
  REQUIRE(out);
  CHECK(out->blocks.empty());
  auto a = testing::SharedAnalyser().Analyse(*out, plainsight::rules::AllRules());
  REQUIRE(a);
  CHECK(a->metrics.counts.words == 0);
  CHECK_FALSE(a->metrics.flesch_reading_ease.has_value());
  CHECK(a->findings.empty());
}

// How many findings of `rule` the analysis has.
size_t RuleFindings(const TextAnalysis& a, std::string_view rule) {
  return static_cast<size_t>(std::count_if(a.findings.begin(), a.findings.end(),
                                           [&](const TextFinding& f) { return f.rule == rule; }));
}

TEST_CASE("bad input: a giant token is no word, is reported once, and gives no score",
          "[text][bad-input][non-words]") {
  // A 2 MB "word" alone: before, one word of thousands of syllables gave "Flesch 121.2 of 100"
  // beside "LIX 101.0".
  auto alone = ExtractPlainText(std::string(2u << 20, 'a') + ".");
  REQUIRE(alone);
  auto a = testing::SharedAnalyser().Analyse(*alone, plainsight::rules::AllRules());
  REQUIRE(a);
  CHECK(a->metrics.counts.words == 0);
  CHECK(a->metrics.counts.syllables == 0);
  CHECK(a->metrics.counts.left_out == 1);
  CHECK_FALSE(a->metrics.flesch_reading_ease.has_value());
  CHECK_FALSE(a->metrics.lix.has_value());
  REQUIRE(a->metrics.score_notes.size() == 1);
  CHECK(a->metrics.score_notes[0].rfind("Too short to score", 0) == 0);
  CHECK(RuleFindings(*a, "text.non-words") == 1);

  // Inside 120 words of plain text, with a base64 blob, a consonant run and addresses: the
  // counts and scores are those of the plain text, every score in its range, one finding.
  std::string plain;
  for (int i = 0; i < 20; ++i) {
    plain += "We collect your bins on Monday. ";
  }
  auto extract = [](const std::string& text) {
    auto extracted = ExtractPlainText(text);
    REQUIRE(extracted);
    auto result = testing::SharedAnalyser().Analyse(*extracted, plainsight::rules::AllRules());
    REQUIRE(result);
    return std::move(*result);
  };
  TextAnalysis clean = extract(plain);
  TextAnalysis noisy =
      extract(plain + std::string(200000, 'x') + " aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ " +
              "bcdfghjklm. See https://www.gov.ie/bins or write to bins@example.ie.");
  CHECK(noisy.metrics.counts.words == clean.metrics.counts.words + 4);  // See or write to
  CHECK(noisy.metrics.counts.left_out == 5);
  CHECK(noisy.metrics.counts.syllables == clean.metrics.counts.syllables + 4);
  REQUIRE(noisy.metrics.flesch_reading_ease.has_value());
  CHECK(*noisy.metrics.flesch_reading_ease >= 0);
  CHECK(*noisy.metrics.flesch_reading_ease <= 100);
  CHECK(RuleFindings(noisy, "text.non-words") == 1);
  CHECK(RuleFindings(clean, "text.non-words") == 0);
  const TextFinding& f =
      *std::find_if(noisy.findings.begin(), noisy.findings.end(),
                    [](const TextFinding& x) { return x.rule == "text.non-words"; });
  CHECK(f.message.find("3 tokens cannot be words") != std::string::npos);
  CHECK(f.message.find("a run of more than 45 letters (1)") != std::string::npos);
  CHECK(f.message.find("code or encoded data (1)") != std::string::npos);
  CHECK(f.message.find("letters with no vowel (1)") != std::string::npos);
  CHECK(f.text.size() < 1000);  // the 200,000 letters are shortened in the finding
}

TEST_CASE("bad input: text without punctuation is cut into bounded sentences",
          "[text][bad-input]") {
  // 4 MB here; the 100 MB case is the [.slow] test below and bench/text.
  std::string text;
  text.reserve(4u << 20);
  while (text.size() < (4u << 20)) {
    text += "word and more words without any stop ";
  }
  auto extracted = ExtractPlainText(text);
  REQUIRE(extracted);
  AnalysisOptions options;
  options.detail = true;
  options.max_detail_sentences = 10;
  options.max_findings = 100;
  auto a = testing::SharedAnalyser().Analyse(*extracted, plainsight::rules::AllRules(), options);
  REQUIRE(a);
  const uint64_t words = a->metrics.counts.words;
  CHECK(words > 500000);
  CHECK(a->metrics.counts.sentences >= words / options.max_sentence_words);
  CHECK(a->sentences.size() == 10);
  for (const SentenceDetail& s : a->sentences) {
    CHECK(s.words.size() <= options.max_sentence_words);
  }
  CHECK(a->findings.size() <= 100);
  CHECK(a->findings_dropped > 0);
  for (const TextFinding& f : a->findings) {
    CHECK(f.text.size() <= 303);  // shortened with an ellipsis
  }
}

TEST_CASE("bad input: 100 MB without punctuation finishes with bounded sentences",
          "[text][bad-input][.slow]") {
  std::string text;
  text.reserve(100u << 20);
  while (text.size() < (100u << 20)) {
    text += "word and more words without any stop ";
  }
  auto extracted = ExtractPlainText(text);
  REQUIRE(extracted);
  AnalysisOptions options;
  options.spelling = false;
  auto a = testing::SharedAnalyser().Analyse(*extracted, plainsight::rules::AllRules(), options);
  REQUIRE(a);
  CHECK(a->metrics.counts.sentences >= a->metrics.counts.words / options.max_sentence_words);
  CHECK(a->findings.size() <= options.max_findings);
}

TEST_CASE("bad input: a DOCX zip bomb is refused by the decompressed-size cap",
          "[text][bad-input]") {
  // 8 MB of one repeated byte compresses to a few KB; the cap is set to 1 MB.
  std::string inflated(8u << 20, 'a');
  std::string zip = testing::MakeZip({{"word/document.xml", inflated}});
  REQUIRE(zip.size() < (1u << 20));
  ExtractLimits limits;
  limits.max_member_bytes = 1u << 20;
  auto out = ExtractDocx(zip, limits);
  REQUIRE_FALSE(out);
  CHECK(out.error().code == ErrorCode::kTooLarge);
  CHECK(out.error().message.find("zip bomb") != std::string::npos);
}

TEST_CASE("bad input: a DOCX that is not a zip, or lacks its body, is refused",
          "[text][bad-input]") {
  auto not_zip = Extract("This is just text pretending.", "letter.docx");
  REQUIRE_FALSE(not_zip);
  CHECK(not_zip.error().code == ErrorCode::kParse);
  CHECK(not_zip.error().message.find("not a zip") != std::string::npos);
  auto no_body = ExtractDocx(testing::MakeZip({{"other.xml", "<a/>"}}));
  REQUIRE_FALSE(no_body);
  CHECK(no_body.error().message.find("word/document.xml") != std::string::npos);
  auto broken_xml = ExtractDocx(testing::MakeZip({{"word/document.xml", "<w:document><w:p>"}}));
  REQUIRE_FALSE(broken_xml);
  CHECK(broken_xml.error().code == ErrorCode::kParse);
  auto truncated = ExtractOdt(testing::MakeZip({{"content.xml", "<a/>"}}).substr(0, 20));
  REQUIRE_FALSE(truncated);
}

TEST_CASE("bad input: an input over the size limit is refused", "[text][bad-input]") {
  ExtractLimits limits;
  limits.max_input_bytes = 10;
  auto out = ExtractPlainText("more than ten bytes", limits);
  REQUIRE_FALSE(out);
  CHECK(out.error().code == ErrorCode::kTooLarge);
}

TEST_CASE("bad input: HTML text out of source order still gives spans inside the source",
          "[text][bad-input]") {
  // Found by the text fuzzer. A text node with a character reference maps each of its runs
  // to the node's start; a sentence that began inside one run ("!&nbsp;Word" has no ASCII
  // space) and ended in a later one was reported from byte 72 to byte 42, and a span could
  // also run past the end of the source.
  const std::string html = "<!DOCTYPE html><html lang=en><body><p>Caf&eacute; " +
                           std::string(30, 'x') + "!&nbsp;" +
                           [] {
                             std::string words;
                             for (int i = 0; i < 40; ++i) {
                               words += "Word ";
                             }
                             return words;
                           }() +
                           "end.</p></body></html>";
  auto extracted = ExtractHtml(html);
  REQUIRE(extracted);
  AnalysisOptions options;
  options.detail = true;
  auto a = testing::SharedAnalyser().Analyse(*extracted, plainsight::rules::AllRules(), options);
  REQUIRE(a);
  const size_t size = extracted->source.size();
  bool long_sentence = false;
  for (const TextFinding& f : a->findings) {
    INFO(f.kind << " " << f.start << "-" << f.end);
    CHECK(f.start <= f.end);
    CHECK(f.end <= size);
    long_sentence |= f.kind == "long-sentence";
  }
  CHECK(long_sentence);
  REQUIRE(a->sentences.size() == 2);
  for (const SentenceDetail& d : a->sentences) {
    CHECK(d.start <= d.end);
    CHECK(d.end <= size);
  }
  // The second sentence's span holds the whole paragraph's node: where its runs came from.
  const size_t p = html.find("Caf");
  CHECK(a->sentences[1].start == p);
  CHECK(a->sentences[1].end > p);

  // The fuzzer's own input, minimised: a control character, which the parser replaces.
  auto minimised = ExtractHtml("SuSuperlifr\x08ragilistic.");
  REQUIRE(minimised);
  auto b = testing::SharedAnalyser().Analyse(*minimised, plainsight::rules::AllRules(), options);
  REQUIRE(b);
  for (const TextFinding& f : b->findings) {
    CHECK(f.start <= f.end);
    CHECK(f.end <= minimised->source.size());
  }
  for (const SentenceDetail& d : b->sentences) {
    CHECK(d.start <= d.end);
    CHECK(d.end <= minimised->source.size());
  }
}

}  // namespace
}  // namespace plainsight::engine::text
