// Documents end to end: the generated PDFs, DOCX and ODT files in tests/documents/ (made by
// tests/documents/generate.sh from packaged tools) audited with the whole catalogue, and
// `plainsight audit` on documents, folders of them and bad ones.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "cli/commands.h"
#include "engine/documents/document_audit.h"
#include "engine/text/test_support.h"
#include "plainsight/source_dir.h"
#include "rules/catalog.h"

namespace fs = std::filesystem;
namespace pe = plainsight::engine;
namespace docs = plainsight::engine::documents;

namespace {

std::string DocumentPath(const std::string& name) {
  return std::string(PLAINSIGHT_SOURCE_DIR) + "/tests/documents/" + name;
}

std::string ReadDocument(const std::string& name) {
  std::ifstream in(DocumentPath(name), std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Each rule's outcome on a document, audited with the whole catalogue.
std::map<std::string, pe::Outcome> Outcomes(const std::string& name) {
  auto type = docs::DocumentTypeFromName(name);
  REQUIRE(type.has_value());
  auto audit = docs::AuditDocument(ReadDocument(name), *type, name, plainsight::rules::AllRules());
  INFO(name << ": " << (audit ? "" : audit.error().message));
  REQUIRE(audit.has_value());
  std::map<std::string, pe::Outcome> out;
  for (const pe::RuleResult& r : audit->audit.results) {
    out[std::string(r.rule->id)] = r.outcome;
  }
  return out;
}

struct TempDir {
  fs::path path;

  TempDir() {
    path = fs::temp_directory_path() / ("plainsight-docs-" + std::to_string(::getpid()) + "-" +
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

nlohmann::json ReadJson(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

constexpr auto kPassed = pe::Outcome::kPassed;
constexpr auto kFailed = pe::Outcome::kFailed;
constexpr auto kInapplicable = pe::Outcome::kInapplicable;

}  // namespace

TEST_CASE("documents: each generated document gets the outcomes its making promises",
          "[documents][rules]") {
  // {document, rule, outcome}: what generate.sh and make_office.py put in each file.
  const std::tuple<const char*, const char*, pe::Outcome> k_expected[] = {
      // Chromium's tagged PDF: language, title, headings, a figure with /Alt, a data table.
      {"tagged.pdf", "pdf.tagged", kPassed},
      {"tagged.pdf", "pdf.lang", kPassed},
      {"tagged.pdf", "pdf.title", kPassed},
      {"tagged.pdf", "pdf.display-doc-title", kPassed},
      {"tagged.pdf", "pdf.figure-alt", kPassed},
      {"tagged.pdf", "pdf.table-headers", kPassed},
      {"tagged.pdf", "pdf.heading-order", kPassed},
      {"tagged.pdf", "pdf.headings-tagged", kPassed},
      {"tagged.pdf", "pdf.font-unicode", kPassed},
      {"tagged.pdf", "pdf.text-extractable", kPassed},
      {"tagged.pdf", "pdf.encryption", kInapplicable},
      {"tagged.pdf", "pdf.bookmarks", kInapplicable},
      {"tagged.pdf", "pdf.form-field-name", kInapplicable},
      // Tagged, without language and title, large bold lines for headings, a bare figure.
      {"problems.pdf", "pdf.tagged", kPassed},
      {"problems.pdf", "pdf.lang", kFailed},
      {"problems.pdf", "pdf.title", kFailed},
      {"problems.pdf", "pdf.display-doc-title", kInapplicable},
      {"problems.pdf", "pdf.figure-alt", kFailed},
      {"problems.pdf", "pdf.headings-tagged", kFailed},
      {"problems.pdf", "pdf.heading-order", kInapplicable},
      // Tags stripped by qpdf.
      {"untagged.pdf", "pdf.tagged", kFailed},
      {"untagged.pdf", "pdf.lang", kPassed},
      {"untagged.pdf", "pdf.title", kPassed},
      {"untagged.pdf", "pdf.figure-alt", kInapplicable},
      {"untagged.pdf", "pdf.headings-tagged", kInapplicable},
      // Rendered to images by ghostscript.
      {"scanned.pdf", "pdf.text-extractable", kFailed},
      {"scanned.pdf", "pdf.tagged", kFailed},
      {"scanned.pdf", "pdf.lang", kInapplicable},
      {"scanned.pdf", "pdf.font-unicode", kInapplicable},
      {"long.pdf", "pdf.bookmarks", kFailed},
      {"long-bookmarks.pdf", "pdf.bookmarks", kPassed},
      {"no-accessibility.pdf", "pdf.encryption", kFailed},
      {"no-accessibility.pdf", "pdf.text-extractable", kPassed},
  };
  std::map<std::string, std::map<std::string, pe::Outcome>> cache;
  for (const auto& [name, rule, outcome] : k_expected) {
    if (cache.count(name) == 0) {
      cache[name] = Outcomes(name);
    }
    INFO(name << " " << rule);
    REQUIRE(cache[name].count(rule) == 1);
    CHECK(pe::OutcomeName(cache[name][rule]) == std::string(pe::OutcomeName(outcome)));
  }
}

TEST_CASE("documents: DOCX and ODT with and without alt text, headings, title and language",
          "[documents][rules]") {
  for (const char* name : {"good.docx", "good.odt", "bad.docx", "bad.odt"}) {
    bool good = std::string(name).rfind("good", 0) == 0;
    auto outcomes = Outcomes(name);
    for (const char* rule : {"office.title", "office.lang", "office.headings",
                             "office.heading-order", "office.image-alt", "office.table-header",
                             "office.text-size", "office.link-text", "office.color-emphasis"}) {
      INFO(name << " " << rule);
      REQUIRE(outcomes.count(rule) == 1);
      CHECK(pe::OutcomeName(outcomes[rule]) == std::string(good ? "passed" : "failed"));
    }
    // Office documents run no PDF or page rule.
    CHECK(outcomes.count("pdf.tagged") == 0);
    CHECK(outcomes.count("html.page-title") == 0);
  }
}

TEST_CASE("documents: plainsight audit FILE.pdf|.docx|.odt reports like a page",
          "[documents][cli]") {
  TempDir dir;
  std::string out = (dir.path / "out.json").string();
  CHECK(Audit({DocumentPath("tagged.pdf"), "--no-text", "--out", out}) == 0);
  CHECK(Audit({DocumentPath("good.odt"), "--no-text", "--out", out}) == 0);
  REQUIRE(Audit({DocumentPath("bad.docx"), "--format", "json", "--out", out}) == 1);
  auto j = ReadJson(out);
  REQUIRE(j["pages"].size() == 1);
  const auto& page = j["pages"][0];
  CHECK(page["type"] == "docx");
  CHECK(page["url"].get<std::string>().rfind("file://", 0) == 0);
  CHECK(page["title"] == "");
  CHECK(page["rules"]["office.image-alt"] == "failed");
  CHECK(page.contains("text"));  // the plain-language analysis
  bool alt = false;
  for (const auto& f : page["findings"]) {
    for (const char* key : {"rule", "outcome", "severity", "wcag", "en301549", "selector",
                            "snippet", "message", "help"}) {
      CHECK(f.contains(key));
    }
    if (f["rule"] == "office.image-alt") {
      alt = true;
      CHECK(f["severity"] == "error");
      CHECK(f["wcag"][0] == "1.1.1");
      CHECK(f["en301549"][0] == "10.1.1.1");
      CHECK(f["selector"] == "picture 1");
    }
    if (f["rule"] == "office.headings") {
      CHECK(f["severity"] == "warning");
    }
  }
  CHECK(alt);
}

TEST_CASE("documents: a folder audit includes documents beside pages", "[documents][cli]") {
  TempDir dir;
  dir.Write("site/index.html",
            "<!DOCTYPE html><html lang=en><title>Home</title><p>Hello.</p></html>");
  dir.Write("site/plans/plan.pdf", ReadDocument("untagged.pdf"));
  dir.Write("site/forms/form.odt", ReadDocument("bad.odt"));
  dir.Write("site/notes.txt", "ignored");
  std::string out = (dir.path / "out.json").string();
  REQUIRE(Audit({(dir.path / "site").string(), "--no-text", "--format", "json", "--out", out}) ==
          1);
  auto j = ReadJson(out);
  std::map<std::string, std::string> types;
  for (const auto& page : j["pages"]) {
    types[fs::path(page["url"].get<std::string>()).filename().string()] = page["type"];
  }
  CHECK(types == std::map<std::string, std::string>{
                     {"form.odt", "odt"}, {"index.html", "html"}, {"plan.pdf", "pdf"}});
}

TEST_CASE("documents: bad documents give a clear error, exit 2, and the others are audited",
          "[documents][cli][limits]") {
  TempDir dir;
  std::string out = (dir.path / "out.json").string();
  std::string tagged = ReadDocument("tagged.pdf");
  std::string truncated = dir.Write("truncated.pdf", tagged.substr(0, tagged.size() / 2));
  std::string garbage = dir.Write("garbage.docx", "not a zip at all");
  // A 500 MB file (sparse, so the test writes nothing): refused by its size before reading.
  std::string huge = (dir.path / "huge.pdf").string();
  std::ofstream(huge).put('%');
  fs::resize_file(huge, uintmax_t{500} << 20);
  // A zip bomb: 80 MB of spaces in word/document.xml, in a zip of about 80 KB.
  std::string bomb =
      dir.Write("bomb.docx", plainsight::engine::text::testing::MakeZip(
                                 {{"word/document.xml", std::string(80u << 20, ' ')}}));
  std::string good = DocumentPath("good.docx");
  REQUIRE(Audit({truncated, garbage, huge, bomb, DocumentPath("password.pdf"), good, "--no-text",
                 "--format", "json", "--out", out}) == 2);
  auto j = ReadJson(out);
  REQUIRE(j["pages"].size() == 6);
  std::map<std::string, std::string> errors;
  for (const auto& page : j["pages"]) {
    std::string name = fs::path(page["url"].get<std::string>()).filename().string();
    errors[name] = page.value("error", "");
    if (name != "good.docx") {
      CHECK(page.contains("type"));
    }
  }
  CHECK(errors["truncated.pdf"].find("not a readable PDF") != std::string::npos);
  CHECK(errors["garbage.docx"].find("not a zip archive") != std::string::npos);
  CHECK(errors["huge.pdf"].find("the limit is") != std::string::npos);
  CHECK(errors["bomb.docx"].find("zip bomb") != std::string::npos);
  CHECK(errors["password.pdf"].find("password") != std::string::npos);
  CHECK(errors["good.docx"].empty());
  CHECK(j["summary"]["unreadable"] == 5);
}
