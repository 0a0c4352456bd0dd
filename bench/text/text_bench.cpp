// Words per second of the plain-language analyser, metrics alone and full analysis (spelling
// included), and of GNU style (Debian package diction) on the same generated English text, in
// the same run (issue 3, "Speed and bad input"). Targets: metrics >= 3x style; full >= style.
// Issue 20 adds, in the same run: the same three timings on real technical prose
// (corpora/prose, 1.19 MB; targets full >= 1.5x style, metrics >= 5x), the start-up cost of an
// analyser (creation, then the first one-sentence analysis, which loads English), and a 20 KB
// draft end to end through the `plainsight text` executable (target under 100 ms wall).
//
// The text is generated here, not downloaded: the sample texts in corpora/text/samples mixed
// with sentences drawn from the CMU-derived word table with a Zipf-like bias toward short words,
// so vocabulary is varied rather than one paragraph repeated.
//
// Usage: plainsight_text_bench [--words N] [--data-dir DIR] [--keep FILE] [--no-style]
//                              [--dump-json FILE] [--only metrics|full] [--prose DIR]
//                              [--plainsight PATH] [--runs N]
// --only runs one of the two timings (for profiling with perf); the other prints as 0.
// --dump-json writes the full analysis of the text with --detail (untimed, after the timings), to
// compare the analyser's output on a large text before and after a change.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>

#include "engine/text/analyser.h"
#include "engine/text/analysis_json.h"
#include "engine/text/extract.h"
#include "engine/text/speller.h"
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

// The .txt files of `dir`, in name order, one after the other.
std::string ReadProse(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::string out;
  for (const std::string& f : files) {
    out += ReadFile(f);
    out += "\n\n";
  }
  return out;
}

// CPU and wall seconds of `command` run by the shell, `runs` times: the median wall run's.
struct CommandTime {
  double wall = 0;
  double cpu = 0;
  bool ok = false;
};

CommandTime TimeCommand(const std::string& command, int runs) {
  std::vector<std::pair<double, double>> times;
  bool ok = true;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    double child_cpu = ChildCpuSeconds();
    int status = std::system(command.c_str());
    double wall = Seconds(start);
    ok = ok && status != -1 && WIFEXITED(status) && WEXITSTATUS(status) <= 1;
    times.emplace_back(wall, ChildCpuSeconds() - child_cpu);
  }
  std::sort(times.begin(), times.end());
  CommandTime t;
  t.wall = times[times.size() / 2].first;
  t.cpu = times[times.size() / 2].second;
  t.ok = ok;
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  size_t target_words = 1000000;
  std::string data_dir = text::DefaultDataDir();
  std::string keep;
  bool run_style = true;
  std::string dump_json;
  std::string only;
  std::string prose_dir;
  std::string plainsight;
  int runs = 5;
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
    } else if (a == "--prose" && i + 1 < argc) {
      prose_dir = argv[++i];
    } else if (a == "--plainsight" && i + 1 < argc) {
      plainsight = argv[++i];
    } else if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      std::cerr << "usage: plainsight_text_bench [--words N] [--data-dir DIR] [--keep FILE] "
                   "[--no-style] [--dump-json FILE] [--only metrics|full] [--prose DIR] "
                   "[--plainsight PATH] [--runs N]\n";
      return 2;
    }
  }
  if (prose_dir.empty()) {
    prose_dir = std::filesystem::path(data_dir).parent_path().string() + "/prose";
  }
  if (plainsight.empty()) {
    // build/bench/text/plainsight_text_bench -> build/cli/plainsight
    std::error_code ec;
    auto self = std::filesystem::canonical("/proc/self/exe", ec);
    plainsight = (self.parent_path().parent_path().parent_path() / "cli" / "plainsight").string();
  }
  std::string corpus = Generate(data_dir, target_words);
  std::string path = keep.empty() ? "/tmp/plainsight-text-bench.txt" : keep;
  std::ofstream(path, std::ios::binary) << corpus;

  // Each timing gets its own freshly loaded Analyser, warmed on one sentence only: the
  // analyser caches what it learns about each distinct word (syllables, spelling), so the full
  // analysis must not start with the words the metrics run has already seen. Every first-seen
  // word of the text is paid for in each timing, and the process-wide suggestion cache is
  // emptied too. The first analyser's creation and first analysis are the start-up cost.
  text::AnalyserConfig config;
  config.data_dir = data_dir;
  double create_s = -1;
  double first_analysis_s = -1;
  auto fresh_analyser = [&]() -> std::unique_ptr<text::Analyser> {
    text::ForgetSuggestions();
    auto t0 = std::chrono::steady_clock::now();
    auto analyser = text::Analyser::Create(config);
    if (!analyser) {
      std::cerr << analyser.error().ToString() << "\n";
      std::exit(2);
    }
    double created = Seconds(t0);
    // Load English resources (Hunspell, lists) before timing.
    auto t1 = std::chrono::steady_clock::now();
    auto warm = text::ExtractPlainText("Warm up the analyser.");
    (void)(*analyser)->Analyse(*warm, plainsight::rules::AllRules());
    if (create_s < 0) {
      create_s = created;
      first_analysis_s = Seconds(t1);
    }
    return std::move(*analyser);
  };

  struct Timings {
    uint64_t words = 0;
    double metrics_s = 0, metrics_wall = 0, full_s = 0, full_wall = 0, style_s = 0, style_wall = 0;
    bool style = false;
  };

  auto timed = [&](const std::string& corpus, bool metrics_only, uint64_t& words, double& wall) {
    std::unique_ptr<text::Analyser> analyser = fresh_analyser();
    text::AnalysisOptions options;
    options.lang = "en";
    options.metrics_only = metrics_only;
    auto start = std::chrono::steady_clock::now();
    double cpu = CpuSeconds();
    auto extracted = text::ExtractPlainText(corpus);
    if (!extracted) {
      std::cerr << "bench text refused: " << extracted.error().ToString() << "\n";
      std::exit(2);
    }
    auto result = analyser->Analyse(*extracted, plainsight::rules::AllRules(), options);
    cpu = CpuSeconds() - cpu;
    wall = Seconds(start);
    words = result ? result->metrics.counts.words : 0;
    return cpu;
  };
  auto measure = [&](const std::string& corpus, const std::string& file) {
    Timings t;
    uint64_t full_words = 0;
    t.metrics_s = only == "full" ? 0 : timed(corpus, true, t.words, t.metrics_wall);
    t.full_s = only == "metrics" ? 0 : timed(corpus, false, full_words, t.full_wall);
    if (only == "full") {
      t.words = full_words;
    }
    if (run_style) {
      CommandTime style = TimeCommand("style " + file + " > /dev/null 2>&1", 1);
      t.style = style.ok;
      t.style_s = style.cpu;
      t.style_wall = style.wall;
    }
    return t;
  };
  auto print = [&](const Timings& t, double metrics_target, double full_target) {
    std::printf("                           CPU s     words/s (CPU)   wall s\n");
    std::printf("plainsight metrics only : %8.3f  %12.0f  %8.3f\n", t.metrics_s,
                static_cast<double>(t.words) / t.metrics_s, t.metrics_wall);
    std::printf("plainsight full analysis: %8.3f  %12.0f  %8.3f\n", t.full_s,
                static_cast<double>(t.words) / t.full_s, t.full_wall);
    if (!t.style) {
      std::printf("GNU style: not run (install the diction package)\n");
      return;
    }
    std::printf("GNU style               : %8.3f  %12.0f  %8.3f\n", t.style_s,
                static_cast<double>(t.words) / t.style_s, t.style_wall);
    std::printf("ratio metrics/style: %.2fx (target >= %g)   full/style: %.2fx (target >= %g)\n",
                t.style_s / t.metrics_s, metrics_target, t.style_s / t.full_s, full_target);
  };

  Timings generated = measure(corpus, path);
  const std::string prose = ReadProse(prose_dir);
  const std::string prose_path = "/tmp/plainsight-text-bench-prose.txt";
  std::ofstream(prose_path, std::ios::binary) << prose;
  Timings real;
  if (!prose.empty()) {
    real = measure(prose, prose_path);
  }

  std::printf(
      "start-up: Analyser::Create %.1f ms, first analysis of one English sentence (loads "
      "English: segmenter, phrase lists, Hunspell) %.1f ms\n",
      create_s * 1000, first_analysis_s * 1000);
  std::printf("\ngenerated text: %zu bytes, %llu words (kept at %s)\n", corpus.size(),
              static_cast<unsigned long long>(generated.words), path.c_str());
  print(generated, 3, 1);
  if (!prose.empty()) {
    std::printf("\nreal prose (%s): %zu bytes, %llu words\n", prose_dir.c_str(), prose.size(),
                static_cast<unsigned long long>(real.words));
    print(real, 5, 1.5);
  } else {
    std::printf("\nreal prose: none found in %s\n", prose_dir.c_str());
  }

  // A 20 KB draft end to end: process start to exit of `plainsight text`, median of --runs.
  const std::string draft_source = prose_dir + "/dpkg-triggers.txt";
  std::string draft = ReadFile(draft_source).substr(0, 20480);
  if (!draft.empty() && std::filesystem::exists(plainsight)) {
    const std::string draft_path = "/tmp/plainsight-text-bench-draft.txt";
    std::ofstream(draft_path, std::ios::binary) << draft;
    CommandTime full = TimeCommand(plainsight + " text " + draft_path + " > /dev/null 2>&1", runs);
    CommandTime nospell =
        TimeCommand(plainsight + " text --no-spelling " + draft_path + " > /dev/null 2>&1", runs);
    CommandTime version = TimeCommand(plainsight + " --version > /dev/null 2>&1", runs);
    std::printf(
        "\n20 KB draft (first 20,480 bytes of %s), `plainsight text` end to end, median "
        "of %d runs:\n",
        draft_source.c_str(), runs);
    std::printf("  full analysis   %6.1f ms wall  %6.1f ms CPU (target < 100 ms wall)\n",
                full.wall * 1000, full.cpu * 1000);
    std::printf("  --no-spelling   %6.1f ms wall  %6.1f ms CPU\n", nospell.wall * 1000,
                nospell.cpu * 1000);
    std::printf("  --version       %6.1f ms wall  %6.1f ms CPU (process start alone)\n",
                version.wall * 1000, version.cpu * 1000);
    if (run_style) {
      CommandTime style = TimeCommand("style " + draft_path + " > /dev/null 2>&1", runs);
      std::printf("  GNU style       %6.1f ms wall  %6.1f ms CPU\n", style.wall * 1000,
                  style.cpu * 1000);
    }
  } else {
    std::printf("\n20 KB draft: not run (no %s or no %s)\n", draft_source.c_str(),
                plainsight.c_str());
  }

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
  return 0;
}
