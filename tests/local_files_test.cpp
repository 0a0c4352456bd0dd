// Local audits as a hostile page would use them (issue 19 item 1): what a page links to is read
// only if it is a regular file, below the audited folders (or --root), within the size limits;
// everything refused is named, with why, in the report and on stderr.
#include "audit/local_files.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "cli/commands.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;

  TempDir() {
    path = fs::temp_directory_path() / ("plainsight-local-" + std::to_string(::getpid()) + "-" +
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

struct Run {
  int status = 0;
  nlohmann::json report;
  std::string stderr_text;
};

// Runs `plainsight audit ARGS --format json --out DIR/out.json`, capturing stderr.
Run Audit(const TempDir& dir, std::vector<std::string> args) {
  std::string out = (dir.path / "out.json").string();
  args.insert(args.begin(), "audit");
  for (const char* a : {"--format", "json", "--no-text", "--out"}) {
    args.emplace_back(a);
  }
  args.push_back(out);
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  std::stringstream err;
  auto* old = std::cerr.rdbuf(err.rdbuf());
  Run run;
  run.status = plainsight::cli::RunAudit(static_cast<int>(argv.size()), argv.data());
  std::cerr.rdbuf(old);
  run.stderr_text = err.str();
  std::ifstream in(out);
  if (in) {
    run.report = nlohmann::json::parse(in, nullptr, false);
  }
  return run;
}

std::string Page(const std::string& head) {
  return "<!DOCTYPE html><html lang=en><head><title>A page of the council</title>" + head +
         "</head><body><main><h1>Bins</h1><p>Collection days.</p></main></body></html>";
}

// Every page's warnings, joined by newlines.
std::string Warnings(const Run& run) {
  std::string out;
  for (const auto& page : run.report["pages"]) {
    for (const auto& w : page.value("warnings", nlohmann::json::array())) {
      out += w.get<std::string>() + "\n";
    }
  }
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("local audit: /dev/zero as a stylesheet, @import or iframe is never read",
          "[cli][local]") {
  TempDir dir;
  std::string page =
      dir.Write("site/index.html",
                Page("<link rel=stylesheet href=\"/dev/zero\">"
                     "<link rel=stylesheet href=\"file:///dev/zero?a\">"
                     "<link rel=stylesheet href=\"../../../../../../../../../../dev/zero#b\">"
                     "<style>@import url(\"file://localhost/dev/zero\");</style>") +
                    "<iframe title=zero src=\"/dev/zero\"></iframe>");
  Run run = Audit(dir, {page});
  CHECK(run.status == 0);
  const std::string warnings = Warnings(run);
  CHECK(Contains(warnings,
                 "stylesheet file:///dev/zero not loaded: /dev/zero: outside the "
                 "audited folders"));
  CHECK(Contains(warnings, "iframe file:///dev/zero not loaded"));
  // Said once on stderr, whatever the number of links.
  CHECK(Contains(run.stderr_text, "plainsight: warning: /dev/zero: outside the audited folders"));
  CHECK(run.stderr_text.find("/dev/zero") == run.stderr_text.rfind("/dev/zero: outside"));
  SECTION("even below an explicit root, a device is refused as one") {
    Run rooted = Audit(dir, {page, "--root", "/"});
    CHECK(Contains(Warnings(rooted), "/dev/zero: is a device, not a file"));
    CHECK(Contains(rooted.stderr_text, "is a device"));
  }
}

TEST_CASE("local audit: a FIFO as a page or a stylesheet is refused, not waited on",
          "[cli][local]") {
  TempDir dir;
  std::string page = dir.Write("site/index.html", Page("<link rel=stylesheet href=pipe.css>"));
  REQUIRE(::mkfifo((dir.path / "site/pipe.css").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((dir.path / "site/pipe.html").c_str(), 0600) == 0);
  Run run = Audit(dir, {(dir.path / "site").string()});
  CHECK(run.status == 2);  // the FIFO named .html is an input that could not be read
  REQUIRE(run.report["pages"].size() == 2);
  CHECK(Contains(Warnings(run), "pipe.css: is a named pipe (FIFO), not a file"));
  CHECK(Contains(run.report["pages"][1]["error"].get<std::string>(), "is a named pipe (FIFO)"));
  CHECK(Contains(run.stderr_text, "pipe.html: is a named pipe (FIFO)"));
}

TEST_CASE("local audit: a symbolic link loop is named as one", "[cli][local]") {
  TempDir dir;
  std::string page = dir.Write("site/index.html", Page("<link rel=stylesheet href=a.css>"));
  fs::create_symlink("b.css", dir.path / "site/a.css");
  fs::create_symlink("a.css", dir.path / "site/b.css");
  fs::create_symlink("loop.html", dir.path / "site/loop.html");
  Run run = Audit(dir, {page});
  CHECK(Contains(Warnings(run), "a.css: symbolic link loop"));
  Run page_loop = Audit(dir, {(dir.path / "site/loop.html").string()});
  CHECK(page_loop.status == 2);
  CHECK(Contains(page_loop.report["pages"][0]["error"].get<std::string>(), "symbolic link loop"));
}

TEST_CASE("local audit: files outside the audited folders are read only with --root",
          "[cli][local]") {
  TempDir dir;
  dir.Write("shared/secret.css", "p { color: #000 }");
  std::string page =
      dir.Write("site/index.html", Page("<link rel=stylesheet href=../shared/secret.css>"
                                        "<link rel=stylesheet href=link.css>"));
  fs::create_symlink(dir.path / "shared/secret.css", dir.path / "site/link.css");
  // A page in the site that is a link to a file outside it is not audited either.
  fs::create_symlink(dir.path / "shared/secret.css", dir.path / "site/leak.html");
  Run run = Audit(dir, {(dir.path / "site").string()});
  const std::string warnings = Warnings(run);
  CHECK(Contains(warnings, "shared/secret.css: outside the audited folders"));
  CHECK(Contains(warnings, "link.css: resolves to " + fs::canonical(dir.path).string() +
                               "/shared/secret.css, outside the audited folders"));
  REQUIRE(run.report["pages"].size() == 2);
  // Pages are reported in the folder's sorted order: index.html, then leak.html.
  CHECK_FALSE(run.report["pages"][0].contains("error"));
  CHECK(Contains(run.report["pages"][1]["error"].get<std::string>(), "outside the audited"));
  CHECK(run.status == 2);

  Run rooted = Audit(dir, {(dir.path / "site").string(), "--root", (dir.path / "shared").string()});
  CHECK_FALSE(Contains(Warnings(rooted), "secret.css"));
  REQUIRE(rooted.report["pages"].size() == 2);
  for (const auto& p : rooted.report["pages"]) {
    CHECK_FALSE(p.contains("error"));  // leak.html is audited too
  }
  CHECK(rooted.status != 2);
  // Without a file of its own folder, a single FILE's folder is its root.
  Run single = Audit(dir, {page});
  CHECK(Contains(Warnings(single), "outside the audited folders (" +
                                       fs::canonical(dir.path / "site").string() + ")"));
  CHECK(Audit(dir, {page, "--root", (dir.path / "missing").string()}).status == 2);
}

TEST_CASE("local audit: the crawler's size limits apply, and the warning names the limit",
          "[cli][local]") {
  TempDir dir;
  dir.Write("site/big.css", std::string((2u << 20) + 1, ' '));
  std::string page = dir.Write("site/index.html", Page("<link rel=stylesheet href=big.css>"));
  Run run = Audit(dir, {page});
  CHECK(run.status == 0);
  CHECK(Contains(Warnings(run),
                 "big.css: file is 2097153 bytes; the limit is 2097152 bytes (2 MiB) for a file a "
                 "page links to"));
  CHECK(Contains(run.stderr_text, "big.css: file is 2097153 bytes"));
  std::string big_page = dir.Write("site/big.html", Page("") + std::string(3000, ' '));
  Run refused = Audit(dir, {big_page, "--max-page-bytes", "2000"});
  CHECK(refused.status == 2);
  CHECK(refused.report["pages"][0]["error"] ==
        "skipped: file is " + std::to_string(fs::file_size(big_page)) +
            " bytes; the limit is 2000 bytes (--max-page-bytes N changes it)");
  CHECK(Audit(dir, {big_page, "--max-page-bytes", "4000"}).status == 0);
}

TEST_CASE("ReadFile: bounded whatever the file says about its size", "[cli][local]") {
  // /proc files report a size of 0; reading stops at the limit all the same.
  auto maps = plainsight::audit::ReadFile("/proc/self/maps", 10);
  REQUIRE_FALSE(maps.has_value());
  CHECK(maps.error().code == plainsight::engine::ErrorCode::kTooLarge);
  CHECK(maps.error().message == "file is more than 10 bytes; the limit is 10 bytes");
  auto dir = plainsight::audit::ReadFile("/");
  REQUIRE_FALSE(dir.has_value());
  CHECK(dir.error().message == "is a directory");
  auto missing = plainsight::audit::ReadFile("/no/such/file");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == plainsight::engine::ErrorCode::kNotFound);
  CHECK(plainsight::audit::DescribeBytes(3u << 20) == "3145728 bytes (3 MiB)");
}
