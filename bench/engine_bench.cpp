// Page audit throughput: every ACT test case page (or, without ../shared, the sample site) parsed
// by Gumbo alone, then fully audited (parse, charset, CSS cascade, accessibility tree, every
// rule), single thread, in the same run. Prints pages/s for both and their ratio.
// Target (issue 2): full audit at most 3x the parse-only time, and at least 300 pages/s.
#include <gumbo.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "engine/page.h"
#include "engine/runner.h"
#include "rules/catalog.h"

namespace fs = std::filesystem;
namespace pe = plainsight::engine;

namespace {

std::vector<std::pair<std::string, std::string>> LoadPages(const fs::path& dir) {
  std::vector<std::pair<std::string, std::string>> pages;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".html" || ext == ".htm")) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      pages.emplace_back(e.path().string(), ss.str());
    }
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = fs::path(PLAINSIGHT_SHARED_DIR) / "act-rules" / "testcases";
  if (argc > 1) {
    dir = argv[1];
  } else if (!fs::exists(dir)) {
    dir = fs::path(PLAINSIGHT_SOURCE_DIR) / "corpora" / "sites";
  }
  auto pages = LoadPages(dir);
  if (pages.empty()) {
    std::cerr << "no pages under " << dir << "\n";
    return 2;
  }
  const int rounds = std::max(1, static_cast<int>(3000 / pages.size()));
  auto rules = plainsight::rules::AllRules();

  // Warm-up (page cache, allocator).
  for (const auto& [path, html] : pages) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }

  auto start = std::chrono::steady_clock::now();
  size_t nodes = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& [path, html] : pages) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
      nodes += out->root != nullptr;
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  }
  double parse_s = Seconds(start);

  start = std::chrono::steady_clock::now();
  size_t findings = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& [path, html] : pages) {
      pe::ParseOptions options;
      options.url = "file://" + path;
      auto doc = pe::Document::ParseHtml(html, options);
      if (!doc) {
        continue;
      }
      auto page = pe::Page::Build(std::move(*doc));
      auto audit = pe::RunRules(*page, rules);
      for (const auto& res : audit.results) {
        findings += res.findings.size();
      }
    }
  }
  double audit_s = Seconds(start);

  double n = static_cast<double>(pages.size()) * rounds;
  std::cout << "pages: " << pages.size() << " x " << rounds << " rounds from " << dir.string() << "\n"
            << "rules: " << rules.size() << "\n"
            << "gumbo parse only: " << static_cast<long>(n / parse_s) << " pages/s\n"
            << "full audit:       " << static_cast<long>(n / audit_s) << " pages/s\n"
            << "ratio audit/parse time: " << audit_s / parse_s << "x (target <= 3x; full audit target >= 300 pages/s)\n"
            << "(findings: " << findings << ", parsed: " << nodes << ")\n";
  return 0;
}
