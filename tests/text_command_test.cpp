// `plainsight text` end to end: output formats, exit statuses (0 met, 1 threshold missed, 2 bad
// input).
#include "cli/text_command.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "engine/text/test_support.h"

namespace plainsight::cli {
namespace {

struct RunResult {
  int status = 0;
  std::string out;
};

RunResult Run(std::vector<std::string> args) {
  args.insert(args.begin(), "text");
  args.emplace_back("--data-dir");
  args.push_back(engine::text::testing::DataDir());
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (std::string& a : args) {
    argv.push_back(a.data());
  }
  std::ostringstream captured;
  std::streambuf* old_out = std::cout.rdbuf(captured.rdbuf());
  std::ostringstream errors;
  std::streambuf* old_err = std::cerr.rdbuf(errors.rdbuf());
  int status = RunTextCommand(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return {status, captured.str() + errors.str()};
}

std::string TempFile(const std::string& name, const std::string& content) {
  std::string path = "/tmp/plainsight-text-test-" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST_CASE("text command: linter-style output and exit 0 for plain text", "[text][cli]") {
  std::string path = TempFile("plain.txt", "We will endeavour to reply.\n");
  RunResult r = Run({path});
  CHECK(r.status == 0);
  CHECK(r.out.find(path + ":1:9 wordy-phrase:") != std::string::npos);
  CHECK(r.out.find("-> Try: try") != std::string::npos);
  // Under 100 words: a note instead of scores.
  CHECK(r.out.find("Flesch reading ease") == std::string::npos);
  CHECK(r.out.find("Too short to score: readability formulas need at least 100 words, and this "
                   "text has 5 words.") != std::string::npos);
  std::remove(path.c_str());
  std::string text;
  for (int i = 0; i < 10; ++i) {
    text += "The cat sat on the mat. The committee considered the application carefully. ";
  }
  std::string scored = TempFile("scored.txt", text + "See https://www.gov.ie/.\n");
  r = Run({scored});
  CHECK(r.out.find("Flesch reading ease 5") != std::string::npos);  // 53.5
  CHECK(r.out.find("SMOG") == std::string::npos);                   // not shown, nor its note
  CHECK(r.out.find("Too short") == std::string::npos);
  CHECK(r.out.find("1 token was left out of the counts: web and e-mail addresses") !=
        std::string::npos);
  std::remove(scored.c_str());
}

TEST_CASE("text command: JSON has the fields the issue names, detail adds sentences",
          "[text][cli]") {
  std::string path = TempFile("json.txt", "The form was approved. We will endeavour to reply.\n");
  RunResult r = Run({path, "--format", "json", "--detail", "--lang", "en-IE"});
  REQUIRE(r.status == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["lang"] == "en");
  CHECK(j["metrics"]["words"] == 9);
  CHECK(j["metrics"]["left_out"] == 0);
  CHECK_FALSE(j["metrics"].contains("flesch_reading_ease"));  // 9 words: too short to score
  CHECK(j["metrics"]["too_short_for"][0] == "flesch_reading_ease");
  CHECK(j["metrics"]["score_notes"][0].get<std::string>().rfind("Too short to score", 0) == 0);
  REQUIRE(j["findings"].size() >= 2);
  for (const char* field :
       {"kind", "severity", "line", "column", "start", "end", "text", "message", "suggestion"}) {
    CHECK(j["findings"][0].contains(field));
  }
  REQUIRE(j["sentences"].size() == 2);
  CHECK(j["sentences"][0]["words"][0]["text"] == "The");
  CHECK(j["sentences"][0]["words"][0]["syllables"] == 1);
  std::remove(path.c_str());
}

TEST_CASE("text command: exit 1 when a threshold is missed", "[text][cli]") {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "word ";
  }
  std::string path = TempFile("long.txt", text + "end.\n");
  CHECK(Run({path}).status == 1);  // error-severity long sentence
  CHECK(Run({path, "--fail-on", "never"}).status == 0);
  // 120 words: Flesch 52.7, LIX 39.3.
  std::string text120;
  for (int i = 0; i < 10; ++i) {
    text120 += "The cat sat on the mat. The committee considered the application carefully. ";
  }
  std::string scored = TempFile("scored.txt", text120 + "\n");
  CHECK(Run({scored, "--min-reading-ease", "60"}).status == 1);
  CHECK(Run({scored, "--min-reading-ease", "50"}).status == 0);
  CHECK(Run({scored, "--max-lix", "30"}).status == 1);
  CHECK(Run({scored, "--max-lix", "45"}).status == 0);
  // A text too short to score meets a threshold, and says it was not checked.
  std::string easy = TempFile("easy.txt", "The cat sat on the mat.\n");
  RunResult short_text = Run({easy, "--min-reading-ease", "120", "--format", "json"});
  CHECK(short_text.status == 0);
  CHECK(short_text.out.find("--min-reading-ease not checked: Too short to score") !=
        std::string::npos);
  std::remove(path.c_str());
  std::remove(easy.c_str());
  std::remove(scored.c_str());
}

TEST_CASE("text command: an unknown --lang exits 2 and names the known ones", "[text][cli]") {
  std::string path = TempFile("lang.txt", "We will reply soon.\n");
  RunResult r = Run({path, "--lang", "klingon"});
  CHECK(r.status == 2);
  CHECK(r.out.find("unknown language 'klingon'") != std::string::npos);
  CHECK(r.out.find("en, ga, de") != std::string::npos);
  CHECK(Run({path, "--lang", "xx"}).status == 2);
  CHECK(Run({path, "--lang", "ga-IE"}).status == 0);
  std::remove(path.c_str());
}

TEST_CASE("text command: Chinese gets characters per sentence and says why, no formula",
          "[text][cli]") {
  // 我们每周收集一次垃圾。: 10 characters in one sentence.
  std::string path = TempFile("zh.txt",
                              "\xE6\x88\x91\xE4\xBB\xAC\xE6\xAF\x8F\xE5\x91\xA8\xE6\x94\xB6"
                              "\xE9\x9B\x86\xE4\xB8\x80\xE6\xAC\xA1\xE5\x9E\x83\xE5\x9C\xBE"
                              "\xE3\x80\x82\n");
  RunResult r = Run({path, "--lang", "zh", "--format", "json"});
  REQUIRE(r.status == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["metrics"]["average_sentence_characters"] == 10.0);
  CHECK_FALSE(j["metrics"].contains("lix"));
  CHECK_FALSE(j["metrics"].contains("too_short_for"));
  CHECK(j["metrics"]["measures_note"].get<std::string>().rfind("Chinese is written without", 0) ==
        0);
  // 8 of these 10 characters are among the 2,500 most common in jieba's frequencies (垃圾,
  // "rubbish", is not).
  CHECK(j["metrics"]["common_character_percent"] == 80.0);
  std::remove(path.c_str());
  // Rare characters (饕餮觊觎鼋鼍, literary words) against everyday ones (我们): 2 of 8 common.
  std::string rare = TempFile("zh-rare.txt",
                              "\xE9\xA5\x95\xE9\xA4\xAE\xE8\xA7\x8A\xE8\xA7\x8E\xE9\xBC"
                              "\x8B\xE9\xBC\x8D\xE6\x88\x91\xE4\xBB\xAC\xE3\x80\x82\n");
  RunResult rr = Run({rare, "--lang", "zh", "--format", "json"});
  REQUIRE(rr.status == 0);
  CHECK(nlohmann::json::parse(rr.out)["metrics"]["common_character_percent"] == 25.0);
  RunResult text = Run({rare, "--lang", "zh"});
  CHECK(text.out.find("25% of its characters are among the 2,500 most common.") !=
        std::string::npos);
  std::remove(rare.c_str());
  // Other languages have no such measure.
  std::string en = TempFile("en-chars.txt", "We collect the bins every week.\n");
  CHECK_FALSE(nlohmann::json::parse(Run({en, "--format", "json"}).out)["metrics"].contains(
      "common_character_percent"));
  std::remove(en.c_str());
}

TEST_CASE("text command: --words lists the body's own words for the spelling check",
          "[text][cli][spelling]") {
  std::string path = TempFile("words.txt", "Take the luasline to the dubline trail.\n");
  std::string words = TempFile("ourwords.txt", "# our names\nLuasline\ndubline\n");
  auto misspellings = [](const RunResult& r) {
    nlohmann::json j = nlohmann::json::parse(r.out);
    size_t n = 0;
    for (const auto& f : j["findings"]) {
      n += f["kind"] == "misspelling" || f["kind"] == "unknown-word";
    }
    return n;
  };
  CHECK(misspellings(Run({path, "--format", "json"})) == 2);
  CHECK(misspellings(Run({path, "--format", "json", "--words", words})) == 0);
  RunResult missing = Run({path, "--words", "/nonexistent/words.txt"});
  CHECK(missing.status == 2);
  CHECK(missing.out.find("cannot open word list /nonexistent/words.txt") != std::string::npos);
  std::remove(path.c_str());
  std::remove(words.c_str());
}

TEST_CASE("text command: exit 2 on bad input and bad usage", "[text][cli]") {
  std::string bad = TempFile("bad.txt", "caf\xe9\n");
  RunResult r = Run({bad});
  CHECK(r.status == 2);
  CHECK(r.out.find("not valid UTF-8") != std::string::npos);
  CHECK(Run({"/nonexistent/file.txt"}).status == 2);
  CHECK(Run({bad, "--format", "pdf"}).status == 2);
  CHECK(Run({}).status == 2);
  std::string docx = TempFile("fake.docx", "not a zip at all");
  CHECK(Run({docx}).status == 2);
  std::remove(bad.c_str());
  std::remove(docx.c_str());
}

TEST_CASE("text command: HTML output marks findings with links both ways", "[text][cli]") {
  std::string path = TempFile("html.txt", "We will endeavour to reply.\n");
  RunResult r = Run({path, "--format", "html"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("<html lang=\"en\">") != std::string::npos);
  CHECK(r.out.find("<mark><span class=\"visually-hidden\">wordy-phrase: </span>endeavour</mark>") !=
        std::string::npos);
  CHECK(r.out.find("href=\"#f1\"") != std::string::npos);
  CHECK(r.out.find("id=\"f1\"") != std::string::npos);
  CHECK(r.out.find("<div class=\"text\" lang=\"en\">") != std::string::npos);
  CHECK(r.out.find("1 finding.") != std::string::npos);
  // An Irish text is marked as Irish inside the English report.
  RunResult ga = Run({path, "--format", "html", "--lang", "ga"});
  CHECK(ga.out.find("<html lang=\"en\">") != std::string::npos);
  CHECK(ga.out.find("<div class=\"text\" lang=\"ga\">") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("text command: HTML keeps a plain-text draft's line breaks, not an HTML page's",
          "[text][cli]") {
  // Two short lines with no full stop form one paragraph for the analysis, but are shown as
  // the writer wrote them; a finding's mark may span the break.
  std::string path = TempFile("lines.txt",
                              "Opening hours\n\nMonday to Friday\n9am to 5pm\n\nWe will "
                              "endeavour\nto reply.\n");
  RunResult r = Run({path, "--format", "html"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("<p>Monday to Friday<br>\n9am to 5pm</p>") != std::string::npos);
  CHECK(r.out.find("endeavour</mark><a class=\"ref\"") != std::string::npos);
  CHECK(r.out.find("<br>\nto reply.") != std::string::npos);
  std::remove(path.c_str());
  // In an HTML page a line break in the source is only white space.
  std::string page = TempFile("lines.html",
                              "<html lang=\"en\"><body><p>Monday to Friday\n9am to 5pm</p>"
                              "</body></html>");
  RunResult h = Run({page, "--format", "html"});
  REQUIRE(h.status == 0);
  CHECK(h.out.find("Monday to Friday 9am to 5pm") != std::string::npos);
  CHECK(h.out.find("<br>") == std::string::npos);
  std::remove(page.c_str());
}

}  // namespace
}  // namespace plainsight::cli
