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
  args.push_back("--data-dir");
  args.push_back(engine::text::testing::DataDir());
  std::vector<char*> argv;
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
  CHECK(r.out.find("Flesch reading ease") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("text command: JSON has the fields the issue names, detail adds sentences",
          "[text][cli]") {
  std::string path = TempFile("json.txt", "The form was approved. We will endeavour to reply.\n");
  RunResult r = Run({path, "--format", "json", "--detail", "--lang", "en-IE"});
  REQUIRE(r.status == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["lang"] == "en");
  CHECK(j["metrics"]["words"] == 9);
  CHECK(j["metrics"].contains("flesch_reading_ease"));
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
  std::string easy = TempFile("easy.txt", "The cat sat on the mat.\n");
  CHECK(Run({easy, "--min-reading-ease", "120"}).status == 1);
  CHECK(Run({easy, "--min-reading-ease", "60"}).status == 0);
  CHECK(Run({easy, "--max-lix", "3"}).status == 1);
  std::remove(path.c_str());
  std::remove(easy.c_str());
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
  std::remove(path.c_str());
}

}  // namespace
}  // namespace plainsight::cli
