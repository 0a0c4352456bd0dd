// The report bench (issue 10): `plainsight report` on a store of BODIES x PAGES pages (default
// 200 x 100 = 20,000), against a baseline measured in the same run: reading every page of the
// store with its findings, which the report has to do anyway.
//
// The store is made here: the generated sector's pages (tests/sector) are audited for real with
// the AA rules and the text analysis (the first DISTINCT pages), and their records are written
// again under each body and page URL until the store holds BODIES x PAGES pages.
//
//   plainsight_report_bench [BODIES] [PAGES] [DISTINCT]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit/page_auditor.h"
#include "audit/settings.h"
#include "engine/page.h"
#include "reports/scan_report.h"
#include "sector.h"
#include "store/store.h"

namespace fs = std::filesystem;
namespace pa = plainsight::audit;
namespace ps = plainsight::store;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// The peak RSS of a step, measured in a child process so that each step starts from nothing.
template <typename F>
std::pair<double, long> InChild(F&& f) {
  int pipefd[2];
  if (pipe(pipefd) != 0) {
    return {-1, -1};
  }
  pid_t pid = fork();
  if (pid == 0) {
    close(pipefd[0]);
    auto start = std::chrono::steady_clock::now();
    bool ok = f();
    double s = Seconds(start);
    long rss = PeakRssKb();
    double out[2] = {ok ? s : -1, static_cast<double>(rss)};
    ssize_t w = write(pipefd[1], out, sizeof out);
    _exit(w == sizeof out ? 0 : 1);
  }
  close(pipefd[1]);
  double in[2] = {-1, -1};
  ssize_t r = read(pipefd[0], in, sizeof in);
  close(pipefd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (r != sizeof in) {
    return {-1, -1};
  }
  return {in[0], static_cast<long>(in[1])};
}

}  // namespace

int main(int argc, char** argv) {
  int bodies = argc > 1 ? std::atoi(argv[1]) : 200;
  int pages = argc > 2 ? std::atoi(argv[2]) : 100;
  int distinct = argc > 3 ? std::atoi(argv[3]) : 400;
  if (bodies < 1 || pages < 1 || distinct < 1) {
    std::fprintf(stderr, "usage: plainsight_report_bench [BODIES] [PAGES] [DISTINCT]\n");
    return 2;
  }
  char tmpl[] = "/tmp/plainsight-report-bench-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  fs::path dir = tmpl;
  std::string db = (dir / "bench.db").string();

  // Audit the distinct pages.
  auto start = std::chrono::steady_clock::now();
  pa::Settings settings;
  auto rules = pa::SelectRules("AA", "");
  if (!rules) {
    std::fprintf(stderr, "%s\n", rules.error().message.c_str());
    return 1;
  }
  settings.rules = *rules;
  pa::PageAuditor auditor(settings);
  plainsight::testing::SectorOptions sector{bodies, pages};
  std::vector<ps::PageRecord> records;
  for (int i = 0; i < distinct; ++i) {
    int body = 1 + i / pages % bodies;
    std::string path = plainsight::testing::SectorPath(i % pages);
    auto html = plainsight::testing::SectorResource(sector, body, path);
    if (!html) {
      continue;
    }
    plainsight::engine::ParseOptions options;
    options.url = "http://" + plainsight::testing::SectorHost(body) + path;
    auto doc = plainsight::engine::Document::ParseHtml(*html, options);
    if (!doc) {
      continue;
    }
    auto page = plainsight::engine::Page::Build(std::move(*doc));
    pa::PageResult result = auditor.Audit(*page, options.url);
    pa::FetchFacts facts;
    facts.url = options.url;
    facts.status = 200;
    facts.size = html->size();
    records.push_back(pa::ToPageRecord(facts, &result));
  }
  if (records.empty()) {
    std::fprintf(stderr, "no page could be audited\n");
    return 1;
  }
  std::printf("audited %zu distinct pages in %.1f s\n", records.size(), Seconds(start));

  // Write the store.
  start = std::chrono::steady_clock::now();
  size_t findings = 0;
  {
    auto store = ps::OpenStore(db);
    if (!store) {
      std::fprintf(stderr, "%s\n", store.error().ToString().c_str());
      return 1;
    }
    ps::NewScan scan;
    scan.tool_version = PLAINSIGHT_VERSION;
    scan.options = "{}";
    scan.source = "report bench";
    scan.rules = pa::RuleInfos(settings.rules);
    for (int b = 1; b <= bodies; ++b) {
      std::string host = plainsight::testing::SectorHost(b);
      scan.bodies.push_back({host, "Body " + std::to_string(b), "http://" + host + "/",
                             b % 3 == 0 ? "local" : "central", "en"});
    }
    auto scan_id = (*store)->CreateScan(scan);
    if (!scan_id) {
      std::fprintf(stderr, "%s\n", scan_id.error().ToString().c_str());
      return 1;
    }
    size_t next = 0;
    for (const ps::Body& body : scan.bodies) {
      if (!(*store)->StartBody(*scan_id, body.id)) {
        return 1;
      }
      for (int p = 0; p < pages; ++p) {
        ps::PageRecord record = records[next++ % records.size()];
        record.scan_id = *scan_id;
        record.body_id = body.id;
        record.url = body.url + "page/" + std::to_string(p) + ".html";
        record.final_url = record.url;
        findings += record.findings.size();
        if (auto put = (*store)->PutPage(record); !put) {
          std::fprintf(stderr, "%s\n", put.error().ToString().c_str());
          return 1;
        }
      }
      if (!(*store)->FinishBody(*scan_id, body.id, ps::BodyState::kDone, "")) {
        return 1;
      }
    }
    if (!(*store)->SetScanStatus(*scan_id, ps::ScanStatus::kDone)) {
      return 1;
    }
  }
  std::printf("store: %d bodies x %d pages = %d pages, %zu findings, %.1f MB, written in %.1f s\n",
              bodies, pages, bodies * pages, findings, static_cast<double>(fs::file_size(db)) / 1e6,
              Seconds(start));

  // Baseline: read every page with its findings.
  auto [read_s, read_rss] = InChild([&] {
    auto store = ps::OpenStore(db, {true, false, 10'000});
    if (!store) {
      return false;
    }
    auto scans = (*store)->Scans();
    if (!scans || scans->empty()) {
      return false;
    }
    auto list = (*store)->Bodies(scans->back().id);
    if (!list) {
      return false;
    }
    size_t n = 0;
    for (const ps::ScanBody& b : *list) {
      if (!(*store)->ForEachPage(scans->back().id, b.body.id, [&](const ps::PageRecord& p) {
            n += p.findings.size() + 1;
            return true;
          })) {
        return false;
      }
    }
    return n > 0;
  });
  // The report.
  auto [report_s, report_rss] = InChild([&] {
    auto store = ps::OpenStore(db, {true, false, 10'000});
    if (!store) {
      return false;
    }
    plainsight::reports::ScanReportOptions options;
    options.out_dir = (dir / "report").string();
    auto written = plainsight::reports::WriteScanReport(**store, options);
    if (!written) {
      std::fprintf(stderr, "%s\n", written.error().ToString().c_str());
    }
    return static_cast<bool>(written);
  });
  if (read_s < 0 || report_s < 0) {
    std::fprintf(stderr, "a step failed\n");
    fs::remove_all(dir);
    return 1;
  }
  uintmax_t out_bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir / "report")) {
    if (e.is_regular_file()) {
      out_bytes += e.file_size();
    }
  }
  std::printf("baseline (read every page and finding): %.2f s, peak RSS %.0f MB\n", read_s,
              read_rss / 1024.0);
  std::printf("plainsight report: %.2f s, peak RSS %.0f MB, %.1f MB written\n", report_s,
              report_rss / 1024.0, static_cast<double>(out_bytes) / 1e6);
  std::printf("ratio report/baseline: time %.2fx, RSS %.2fx (targets: under 30 s, under 500 MB)\n",
              report_s / read_s, static_cast<double>(report_rss) / read_rss);
  fs::remove_all(dir);
  return 0;
}
