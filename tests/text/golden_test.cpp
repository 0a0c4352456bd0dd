// Pins the whole analysis (metrics, findings, sentences with per-word syllables) of the sample
// texts in corpora/text/samples and of a generated English text against golden JSON files in
// corpora/text/expected/, so that speed work on the analyser cannot change what it reports.
// To regenerate after a deliberate change in behaviour, run the test binary with
// PLAINSIGHT_UPDATE_GOLDEN=1 and review the diff of corpora/text/expected/.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/text/analyser.h"
#include "engine/text/analysis_json.h"
#include "engine/text/test_support.h"
#include "rules/catalog.h"

namespace plainsight::engine::text {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A few thousand words drawn from the syllable table with a small LCG (not <random>
// distributions, whose output the standard leaves to the implementation), mixed with the
// English samples: varied vocabulary, rule-counted and derived words, misspellings by
// construction (table words Hunspell lacks), capitals and hyphens.
std::string GeneratedEnglish() {
  std::vector<std::string> words;
  std::ifstream table(testing::DataDir() + "/en/syllables.tsv");
  std::string line;
  while (std::getline(table, line)) {
    if (!line.empty() && line[0] != '#') {
      words.push_back(line.substr(0, line.find('\t')));
    }
  }
  std::string council = ReadFile(testing::DataDir() + "/samples/en-council.txt");
  uint64_t state = 0x2545F4914F6CDD1DULL;
  auto next = [&](uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };
  static const char* const kSuffixes[] = {"", "", "", "s", "ed", "ing", "ly", "ness", "'s"};
  std::string out;
  for (int sentence = 0; sentence < 60; ++sentence) {
    if (sentence % 30 == 29) {
      out += council + "\n\n";
      continue;
    }
    uint64_t n = 4 + next(36);
    for (uint64_t i = 0; i < n; ++i) {
      std::string w = words[next(words.size())];
      w += kSuffixes[next(std::size(kSuffixes))];
      if (i == 0 || next(25) == 0) {
        w[0] = static_cast<char>(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' + 'A' : w[0]);
      }
      if (next(60) == 0) {
        for (char& c : w) {
          c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
      }
      out += w;
      if (i + 1 < n) {
        out += next(30) == 0 ? "-" : (next(12) == 0 ? ", " : " ");
      }
    }
    out += next(8) == 0 ? "?" : ".";
    out += sentence % 6 == 5 ? "\n\n" : " ";
  }
  return out;
}

// The analysis without its findings and sentences: lang, declared and detected language,
// metrics, notes and the count of dropped findings.
nlohmann::json Head(nlohmann::json j) {
  j.erase("findings");
  j.erase("sentences");
  return j;
}

// Fields added since the golden files were written (issue 21: the text rule behind each finding,
// and every text rule's outcome). The goldens predate them, so comparing without them shows
// that the contract's fields are unchanged; CheckGolden checks they are there.
nlohmann::json WithoutAddedFields(nlohmann::json j) {
  CHECK(j.contains("rules"));
  j.erase("rules");
  if (j.contains("findings")) {
    for (nlohmann::json& f : j["findings"]) {
      CHECK(f.contains("rule"));
      f.erase("rule");
    }
  }
  return j;
}

void CheckGolden(const std::string& name, const nlohmann::json& with_added_fields) {
  const nlohmann::json actual = WithoutAddedFields(with_added_fields);
  std::string path = testing::DataDir() + "/expected/" + name + ".json";
  const char* update = std::getenv("PLAINSIGHT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    // One finding or sentence per line: compact, and a change shows as a readable diff.
    std::string dumped;
    const nlohmann::json head = Head(actual);
    for (const auto& [key, value] : head.items()) {
      dumped += (dumped.empty() ? "{" : ",\n") + nlohmann::json(key).dump() + ": " + value.dump();
    }
    for (const char* list : {"findings", "sentences"}) {
      if (!actual.contains(list)) {
        continue;
      }
      dumped += ",\n\"" + std::string(list) + "\": [";
      for (size_t i = 0; i < actual[list].size(); ++i) {
        dumped += (i == 0 ? "\n" : ",\n") + actual[list][i].dump();
      }
      dumped += "]";
    }
    std::ofstream(path, std::ios::binary) << dumped << "}\n";
    WARN("updated " << path);
    return;
  }
  std::string expected = ReadFile(path);
  REQUIRE_FALSE(expected.empty());
  nlohmann::json golden = nlohmann::json::parse(expected);
  // Compare piece by piece so that a failure names the first metric or finding that moved.
  INFO(path);
  CHECK(Head(actual).dump() == Head(golden).dump());
  for (const char* list : {"findings", "sentences"}) {
    REQUIRE(actual.contains(list) == golden.contains(list));
    if (!golden.contains(list)) {
      continue;
    }
    REQUIRE(actual[list].size() == golden[list].size());
    for (size_t i = 0; i < golden[list].size(); ++i) {
      INFO(list << " " << i);
      CHECK(actual[list][i].dump() == golden[list][i].dump());
    }
  }
}

nlohmann::json AnalyseToJson(const ExtractedText& extracted, const AnalysisOptions& options_in) {
  // No time limit on spelling suggestions: the goldens must not depend on the machine's load.
  AnalysisOptions options = options_in;
  options.suggestion_budget_ms = 0;
  auto result =
      testing::SharedAnalyser().Analyse(extracted, plainsight::rules::AllRules(), options);
  REQUIRE(result);
  return AnalysisToJson(*result, options.detail);
}

TEST_CASE("analyser: the samples' metrics, findings and syllables match the golden files",
          "[text][golden]") {
  struct Sample {
    const char* file;
    const char* lang;
  };

  const Sample samples[] = {{"en-council.txt", "en"},
                            {"en-plain.txt", "en"},
                            {"en-mixed.txt", "en"},
                            {"ga-comhairle.txt", "ga"},
                            {"mixed.html", ""}};
  for (const Sample& sample : samples) {
    std::string bytes = ReadFile(testing::DataDir() + "/samples/" + sample.file);
    REQUIRE_FALSE(bytes.empty());
    auto extracted = Extract(bytes, sample.file);
    REQUIRE(extracted);
    AnalysisOptions options;
    options.lang = sample.lang;
    options.detail = true;
    CheckGolden(sample.file, AnalyseToJson(*extracted, options));
    // metrics_only must give the same metrics as the full analysis.
    AnalysisOptions fast = options;
    fast.metrics_only = true;
    fast.detail = false;
    nlohmann::json full = AnalyseToJson(*extracted, options);
    nlohmann::json metrics = AnalyseToJson(*extracted, fast);
    CHECK(metrics["metrics"].dump() == full["metrics"].dump());
  }
}

TEST_CASE("analyser: a generated English text's analysis matches its golden file",
          "[text][golden]") {
  auto extracted = ExtractPlainText(GeneratedEnglish());
  REQUIRE(extracted);
  AnalysisOptions options;
  options.lang = "en";
  options.detail = true;
  nlohmann::json full = AnalyseToJson(*extracted, options);
  CheckGolden("generated-en", full);
  AnalysisOptions fast = options;
  fast.metrics_only = true;
  fast.detail = false;
  CHECK(AnalyseToJson(*extracted, fast)["metrics"].dump() == full["metrics"].dump());
}

}  // namespace
}  // namespace plainsight::engine::text
