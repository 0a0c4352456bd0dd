// The CLI's contract: exit statuses and the JSON fields other tools depend on.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "cli/commands.h"
#include "plainsight/source_dir.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;

  TempDir() {
    path = fs::temp_directory_path() / ("plainsight-cli-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(path);
  }

  ~TempDir() { fs::remove_all(path); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

int Audit(std::vector<std::string> args) {
  args.insert(args.begin(), "audit");
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  return plainsight::cli::RunAudit(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("cli: audit exits 0 when nothing failed, 1 when something failed, 2 on bad input",
          "[cli][audit]") {
  TempDir dir;
  std::string good = dir.Write("good.html",
                               "<!DOCTYPE html><html lang=en><title>Bins - Cork County Council"
                               "</title><body><p>Collection days.</p></body></html>");
  std::string bad = dir.Write("bad.html", "<!DOCTYPE html><html><body><p>x</p></body></html>");
  std::string out = (dir.path / "out.json").string();
  CHECK(Audit({good, "--format", "json", "--out", out}) == 0);
  CHECK(Audit({bad, "--format", "json", "--out", out}) == 1);
  CHECK(Audit({(dir.path / "missing.html").string(), "--out", out}) == 2);
  CHECK(Audit({good, "--format", "yaml", "--out", out}) == 2);
  CHECK(Audit({"--no-such-flag", good}) == 2);
  CHECK(Audit({}) == 2);
}

TEST_CASE("cli: audit text output has each page's plain-language line", "[cli][audit][text]") {
  TempDir dir;
  std::string page =
      dir.Write("page.html",
                "<!DOCTYPE html><html lang=en><title>Bins - Cork County Council</title><body><main>"
                "<h1>Bins</h1><p>We collect your bins every week. In the event that you are away, "
                "tell us.</p></main></body></html>");
  std::string out = (dir.path / "out.txt").string();
  Audit({page, "--out", out});
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  INFO(text.str());
  CHECK(text.str().find(page + ": plain language (en): 16 words in 3 sentences, 5.3 words per "
                               "sentence, too short to score; 1 plain-language note") !=
        std::string::npos);
  // The HTML report has a plain-language section per page, the note's words in the page's
  // language.
  std::string html = (dir.path / "out.html").string();
  Audit({page, "--format", "html", "--out", html});
  std::ifstream html_in(html);
  std::stringstream html_text;
  html_text << html_in.rdbuf();
  CHECK(html_text.str().find("<h3>Plain language</h3>\n<p>16 words in 3 sentences, 5.3 words "
                             "per sentence, too short to score; 1 plain-language note.</p>") !=
        std::string::npos);
  CHECK(html_text.str().find("<q lang=\"en\">In the event that</q>") != std::string::npos);
  // --no-text: no analysis, no line.
  Audit({page, "--out", out, "--no-text"});
  std::ifstream again(out);
  std::stringstream without;
  without << again.rdbuf();
  CHECK(without.str().find("plain language") == std::string::npos);
}

TEST_CASE("cli: audit JSON has the documented fields", "[cli][audit]") {
  TempDir dir;
  std::string bad = dir.Write("site/index.html",
                              "<!DOCTYPE html><html><head><title>Home</title></head><body>"
                              "<p>x</p></body></html>");
  dir.Write("site/notes.txt", "ignored");
  std::string out = (dir.path / "out.json").string();
  REQUIRE(Audit({(dir.path / "site").string(), "--format", "json", "--out", out}) == 1);
  std::ifstream in(out);
  auto j = nlohmann::json::parse(in);
  CHECK(j["tool"]["name"] == "plainsight");
  CHECK(j["tool"].contains("version"));
  REQUIRE(j["pages"].size() == 1);
  const auto& page = j["pages"][0];
  CHECK(page["title"] == "Home");
  CHECK(page["lang"] == "");
  CHECK(page["url"].get<std::string>().rfind("file://", 0) == 0);
  bool found = false;
  for (const auto& f : page["findings"]) {
    for (const char* key : {"rule", "outcome", "severity", "wcag", "en301549", "act", "selector",
                            "line", "column", "snippet", "message"}) {
      CHECK(f.contains(key));
    }
    if (f["rule"] == "html.html-has-lang") {
      found = true;
      CHECK(f["outcome"] == "failed");
      CHECK(f["wcag"][0] == "3.1.1");
      CHECK(f["act"][0] == "b5c3f8");
      CHECK(f["selector"] == "html");
      CHECK(f["line"] == 1);
    }
  }
  CHECK(found);
}

TEST_CASE("cli: the audit report records the WCAG level its rules were chosen by", "[cli][audit]") {
  TempDir dir;
  std::string page =
      dir.Write("index.html",
                "<!DOCTYPE html><html lang=en><title>Bins</title><body><p>Collection "
                "days.</p></body></html>");
  std::string out = (dir.path / "out.json").string();
  auto read = [&] {
    std::ifstream in(out);
    return nlohmann::json::parse(in);
  };
  REQUIRE(Audit({page, "--format", "json", "--out", out}) == 0);
  CHECK(read()["level"] == "AA");  // the default, what EN 301 549 requires
  REQUIRE(Audit({page, "--level", "A", "--format", "json", "--out", out}) == 0);
  CHECK(read()["level"] == "A");
  REQUIRE(Audit({page, "--level", "AAA", "--format", "jsonl", "--out", out}) == 0);
  std::ifstream lines(out);
  std::string line;
  std::string last;
  while (std::getline(lines, line)) {
    last = line;
  }
  CHECK(nlohmann::json::parse(last)["level"] == "AAA");  // the summary line
  REQUIRE(Audit({page, "--level", "A", "--format", "html", "--out", out}) == 0);
  std::ifstream html(out);
  std::string text((std::istreambuf_iterator<char>(html)), std::istreambuf_iterator<char>());
  CHECK(text.find("WCAG level A and below") != std::string::npos);
  // Rules named by id: no level to record.
  REQUIRE(Audit({page, "--rules", "html.page-title", "--format", "json", "--out", out}) == 0);
  CHECK_FALSE(read().contains("level"));
}

TEST_CASE("cli: docs/rules.md is generated from the rules' metadata and up to date",
          "[cli][docs]") {
  // Captures `plainsight rules --format markdown` and compares it with the committed file.
  std::string path = std::string(PLAINSIGHT_SOURCE_DIR) + "/docs/rules.md";
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream committed;
  committed << in.rdbuf();
  std::stringstream generated;
  auto* old = std::cout.rdbuf(generated.rdbuf());
  const char* argv[] = {"rules", "--format", "markdown"};
  int status = plainsight::cli::RunRules(3, const_cast<char**>(argv));
  std::cout.rdbuf(old);
  REQUIRE(status == 0);
  INFO("docs/rules.md is stale: run `make rules-doc` and commit it");
  CHECK(generated.str() == committed.str());
}
