// Keeps the dependency direction: cli -> audit -> reports -> store -> engine, and audit -> rules,
// crawler -> engine. Nothing in engine includes anything above it; rules and crawler include only
// engine; the store includes only engine; reports include no rules, crawler, audit or cli; the
// audit pipeline includes no cli.
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <catch2/catch.hpp>

#include "plainsight/source_dir.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> BadIncludes(const std::string& module,
                                     const std::vector<std::string>& forbidden) {
  std::vector<std::string> bad;
  fs::path root = fs::path(PLAINSIGHT_SOURCE_DIR) / module;
  if (!fs::exists(root)) {
    return bad;
  }
  const std::regex include(R"(^\s*#\s*include\s*"([a-z_]+)/)");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cpp" && ext != ".inc") {
      continue;
    }
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (std::regex_search(line, m, include)) {
        for (const std::string& f : forbidden) {
          if (m[1] == f) {
            bad.push_back(entry.path().string() + ":" + std::to_string(n) + ": " + line);
          }
        }
      }
    }
  }
  return bad;
}

}  // namespace

TEST_CASE("layering: engine depends on nothing above it", "[layering]") {
  auto bad = BadIncludes("engine", {"crawler", "reports", "rules", "cli", "store", "audit"});
  INFO(bad.size() << " bad includes; first: " << (bad.empty() ? "" : bad[0]));
  CHECK(bad.empty());
}

TEST_CASE("layering: the store depends on the engine only; the audit pipeline on nothing above it",
          "[layering]") {
  auto store = BadIncludes("store", {"rules", "crawler", "reports", "audit", "cli"});
  INFO("store: " << (store.empty() ? "" : store[0]));
  CHECK(store.empty());
  auto audit = BadIncludes("audit", {"cli"});
  INFO("audit: " << (audit.empty() ? "" : audit[0]));
  CHECK(audit.empty());
}

TEST_CASE("layering: rules, crawler and reports do not depend on each other or the CLI",
          "[layering]") {
  for (auto [module, forbidden] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"rules", {"crawler", "reports", "cli", "store", "audit"}},
           {"crawler", {"rules", "reports", "cli", "store", "audit"}},
           {"reports", {"rules", "crawler", "cli", "audit"}}}) {
    auto bad = BadIncludes(module, forbidden);
    INFO(module << ": " << (bad.empty() ? "" : bad[0]));
    CHECK(bad.empty());
  }
}
