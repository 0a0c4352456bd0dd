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

#include "cli/malloc_tuning.h"
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
  // The same allocator settings as the plainsight binary, so the bench measures what users run.
  plainsight::cli::TuneAllocator();
  fs::path dir = fs::path(PLAINSIGHT_SHARED_DIR) / "act-rules" / "testcases";
  bool profile_rules = false;
  if (argc > 1 && std::string_view(argv[1]) == "--profile-rules") {
    profile_rules = true;
    --argc;
    ++argv;
  }
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

  // Both passes are repeated, interleaved, and the fastest repetition of each is kept: the
  // machine's noise (frequency changes, other processes) only ever adds time.
  constexpr int kRepetitions = 5;
  double parse_s = 1e300;
  double audit_s = 1e300;
  size_t nodes = 0;
  size_t findings = 0;
  for (int rep = 0; rep < kRepetitions; ++rep) {
    auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; ++r) {
      for (const auto& [path, html] : pages) {
        GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
        nodes += out->root != nullptr;
        gumbo_destroy_output(&kGumboDefaultOptions, out);
      }
    }
    parse_s = std::min(parse_s, Seconds(start));

    start = std::chrono::steady_clock::now();
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
    audit_s = std::min(audit_s, Seconds(start));
  }

  // Where the time goes: the same pages, stage by stage.
  double stage_parse = 0, stage_page = 0, stage_rules = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& [path, html] : pages) {
      pe::ParseOptions options;
      options.url = "file://" + path;
      auto t0 = std::chrono::steady_clock::now();
      auto doc = pe::Document::ParseHtml(html, options);
      stage_parse += Seconds(t0);
      if (!doc) {
        continue;
      }
      t0 = std::chrono::steady_clock::now();
      auto page = pe::Page::Build(std::move(*doc));
      stage_page += Seconds(t0);
      t0 = std::chrono::steady_clock::now();
      auto audit = pe::RunRules(*page, rules);
      stage_rules += Seconds(t0);
    }
  }

  double n = static_cast<double>(pages.size()) * rounds;
  if (profile_rules) {
    // Per-rule cost: each rule alone over the pages (built once per page).
    std::vector<std::pair<double, std::string_view>> costs;
    std::vector<std::unique_ptr<pe::Page>> built;
    for (const auto& [path, html] : pages) {
      pe::ParseOptions options;
      options.url = "file://" + path;
      auto doc = pe::Document::ParseHtml(html, options);
      if (doc) {
        built.push_back(pe::Page::Build(std::move(*doc)));
      }
    }
    // Every rule once first, so that each page's lazily built caches (accessibility flags and
    // roles, names, Page::Derived data such as the text colours the contrast rules share) are
    // in place: what is timed below is each rule's own cost, not whichever rule came first.
    for (const auto& page : built) {
      (void)pe::RunRules(*page, rules);
    }
    for (const pe::Rule* rule : rules) {
      const pe::Rule* one[] = {rule};
      auto t0 = std::chrono::steady_clock::now();
      for (int r = 0; r < rounds; ++r) {
        for (const auto& page : built) {
          (void)pe::RunRules(*page, one);
        }
      }
      costs.emplace_back(Seconds(t0) / n * 1e6, rule->id);
    }
    std::sort(costs.rbegin(), costs.rend());
    for (const auto& [us, id] : costs) {
      std::cout << "  " << id << ": " << us << " us/page (caches warm)\n";
    }
  }
  std::cout << "pages: " << pages.size() << " x " << rounds << " rounds (best of "
            << kRepetitions << ") from " << dir.string() << "\n"
            << "rules: " << rules.size() << "\n"
            << "gumbo parse only: " << static_cast<long>(n / parse_s) << " pages/s\n"
            << "full audit:       " << static_cast<long>(n / audit_s) << " pages/s\n"
            << "ratio audit/parse time: " << audit_s / parse_s << "x (target <= 3x; full audit target >= 300 pages/s)\n"
            << "stages, in us per page: parse+DOM " << stage_parse / n * 1e6 << ", styles+a11y "
            << stage_page / n * 1e6 << ", rules " << stage_rules / n * 1e6 << " (gumbo alone "
            << parse_s / n * 1e6 << ")\n"
            << "(findings: " << findings << ", parsed: " << nodes << ")\n";
  return 0;
}
