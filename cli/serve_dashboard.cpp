// The dashboard's data (issue 14 item 3) and the API over a scan store (item 4): scans, bodies
// with their scores (reports/scoring.h, the same method as `plainsight report`), one body's
// criteria, failing rules and trend, and the open-data files written by `plainsight report`'s
// own writer. The store is opened read-only; a scan that is still running is re-read when its
// scores are more than a few seconds old.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <utility>

#include <unistd.h>

#include "audit/local_files.h"
#include "cli/commands.h"
#include "cli/serve_internal.h"
#include "reports/scan_report.h"

namespace plainsight::cli::serve {

namespace fs = std::filesystem;

namespace {

constexpr std::chrono::seconds kRunningScanFreshness{5};
constexpr size_t kTrendScans = 6;

bool Finished(const store::ScanInfo& scan) {
  return scan.status == store::ScanStatus::kDone || scan.status == store::ScanStatus::kInterrupted;
}

nlohmann::json Optional(const std::optional<double>& v) {
  return v ? nlohmann::json(reports::RoundScore(*v)) : nlohmann::json(nullptr);
}

nlohmann::json ComponentJson(const reports::ComponentScore& c) {
  return {{"value", Optional(c.value)}, {"basis", c.basis}};
}

bool ParsePositive(const std::string& text, int64_t& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && out > 0;
}

// ?scan=N, 0 (the latest) when absent; false when malformed.
bool ScanParam(const httplib::Request& req, int64_t& scan_id) {
  scan_id = 0;
  if (!req.has_param("scan")) {
    return true;
  }
  return ParsePositive(req.get_param_value("scan"), scan_id);
}

void SendJson(httplib::Response& res, const nlohmann::json& j) {
  res.set_content(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                  "application/json");
}

int StatusFor(const engine::Error& e) {
  return e.code == engine::ErrorCode::kNotFound ? 404 : 500;
}

}  // namespace

std::span<const std::string_view> Dashboard::OpenDataNames() {
  static constexpr std::string_view kNames[] = {"bodies.csv",  "pages.csv",        "findings.csv",
                                                "report.json", "datapackage.json", "earl.jsonld"};
  return kNames;
}

Dashboard::Dashboard(ServeOptions options, std::unique_ptr<store::Store> store)
    : options_(std::move(options)), store_(std::move(store)) {}

Dashboard::~Dashboard() {
  if (own_cache_dir_) {
    std::error_code ec;
    fs::remove_all(cache_dir_, ec);
  }
}

engine::Result<std::unique_ptr<Dashboard>> Dashboard::Open(const ServeOptions& options) {
  store::OpenOptions open;
  open.read_only = true;
  open.upgrade_older = true;  // a store of an earlier plainsight is upgraded, then read
  auto opened = store::OpenStore(options.db, open);
  if (!opened) {
    return opened.error();
  }
  std::unique_ptr<Dashboard> dashboard(new Dashboard(options, std::move(*opened)));
  if (options.cache_dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "plainsight-serve-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      return engine::Fail(engine::ErrorCode::kIo, "cannot make a temporary folder for downloads");
    }
    dashboard->cache_dir_ = pattern;
    dashboard->own_cache_dir_ = true;
  } else {
    dashboard->cache_dir_ = options.cache_dir;
  }
  return dashboard;
}

engine::Result<std::vector<store::ScanInfo>> Dashboard::Scans() {
  std::lock_guard lock(mutex_);
  return store_->Scans();
}

engine::Result<std::shared_ptr<const ScanSummary>> Dashboard::Summary(int64_t scan_id) {
  std::lock_guard lock(mutex_);
  return SummaryLocked(scan_id);
}

engine::Result<std::shared_ptr<const ScanSummary>> Dashboard::SummaryLocked(int64_t scan_id) {
  if (scan_id == 0) {
    auto scans = store_->Scans();
    if (!scans) {
      return scans.error();
    }
    if (scans->empty()) {
      return engine::Fail(engine::ErrorCode::kNotFound, "the store holds no scan yet");
    }
    scan_id = scans->back().id;
  }
  auto cached = summaries_.find(scan_id);
  if (cached != summaries_.end() &&
      (Finished(cached->second->scan) ||
       std::chrono::steady_clock::now() - cached->second->computed < kRunningScanFreshness)) {
    return cached->second;
  }
  auto scan = store_->Scan(scan_id);
  if (!scan) {
    return scan.error();
  }
  if (!scan->has_value()) {
    return engine::Fail(engine::ErrorCode::kNotFound,
                        "there is no scan " + std::to_string(scan_id));
  }
  auto rules = reports::RuleIndex::Load(*store_, scan_id);
  if (!rules) {
    return rules.error();
  }
  auto bodies = store_->Bodies(scan_id);
  if (!bodies) {
    return bodies.error();
  }
  auto summary = std::make_shared<ScanSummary>();
  summary->scan = **scan;
  for (const store::ScanBody& body : *bodies) {
    auto data = reports::LoadBody(*store_, scan_id, body);
    if (!data) {
      return data.error();
    }
    BodyRow row;
    row.body = body;
    row.tally = reports::Tally(*data, *rules, {});
    row.scores = reports::ScoreBody(row.tally, {});
    summary->pages += data->pages.size();
    summary->bodies.push_back(std::move(row));
  }
  summary->computed = std::chrono::steady_clock::now();
  summaries_[scan_id] = summary;
  return std::shared_ptr<const ScanSummary>(summary);
}

engine::Result<BodyDetail> Dashboard::Body(int64_t scan_id, const std::string& body_id) {
  std::lock_guard lock(mutex_);
  auto summary = SummaryLocked(scan_id);
  if (!summary) {
    return summary.error();
  }
  const ScanSummary& s = **summary;
  auto row = std::find_if(s.bodies.begin(), s.bodies.end(),
                          [&](const BodyRow& r) { return r.body.body.id == body_id; });
  if (row == s.bodies.end()) {
    return engine::Fail(engine::ErrorCode::kNotFound,
                        "scan " + std::to_string(s.scan.id) + " has no body with that id");
  }
  BodyDetail detail;
  detail.scan = s.scan;
  detail.row = *row;
  auto data = reports::LoadBody(*store_, s.scan.id, row->body);
  if (!data) {
    return data.error();
  }
  detail.data = std::move(*data);
  auto rules = reports::RuleIndex::Load(*store_, s.scan.id);
  if (!rules) {
    return rules.error();
  }
  std::map<std::string, BodyDetail::RuleFailures> failing;
  for (const store::PageRecord& page : detail.data.pages) {
    std::map<std::string, size_t> on_page;
    for (const store::FindingRecord& f : page.findings) {
      if (f.outcome == "failed") {
        ++on_page[f.rule];
      }
    }
    for (const auto& [rule, targets] : on_page) {
      BodyDetail::RuleFailures& r = failing[rule];
      r.rule = rule;
      if (const reports::RuleMeta* meta = rules->Find(rule)) {
        r.summary = meta->info.summary;
        r.wcag = meta->info.wcag;
      }
      r.pages += 1;
      r.targets += targets;
    }
  }
  for (auto& [id, r] : failing) {
    detail.failing_rules.push_back(std::move(r));
  }
  std::stable_sort(detail.failing_rules.begin(), detail.failing_rules.end(),
                   [](const auto& a, const auto& b) { return a.pages > b.pages; });
  // The trend: the latest scans up to this one that had the body.
  auto scans = store_->Scans();
  if (!scans) {
    return scans.error();
  }
  std::vector<int64_t> ids;
  for (const store::ScanInfo& scan : *scans) {
    if (scan.id <= s.scan.id) {
      ids.push_back(scan.id);
    }
  }
  if (ids.size() > kTrendScans) {
    ids.erase(ids.begin(), ids.end() - kTrendScans);
  }
  for (int64_t id : ids) {
    auto earlier = SummaryLocked(id);
    if (!earlier) {
      return earlier.error();
    }
    for (const BodyRow& r : (*earlier)->bodies) {
      if (r.body.body.id == body_id) {
        detail.trend.push_back({id, (*earlier)->scan.started_at, r.scores.index,
                                r.scores.accessibility.value, r.scores.plain_language.value});
      }
    }
  }
  return detail;
}

engine::Result<std::string> Dashboard::OpenDataFile(int64_t scan_id, const std::string& name) {
  const auto names = OpenDataNames();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    return engine::Fail(engine::ErrorCode::kNotFound, "no such open-data file");
  }
  std::lock_guard lock(mutex_);
  auto summary = SummaryLocked(scan_id);
  if (!summary) {
    return summary.error();
  }
  int64_t id = (*summary)->scan.id;
  fs::path dir = fs::path(cache_dir_) / ("scan-" + std::to_string(id));
  auto written = open_data_written_.find(id);
  bool fresh = written != open_data_written_.end() &&
               (Finished((*summary)->scan) ||
                std::chrono::steady_clock::now() - written->second < kRunningScanFreshness);
  if (!fresh) {
    reports::ScanReportOptions report;
    report.out_dir = dir.string();
    report.scan_id = id;
    auto result = reports::WriteScanReport(*store_, report);
    if (!result) {
      return result.error();
    }
    open_data_written_[id] = std::chrono::steady_clock::now();
  }
  return (dir / name).string();
}

nlohmann::json ScanJson(const store::ScanInfo& scan) {
  return {{"id", scan.id},
          {"started_at", scan.started_at},
          {"finished_at", scan.finished_at},
          {"status", store::ScanStatusName(scan.status)},
          {"tool_version", scan.tool_version},
          {"source", scan.source},
          {"bodies", scan.bodies}};
}

nlohmann::json BodyRowJson(const BodyRow& row) {
  const store::ScanBody& b = row.body;
  const reports::BodyScores& s = row.scores;
  return {{"id", b.body.id},
          {"name", b.body.name},
          {"url", b.body.url},
          {"sector", b.body.sector},
          {"lang", b.body.lang},
          {"state", store::BodyStateName(b.state)},
          {"reason", b.reason},
          {"pages", b.pages},
          {"errors", b.errors},
          {"failures", b.failures},
          {"scores",
           {{"index", Optional(s.index)},
            {"band", s.band ? nlohmann::json(*s.band) : nlohmann::json(nullptr)},
            {"band_name",
             s.band ? nlohmann::json(reports::BandName(*s.band)) : nlohmann::json(nullptr)},
            {"confidence", s.confidence},
            {"accessibility", Optional(s.accessibility.value)},
            {"plain_language", Optional(s.plain_language.value)},
            {"site", Optional(s.site.value)},
            {"documents", Optional(s.documents.value)}}}};
}

nlohmann::json BodyDetailJson(const BodyDetail& d) {
  nlohmann::json j = BodyRowJson(d.row);
  j["scan"] = d.scan.id;
  const reports::BodyScores& s = d.row.scores;
  j["basis"] = {{"accessibility", ComponentJson(s.accessibility)},
                {"plain_language", ComponentJson(s.plain_language)},
                {"site", ComponentJson(s.site)},
                {"documents", ComponentJson(s.documents)}};
  j["confidence_reasons"] = s.confidence_reasons;
  nlohmann::json criteria = nlohmann::json::array();
  for (const auto& [sc, t] : d.row.tally.criteria) {
    criteria.push_back({{"criterion", sc},
                        {"pages_passed", t.pages_passed},
                        {"pages_failed_error", t.pages_failed_error},
                        {"pages_failed_warning", t.pages_failed_warning},
                        {"pages_cant_tell", t.pages_cant_tell}});
  }
  j["criteria"] = std::move(criteria);
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& r : d.failing_rules) {
    rules.push_back({{"rule", r.rule},
                     {"summary", r.summary},
                     {"wcag", r.wcag},
                     {"pages", r.pages},
                     {"targets", r.targets}});
  }
  j["failing_rules"] = std::move(rules);
  nlohmann::json trend = nlohmann::json::array();
  for (const auto& t : d.trend) {
    trend.push_back({{"scan", t.scan_id},
                     {"started_at", t.started_at},
                     {"index", Optional(t.index)},
                     {"accessibility", Optional(t.accessibility)},
                     {"plain_language", Optional(t.plain_language)}});
  }
  j["trend"] = std::move(trend);
  nlohmann::json pages = nlohmann::json::array();
  for (const store::PageRecord& p : d.data.pages) {
    size_t failed = 0;
    for (const auto& f : p.findings) {
      failed += f.outcome == "failed" ? 1 : 0;
    }
    pages.push_back({{"url", p.url},
                     {"status", p.status},
                     {"kind", p.kind},
                     {"title", p.title},
                     {"error", p.error},
                     {"failures", failed}});
  }
  j["pages"] = std::move(pages);
  return j;
}

void InstallDashboardRoutes(httplib::Server& server, Dashboard* dashboard) {
  auto no_store = [](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) {
      JsonError(res, 404, "no scan store: start plainsight serve with --db FILE");
    } else {
      res.status = 404;
      res.set_content(RenderNoStorePage(), "text/html; charset=utf-8");
    }
  };
  auto html_error = [](httplib::Response& res, const engine::Error& e) {
    int status = StatusFor(e);
    res.status = status;
    res.set_content(RenderErrorPage(status, e.message), "text/html; charset=utf-8");
  };
  server.Get("/api", [](const httplib::Request&, httplib::Response& res) {
    std::string main =
        "<h1>The plainsight API</h1>\n<p>Every page of this server is built on a JSON API "
        "that scripts can use too.</p>\n<dl class=\"api\">\n"
        "<dt><code>POST /api/text</code></dt><dd>Check a draft: send <code>{\"text\": \"...\", "
        "\"lang\": \"en\"}</code> as JSON, or a file as <code>multipart/form-data</code> (field "
        "<code>file</code>). The answer is the JSON of <code>plainsight text --format "
        "json</code>.</dd>\n"
        "<dt><a href=\"/api/scans\"><code>GET /api/scans</code></a></dt><dd>The scans in the "
        "store.</dd>\n"
        "<dt><a href=\"/api/bodies\"><code>GET /api/bodies</code></a></dt><dd>The bodies of a "
        "scan with their scores (<code>?scan=ID</code>, default the latest).</dd>\n"
        "<dt><code>GET /api/bodies/{id}</code></dt><dd>One body: scores and how they were "
        "worked out, criteria, failing rules, trend and pages.</dd>\n</dl>\n";
    res.set_content(RenderPage("API", Section::kApi, main), "text/html; charset=utf-8");
  });
  if (dashboard == nullptr) {
    for (const char* path : {"/dashboard", "/dashboard/scans", R"(/dashboard/bodies/(.+))",
                             R"(/dashboard/data/(\d+)/([a-z.]+))", "/api/scans", "/api/bodies",
                             R"(/api/bodies/(.+))"}) {
      server.Get(path, no_store);
    }
    return;
  }
  server.Get("/dashboard", [dashboard, html_error](const httplib::Request& req,
                                                   httplib::Response& res) {
    int64_t scan_id = 0;
    if (!ScanParam(req, scan_id)) {
      html_error(res, {engine::ErrorCode::kNotFound, "scan must be a scan id", ""});
      return;
    }
    auto scans = dashboard->Scans();
    if (!scans) {
      html_error(res, scans.error());
      return;
    }
    if (scans->empty()) {
      res.set_content(RenderScansPage(*scans), "text/html; charset=utf-8");
      return;
    }
    auto summary = dashboard->Summary(scan_id);
    if (!summary) {
      html_error(res, summary.error());
      return;
    }
    std::vector<TrendPoint> trend;
    size_t from = scans->size() > kTrendScans ? scans->size() - kTrendScans : 0;
    for (size_t i = from; i < scans->size(); ++i) {
      auto earlier = dashboard->Summary((*scans)[i].id);
      if (!earlier) {
        html_error(res, earlier.error());
        return;
      }
      trend.push_back({(*earlier)->scan, MedianIndex(**earlier)});
    }
    std::multimap<std::string, std::string> query(req.params.begin(), req.params.end());
    res.set_content(RenderOverview(**summary, *scans, trend, query), "text/html; charset=utf-8");
  });
  server.Get("/dashboard/scans",
             [dashboard, html_error](const httplib::Request&, httplib::Response& res) {
               auto scans = dashboard->Scans();
               if (!scans) {
                 html_error(res, scans.error());
                 return;
               }
               res.set_content(RenderScansPage(*scans), "text/html; charset=utf-8");
             });
  server.Get(R"(/dashboard/bodies/(.+))",
             [dashboard, html_error](const httplib::Request& req, httplib::Response& res) {
               int64_t scan_id = 0;
               if (!ScanParam(req, scan_id)) {
                 html_error(res, {engine::ErrorCode::kNotFound, "scan must be a scan id", ""});
                 return;
               }
               auto detail = dashboard->Body(scan_id, req.matches[1]);
               if (!detail) {
                 html_error(res, detail.error());
                 return;
               }
               res.set_content(RenderBodyPage(*detail), "text/html; charset=utf-8");
             });
  server.Get(R"(/dashboard/data/(\d+)/([a-z.]+))",
             [dashboard, html_error](const httplib::Request& req, httplib::Response& res) {
               int64_t scan_id = 0;
               if (!ParsePositive(req.matches[1], scan_id)) {
                 html_error(res, {engine::ErrorCode::kNotFound, "no such scan", ""});
                 return;
               }
               std::string name = req.matches[2];
               auto path = dashboard->OpenDataFile(scan_id, name);
               if (!path) {
                 html_error(res, path.error());
                 return;
               }
               auto bytes = audit::ReadFile(*path, size_t{1} << 30);
               if (!bytes) {
                 html_error(res, bytes.error());
                 return;
               }
               std::string type = name.ends_with(".csv")      ? "text/csv; charset=utf-8"
                                  : name.ends_with(".jsonld") ? "application/ld+json"
                                                              : "application/json";
               res.set_header(
                   "Content-Disposition",
                   "attachment; filename=\"scan-" + std::to_string(scan_id) + "-" + name + "\"");
               res.set_content(*bytes, type);
             });
  server.Get("/api/scans", [dashboard](const httplib::Request&, httplib::Response& res) {
    auto scans = dashboard->Scans();
    if (!scans) {
      JsonError(res, StatusFor(scans.error()), scans.error().message);
      return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const store::ScanInfo& scan : *scans) {
      list.push_back(ScanJson(scan));
    }
    SendJson(res, {{"scans", list}});
  });
  server.Get("/api/bodies", [dashboard](const httplib::Request& req, httplib::Response& res) {
    int64_t scan_id = 0;
    if (!ScanParam(req, scan_id)) {
      JsonError(res, 400, "scan must be a positive scan id");
      return;
    }
    auto summary = dashboard->Summary(scan_id);
    if (!summary) {
      JsonError(res, StatusFor(summary.error()), summary.error().message);
      return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const BodyRow& row : (*summary)->bodies) {
      list.push_back(BodyRowJson(row));
    }
    SendJson(res, {{"scan", ScanJson((*summary)->scan)}, {"bodies", list}});
  });
  server.Get(R"(/api/bodies/(.+))",
             [dashboard](const httplib::Request& req, httplib::Response& res) {
               int64_t scan_id = 0;
               if (!ScanParam(req, scan_id)) {
                 JsonError(res, 400, "scan must be a positive scan id");
                 return;
               }
               auto detail = dashboard->Body(scan_id, req.matches[1]);
               if (!detail) {
                 JsonError(res, StatusFor(detail.error()), detail.error().message);
                 return;
               }
               SendJson(res, BodyDetailJson(*detail));
             });
}

}  // namespace plainsight::cli::serve
