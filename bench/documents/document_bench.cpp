// Document audit throughput and memory (issue 13): Chromium-printed tagged PDFs of 1, 10 and 100
// pages (bench/documents/, made by tests/documents/generate.sh) and the test DOCX/ODT files,
// each audited in full (reader, every document rule, and with --text the plain-language
// analysis), single thread. The baseline, measured in the same run, is what any PDF text tool
// pays: poppler loading the file and extracting every page's words (pdftotext's work). Each
// document is measured in a child process so that its peak RSS is its own.
//   plainsight_document_bench [--text] [--reps N] [FILE...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-page.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/malloc_tuning.h"
#include "engine/documents/document_audit.h"
#include "plainsight/source_dir.h"
#include "rules/catalog.h"

namespace fs = std::filesystem;
namespace docs = plainsight::engine::documents;

namespace {

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Runs `work` in batches of about 0.3 s, `reps` times, and returns the best seconds per call.
template <typename F>
double BestSecondsPerCall(F&& work, int reps) {
  double start = Now();
  work();  // warm up, and size the batch
  double once = std::max(1e-5, Now() - start);
  int batch = std::max(1, static_cast<int>(0.3 / once));
  double best = 1e30;
  for (int r = 0; r < reps; ++r) {
    double t0 = Now();
    for (int i = 0; i < batch; ++i) {
      work();
    }
    best = std::min(best, (Now() - t0) / batch);
  }
  return best;
}

// poppler alone: load, then every page's words (what pdftotext does).
size_t PopplerText(const std::string& bytes) {
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  size_t words = 0;
  for (int i = 0; pdf && i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (page) {
      words += page->text_list().size();
    }
  }
  return words;
}

void Measure(const fs::path& path, bool text, int reps) {
  std::string bytes = Read(path);
  auto type = docs::DocumentTypeFromName(path.string());
  if (!type) {
    std::printf("%-22s not a document\n", path.filename().c_str());
    return;
  }
  std::unique_ptr<plainsight::engine::text::Analyser> analyser;
  docs::DocumentAuditOptions options;
  if (text) {
    plainsight::engine::text::AnalyserConfig config;
    config.data_dir = std::string(PLAINSIGHT_SOURCE_DIR) + "/corpora/text";
    auto a = plainsight::engine::text::Analyser::Create(config);
    if (!a) {
      std::printf("analyser unavailable: %s\n", a.error().message.c_str());
      return;
    }
    analyser = std::move(*a);
    options.analyser = analyser.get();
    options.analysis.spelling = false;  // as `plainsight audit` runs it
  }
  auto rules = plainsight::rules::AllRules();
  uint32_t pages = 0;
  auto audit = [&] {
    auto a = docs::AuditDocument(bytes, *type, path.string(), rules, options);
    if (!a) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), a.error().message.c_str());
      std::exit(1);
    }
  };
  if (*type == docs::DocumentType::kPdf) {
    auto model = plainsight::engine::pdf::ParsePdf(bytes);
    pages = model ? model->page_count : 0;
  }
  double audit_s = BestSecondsPerCall(audit, reps);
  if (*type == docs::DocumentType::kPdf) {
    double base_s = BestSecondsPerCall([&] { (void)PopplerText(bytes); }, reps);
    std::printf("%-22s %5u %9.1f %9.2f %13.1f %7.2fx", path.filename().c_str(), pages, 1 / audit_s,
                audit_s * 1000, 1 / base_s, audit_s / base_s);
  } else {
    std::printf("%-22s %5s %9.1f %9.2f %13s %8s", path.filename().c_str(), "-", 1 / audit_s,
                audit_s * 1000, "-", "-");
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  plainsight::cli::TuneAllocator();
  bool text = false;
  int reps = 7;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--text") {
      text = true;
    } else if (a == "--reps" && i + 1 < argc) {
      reps = std::max(1, std::atoi(argv[++i]));
    } else if (a.substr(0, 2) == "--") {
      std::cerr << "usage: plainsight_document_bench [--text] [--reps N] [FILE...]\n";
      return 2;
    } else {
      files.emplace_back(a);
    }
  }
  if (files.empty()) {
    fs::path src(PLAINSIGHT_SOURCE_DIR);
    for (const char* name : {"pages-1.pdf", "pages-10.pdf", "pages-100.pdf"}) {
      files.push_back(src / "bench/documents" / name);
    }
    for (const char* name : {"good.docx", "bad.odt"}) {
      files.push_back(src / "tests/documents" / name);
    }
  }
  std::printf("document audit (%s), %s, best of %d batches; baseline: poppler text extraction\n",
              text ? "rules + plain-language analysis" : "rules only", PLAINSIGHT_ALLOCATOR, reps);
  std::printf("%-22s %5s %9s %9s %13s %8s %12s\n", "document", "pages", "docs/s", "ms/doc",
              "poppler doc/s", "ratio", "peak RSS MB");
  int status = 0;
  for (const fs::path& f : files) {
    // What the parent has buffered must not be copied into the child (and written twice) when
    // stdout is a pipe or a file.
    std::fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
      Measure(f, text, reps);
      std::_Exit(0);
    }
    int wstatus = 0;
    rusage usage{};
    wait4(child, &wstatus, 0, &usage);
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
      status = 1;
    }
    std::printf(" %12.1f\n", static_cast<double>(usage.ru_maxrss) / 1024);
  }
  return status;
}
