// plainsight act TESTCASES.json --out RESULTS.json: runs every rule that declares an ACT rule id
// on every test case of that ACT rule and writes results in the format score.py reads
// (../shared/act-rules/README.md). Test case files are resolved by relativePath beside
// TESTCASES.json; asset URLs under the W3C's content-assets prefix map to that folder.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "audit/local_files.h"
#include "cli/commands.h"
#include "engine/page.h"
#include "engine/runner.h"
#include "rules/catalog.h"

namespace plainsight::cli {

namespace {
constexpr std::string_view kAssetPrefix = "https://www.w3.org/WAI/content-assets/wcag-act-rules/";
}  // namespace

int RunAct(int argc, char** argv) {
  std::string testcases_path;
  std::string out_path;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (arg == "-v" || arg == "--verbose") {
      verbose = true;
    } else if (!arg.empty() && arg[0] != '-' && testcases_path.empty()) {
      testcases_path = arg;
    } else {
      return UsageError("usage: plainsight act TESTCASES.json --out RESULTS.json [-v]");
    }
  }
  if (testcases_path.empty() || out_path.empty()) {
    return UsageError("usage: plainsight act TESTCASES.json --out RESULTS.json [-v]");
  }
  auto text = audit::ReadFile(testcases_path);
  if (!text) {
    return UsageError(text.error().ToString());
  }
  nlohmann::json testcases = nlohmann::json::parse(*text, nullptr, false);
  if (testcases.is_discarded() || !testcases.contains("testcases")) {
    return UsageError(testcases_path + ": not an ACT testcases.json (no \"testcases\" array)");
  }
  std::string folder = std::filesystem::absolute(testcases_path).parent_path().string();
  audit::LocalLoaderOptions local;
  local.web_prefix = std::string(kAssetPrefix);
  local.folder = folder;
  if (auto root = audit::CanonicalFolder(folder)) {
    local.roots.push_back(*root);
  }
  engine::ResourceLoader loader = audit::LocalLoader(local);

  // ACT rule id -> our rules that declare it.
  std::map<std::string, std::vector<const engine::Rule*>> by_act;
  for (const engine::Rule* r : rules::AllRules()) {
    for (std::string_view act : r->act) {
      by_act[std::string(act)].push_back(r);
    }
  }

  nlohmann::json results = nlohmann::json::array();
  int run = 0;
  int unreadable = 0;
  for (const auto& tc : testcases["testcases"]) {
    std::string rule_id = tc.value("ruleId", "");
    auto mapped = by_act.find(rule_id);
    if (mapped == by_act.end()) {
      continue;
    }
    std::string rel = tc.value("relativePath", "");
    std::string path = folder + "/" + rel;
    auto bytes = audit::ReadFile(path);
    if (!bytes) {
      ++unreadable;
      std::cerr << "plainsight act: " << bytes.error().ToString() << "\n";
      continue;
    }
    engine::ParseOptions options;
    options.url = tc.value("url", std::string(kAssetPrefix) + rel);
    options.loader = &loader;
    std::string ext = std::filesystem::path(rel).extension().string();
    auto doc = (ext == ".svg" || ext == ".xml") ? engine::Document::ParseXml(*bytes, options)
                                                : engine::Document::ParseHtml(*bytes, options);
    if (!doc) {
      ++unreadable;
      std::cerr << "plainsight act: " << rel << ": " << doc.error().ToString() << "\n";
      continue;
    }
    auto page = engine::Page::Build(std::move(*doc));
    engine::PageAudit audit = engine::RunRules(*page, mapped->second);
    for (const engine::RuleResult& r : audit.results) {
      results.push_back({{"ruleId", rule_id},
                         {"testcaseId", tc.value("testcaseId", "")},
                         {"procedure", std::string(r.rule->id)},
                         {"outcome", engine::OutcomeName(r.outcome)}});
      if (verbose) {
        std::string expected = tc.value("expected", "");
        std::string got = engine::OutcomeName(r.outcome);
        bool wrong = (expected == "failed") != (got == "failed") && got != "cantTell";
        if (wrong) {
          std::cerr << rule_id << " " << r.rule->id << " " << rel << ": expected " << expected
                    << ", got " << got << "\n";
        }
      }
    }
    ++run;
  }
  nlohmann::json out{{"tool", "plainsight"}, {"version", PLAINSIGHT_VERSION}, {"results", results}};
  std::ofstream file(out_path, std::ios::binary);
  if (!file) {
    return UsageError("cannot write " + out_path);
  }
  file << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  std::cerr << "plainsight act: " << run << " test cases run, " << results.size()
            << " results written to " << out_path
            << (unreadable ? ", " + std::to_string(unreadable) + " unreadable" : std::string())
            << "\n";
  return unreadable ? 2 : 0;
}

}  // namespace plainsight::cli
