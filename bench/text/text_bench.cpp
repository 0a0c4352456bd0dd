// Words per second of the plain-language analyser, metrics alone and full analysis (spelling
// included), and of GNU style (Debian package diction) on the same generated English text, in
// the same run (issue 3, "Speed and bad input"). Targets: metrics >= 3x style; full >= style.
//
// The text is generated here, not downloaded: the sample texts in corpora/text/samples mixed
// with sentences drawn from the CMU-derived word table with a Zipf-like bias toward short words,
// so vocabulary is varied rather than one paragraph repeated.
//
// Usage: plainsight_text_bench [--words N] [--data-dir DIR] [--keep FILE] [--no-style]
//                              [--dump-json FILE] [--only metrics|full]
// --only runs one of the two timings (for profiling with perf); the other prints as 0.
// --dump-json writes the full analysis of the text with --detail (untimed, after the timings), to
// compare the analyser's output on a large text before and after a change.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "engine/text/analyser.h"
#include "engine/text/analysis_json.h"
#include "engine/text/extract.h"
#include "rules/catalog.h"

namespace {

namespace text = plainsight::engine::text;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> SampleSentences(const std::string& data_dir) {
  std::vector<std::string> out;
  for (const char* name : {"en-council.txt", "en-plain.txt"}) {
    std::string content = ReadFile(data_dir + "/samples/" + name);
    std::string current;
    for (char c : content) {
      current.push_back(c == '\n' ? ' ' : c);
      if (c == '.' || c == '?' || c == '!') {
        size_t start = current.find_first_not_of(' ');
        if (start != std::string::npos && current.size() - start > 20) {
          out.push_back(current.substr(start));
        }
        current.clear();
      }
    }
  }
  return out;
}

std::string Generate(const std::string& data_dir, size_t target_words) {
  std::vector<std::string> samples = SampleSentences(data_dir);
  std::vector<std::string> vocabulary;
  std::ifstream table(data_dir + "/en/syllables.tsv");
  std::string line;
  while (std::getline(table, line)) {
    if (!line.empty() && line[0] != '#' && line.find('\'') == std::string::npos) {
      vocabulary.push_back(line.substr(0, line.find('\t')));
    }
  }
  // Short words first, so the Zipf draw favours them as real prose does.
  std::stable_sort(vocabulary.begin(), vocabulary.end(),
                   [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  std::mt19937 rng(42);
  std::vector<double> weights(vocabulary.size());
  for (size_t i = 0; i < weights.size(); ++i) {
    weights[i] = 1.0 / static_cast<double>(i + 10);
  }
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
  std::uniform_int_distribution<int> length(6, 28);
  std::uniform_int_distribution<int> coin(0, 2);
  std::uniform_int_distribution<size_t> sample(0, samples.size() - 1);
  std::string out;
  size_t words = 0;
  int sentences_in_paragraph = 0;
  while (words < target_words) {
    if (coin(rng) == 0 && !samples.empty()) {
      const std::string& s = samples[sample(rng)];
      out += s;
      words += static_cast<size_t>(std::count(s.begin(), s.end(), ' ') + 1);
    } else {
      int n = length(rng);
      for (int i = 0; i < n; ++i) {
        std::string w = vocabulary[pick(rng)];
        if (i == 0) {
          w[0] = static_cast<char>(w[0] - 'a' + 'A');
        }
        out += w;
        out += i + 1 < n ? (i % 9 == 8 ? ", " : " ") : ".";
      }
      words += static_cast<size_t>(n);
    }
    out += ++sentences_in_paragraph % 5 == 0 ? "\n\n" : " ";
  }
  return out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU time of this process, and of its finished children: the machine is shared, so wall time
// measures the neighbours as much as the code; both are printed and the ratios use CPU time.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double ChildCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

}  // namespace

int main(int argc, char** argv) {
  size_t target_words = 1000000;
  std::string data_dir = text::DefaultDataDir();
  std::string keep;
  bool run_style = true;
  std::string dump_json;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--words" && i + 1 < argc) {
      target_words = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--data-dir" && i + 1 < argc) {
      data_dir = argv[++i];
    } else if (a == "--keep" && i + 1 < argc) {
      keep = argv[++i];
    } else if (a == "--dump-json" && i + 1 < argc) {
      dump_json = argv[++i];
    } else if (a == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else if (a == "--no-style") {
      run_style = false;
    } else {
      std::cerr << "usage: plainsight_text_bench [--words N] [--data-dir DIR] [--keep FILE] "
                   "[--no-style] [--dump-json FILE] [--only metrics|full]\n";
      return 2;
    }
  }
  std::string corpus = Generate(data_dir, target_words);
  std::string path = keep.empty() ? "/tmp/plainsight-text-bench.txt" : keep;
  std::ofstream(path, std::ios::binary) << corpus;

  // Each timing gets its own freshly loaded Analyser, warmed on one sentence only: the
  // analyser caches what it learns about each distinct word (syllables, spelling), so the full
  // analysis must not start with the words the metrics run has already seen. Every first-seen
  // word of the text is paid for in each timing.
  text::AnalyserConfig config;
  config.data_dir = data_dir;
  double load_s = 0;
  auto fresh_analyser = [&]() -> std::unique_ptr<text::Analyser> {
    auto t0 = std::chrono::steady_clock::now();
    auto analyser = text::Analyser::Create(config);
    if (!analyser) {
      std::cerr << analyser.error().ToString() << "\n";
      std::exit(2);
    }
    // Load English resources (Hunspell, lists) before timing.
    auto warm = text::ExtractPlainText("Warm up the analyser.");
    (void)(*analyser)->Analyse(*warm, plainsight::rules::AllRules());
    load_s = Seconds(t0);
    return std::move(*analyser);
  };

  auto timed = [&](bool metrics_only, uint64_t& words, double& wall) {
    std::unique_ptr<text::Analyser> analyser = fresh_analyser();
    text::AnalysisOptions options;
    options.lang = "en";
    options.metrics_only = metrics_only;
    auto start = std::chrono::steady_clock::now();
    double cpu = CpuSeconds();
    auto extracted = text::ExtractPlainText(corpus);
    auto result = analyser->Analyse(*extracted, plainsight::rules::AllRules(), options);
    cpu = CpuSeconds() - cpu;
    wall = Seconds(start);
    words = result ? result->metrics.counts.words : 0;
    return cpu;
  };
  uint64_t words = 0;
  double metrics_wall = 0;
  double metrics_s = only == "full" ? 0 : timed(true, words, metrics_wall);
  uint64_t full_words = 0;
  double full_wall = 0;
  double full_s = only == "metrics" ? 0 : timed(false, full_words, full_wall);
  if (only == "full") {
    words = full_words;
  }

  std::printf("text: %zu bytes, %llu words (generated; kept at %s)\n", corpus.size(),
              static_cast<unsigned long long>(words), path.c_str());
  std::printf("resource loading (per analyser, untimed): %.3f s\n", load_s);
  std::printf("                           CPU s     words/s (CPU)   wall s\n");
  std::printf("plainsight metrics only : %8.3f  %12.0f  %8.3f\n", metrics_s,
              static_cast<double>(words) / metrics_s, metrics_wall);
  std::printf("plainsight full analysis: %8.3f  %12.0f  %8.3f\n", full_s,
              static_cast<double>(full_words) / full_s, full_wall);
  if (!dump_json.empty()) {
    text::AnalysisOptions options;
    options.lang = "en";
    options.detail = true;
    auto extracted = text::ExtractPlainText(corpus);
    auto result = fresh_analyser()->Analyse(*extracted, plainsight::rules::AllRules(), options);
    if (result) {
      std::ofstream(dump_json, std::ios::binary) << text::AnalysisToJson(*result, true).dump(1);
      std::printf("analysis with detail written to %s\n", dump_json.c_str());
    }
  }
  if (run_style) {
    std::string command = "style " + path + " > /dev/null 2>&1";
    auto start = std::chrono::steady_clock::now();
    double child_cpu = ChildCpuSeconds();
    int status = std::system(command.c_str());
    double style_wall = Seconds(start);
    double style_s = ChildCpuSeconds() - child_cpu;
    if (status != 0) {
      std::printf("GNU style: not run (install the diction package)\n");
      return 0;
    }
    double style_wps = static_cast<double>(words) / style_s;
    std::printf("GNU style               : %8.3f  %12.0f  %8.3f\n", style_s, style_wps, style_wall);
    std::printf("ratio metrics/style: %.2fx (target >= 3)   full/style: %.2fx (target >= 1)\n",
                style_s / metrics_s, style_s / full_s);
  }
  return 0;
}
