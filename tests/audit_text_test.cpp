// The text report (reports/audit_report.cpp WriteAuditText): compiler-style lines grouped by page
// and then by rule, each rule's fix shown once after its group (issue #11).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "cli/commands.h"

namespace fs = std::filesystem;

namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("reports: text output groups findings by rule and shows each fix once",
          "[reports][text]") {
  fs::path dir = fs::temp_directory_path() / ("plainsight-text-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path page = dir / "page.html";
  std::ofstream(page) << "<!DOCTYPE html><html lang=\"en\"><title>Bins - Cork County Council"
                         "</title><body>\n"
                         "<div><li>Paper</li></div>\n"
                         "<img src=\"bin.png\">\n"
                         "<div><li>Glass</li></div>\n"
                         "</body></html>\n";
  const fs::path out = dir / "out.txt";
  std::string page_s = page.string();
  std::string out_s = out.string();
  const char* argv[] = {"audit", page_s.c_str(), "--format", "text",
                        "--out", out_s.c_str(),  "--no-text"};
  CHECK(plainsight::cli::RunAudit(7, const_cast<char**>(argv)) == 1);
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove_all(dir);
  const std::string report = text.str();
  INFO(report);
  // Two li findings (lines 2 and 4) come together, before the image's (line 3), because the
  // list rule found something first; its fix follows its last finding, once.
  const size_t li2 = report.find("page.html:2:");
  const size_t li4 = report.find("page.html:4:");
  const size_t img3 = report.find("page.html:3:");
  REQUIRE(li2 != std::string::npos);
  REQUIRE(li4 != std::string::npos);
  REQUIRE(img3 != std::string::npos);
  CHECK(li2 < li4);
  CHECK(li4 < img3);
  CHECK(Count(report, "[html.list-item-parent") == 2);
  CHECK(Count(report, "fix: Put the li elements inside") == 1);
  const size_t fix = report.find("fix: Put the li elements inside");
  CHECK(li4 < fix);
  CHECK(fix < img3);
}
