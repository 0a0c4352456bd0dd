// Runs the ACT harness on ../shared/act-rules and scores the results with the W3C's way of
// scoring (../shared/act-rules/score.py). No ACT rule may be inconsistent (a false positive on
// a passed or inapplicable example). Skips when ../shared is absent.
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "cli/commands.h"

namespace fs = std::filesystem;

namespace {

std::string RunCapture(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) {
    return out;
  }
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) {
    out.append(buf.data(), n);
  }
  return out;
}

}  // namespace

TEST_CASE("act: no ACT rule is inconsistent on the W3C test cases", "[act][corpus]") {
  fs::path shared = fs::path(PLAINSIGHT_SHARED_DIR) / "act-rules";
  if (!fs::exists(shared / "testcases.json")) {
    WARN("skipped: " << shared.string() << " is absent (the ACT test cases live in ../shared)");
    return;
  }
  fs::path out =
      fs::temp_directory_path() / ("plainsight-act-" + std::to_string(::getpid()) + ".json");
  std::string tc = (shared / "testcases.json").string();
  std::string out_s = out.string();
  const char* argv[] = {"act", tc.c_str(), "--out", out_s.c_str()};
  int status = plainsight::cli::RunAct(4, const_cast<char**>(argv));
  REQUIRE(status == 0);
  std::string scored =
      RunCapture("python3 '" + (shared / "score.py").string() + "' --json '" + out_s + "' 2>&1");
  fs::remove(out);
  // --json prints the per-rule levels as a JSON object, then the two summary lines.
  auto end = scored.rfind('}');
  REQUIRE(end != std::string::npos);
  auto levels = nlohmann::json::parse(scored.substr(0, end + 1), nullptr, false);
  REQUIRE_FALSE(levels.is_discarded());
  int complete = 0;
  std::vector<std::string> inconsistent;
  for (auto it = levels.begin(); it != levels.end(); ++it) {
    if (it.value() == "complete") {
      ++complete;
    } else if (it.value() == "inconsistent") {
      inconsistent.push_back(it.key());
    }
  }
  INFO("inconsistent ACT rules: " << nlohmann::json(inconsistent).dump());
  CHECK(inconsistent.empty());
  WARN("ACT rules complete: " << complete);
}
