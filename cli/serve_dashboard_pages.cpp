// The dashboard's pages (issue 14 item 3): the sector overview with a bodies table that sorts and
// filters without a script (links and a GET form; web/app.js sorts in place when it runs), a
// page per body (scores and how they were worked out, trend, findings by criterion, failing
// rules, pages), the list of scans, and the open-data downloads. Numbers are in tables with
// captions and scoped headers (WCAG 1.3.1); everything from a store is escaped.
#include <algorithm>
#include <numeric>
#include <ranges>
#include <set>

#include "cli/serve_internal.h"
#include "engine/ascii.h"

namespace plainsight::cli::serve {

namespace {

std::string QueryValue(const std::multimap<std::string, std::string>& query,
                       const std::string& name) {
  auto it = query.find(name);
  return it == query.end() ? "" : it->second;
}

std::string BodyLink(const store::ScanBody& body, int64_t scan_id) {
  return "/dashboard/bodies/" + UrlEncode(body.body.id) + "?scan=" + std::to_string(scan_id);
}

std::optional<double> Median(std::vector<double> values) {
  if (values.empty()) {
    return std::nullopt;
  }
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

std::optional<double> MedianIndex(const ScanSummary& s) {
  std::vector<double> values;
  for (const BodyRow& row : s.bodies) {
    if (row.scores.index) {
      values.push_back(*row.scores.index);
    }
  }
  return Median(std::move(values));
}

namespace {

std::string ScanLabel(const store::ScanInfo& scan) {
  return "Scan " + std::to_string(scan.id) + " of " + scan.started_at.substr(0, 10);
}

// The columns of the bodies table: the query name, the heading, how rows compare.
struct Column {
  const char* key;
  const char* label;
  bool numeric;
};

constexpr Column kColumns[] = {{"name", "Body", false},
                               {"sector", "Sector", false},
                               {"index", "Index", true},
                               {"band", "Band", true},
                               {"accessibility", "Accessibility", true},
                               {"plain", "Plain language", true},
                               {"pages", "Pages", true},
                               {"failures", "Failures", true}};

std::optional<double> NumericValue(const BodyRow& row, std::string_view key) {
  const reports::BodyScores& s = row.scores;
  if (key == "index") {
    return s.index;
  }
  if (key == "band") {
    return s.band ? std::optional<double>(*s.band) : std::nullopt;
  }
  if (key == "accessibility") {
    return s.accessibility.value;
  }
  if (key == "plain") {
    return s.plain_language.value;
  }
  if (key == "pages") {
    return static_cast<double>(row.body.pages);
  }
  return static_cast<double>(row.body.failures);
}

std::string TextValue(const BodyRow& row, std::string_view key) {
  return key == "sector" ? row.body.body.sector : row.body.body.name;
}

std::string Cell(const BodyRow& row, const Column& column, int64_t scan_id) {
  std::string sort_value;
  std::string shown;
  if (column.numeric) {
    auto v = NumericValue(row, column.key);
    sort_value = v ? Number(v, 3) : "";
    int decimals = std::string_view(column.key) == "pages" ||
                           std::string_view(column.key) == "failures" ||
                           std::string_view(column.key) == "band"
                       ? 0
                       : 1;
    shown = Number(v, decimals);
    if (std::string_view(column.key) == "band" && row.scores.band) {
      shown += " " + std::string(reports::BandName(*row.scores.band));
    }
  } else {
    sort_value = TextValue(row, column.key);
    shown = Escape(sort_value);
  }
  if (std::string_view(column.key) == "name") {
    return R"(<th scope="row" data-sort-value=")" + Escape(engine::AsciiLower(sort_value)) +
           "\"><a href=\"" + Escape(BodyLink(row.body, scan_id)) + "\">" + shown + "</a></th>";
  }
  return std::string("<td") + (column.numeric ? " class=\"num\"" : "") + " data-sort-value=\"" +
         Escape(column.numeric ? sort_value : engine::AsciiLower(sort_value)) + "\">" + shown +
         "</td>";
}

std::string BodiesTable(const ScanSummary& s,
                        const std::multimap<std::string, std::string>& query) {
  std::string q = QueryValue(query, "q");
  std::string sector = QueryValue(query, "sector");
  std::string sort = QueryValue(query, "sort");
  std::string order = QueryValue(query, "order") == "desc" ? "desc" : "asc";
  const Column* sort_column = nullptr;
  for (const Column& c : kColumns) {
    if (sort == c.key) {
      sort_column = &c;
    }
  }
  std::vector<const BodyRow*> rows;
  std::set<std::string> sectors;
  for (const BodyRow& row : s.bodies) {
    if (!row.body.body.sector.empty()) {
      sectors.insert(row.body.body.sector);
    }
    if (!q.empty() &&
        engine::AsciiLower(row.body.body.name).find(engine::AsciiLower(q)) == std::string::npos &&
        engine::AsciiLower(row.body.body.id).find(engine::AsciiLower(q)) == std::string::npos) {
      continue;
    }
    if (!sector.empty() && row.body.body.sector != sector) {
      continue;
    }
    rows.push_back(&row);
  }
  if (sort_column != nullptr) {
    std::stable_sort(rows.begin(), rows.end(), [&](const BodyRow* a, const BodyRow* b) {
      if (sort_column->numeric) {
        // Not measured sorts last either way.
        auto va = NumericValue(*a, sort_column->key);
        auto vb = NumericValue(*b, sort_column->key);
        if (!va || !vb) {
          return va.has_value() && !vb.has_value();
        }
        return order == "asc" ? *va < *vb : *va > *vb;
      }
      std::string ta = engine::AsciiLower(TextValue(*a, sort_column->key));
      std::string tb = engine::AsciiLower(TextValue(*b, sort_column->key));
      return order == "asc" ? ta < tb : ta > tb;
    });
  }
  std::string base = "/dashboard?scan=" + std::to_string(s.scan.id);
  std::string out =
      "<h2 id=\"bodies-heading\">Bodies</h2>\n"
      "<form class=\"filter\" method=\"get\" action=\"/dashboard\" role=\"search\" "
      "aria-label=\"Filter the bodies\">\n"
      "<input type=\"hidden\" name=\"scan\" value=\"" +
      std::to_string(s.scan.id) +
      "\">\n<div class=\"field\"><label for=\"filter-q\">Name contains</label>\n"
      "<input type=\"search\" id=\"filter-q\" name=\"q\" value=\"" +
      Escape(q) +
      "\"></div>\n<div class=\"field\"><label for=\"filter-sector\">Sector</label>\n"
      "<select id=\"filter-sector\" name=\"sector\"><option value=\"\">All sectors</option>\n";
  for (const std::string& name : sectors) {
    out += "<option value=\"" + Escape(name) + "\"" + (name == sector ? " selected" : "") + ">" +
           Escape(name) + "</option>\n";
  }
  out +=
      "</select></div>\n<button type=\"submit\">Filter</button>\n</form>\n"
      "<p id=\"bodies-count\" role=\"status\">" +
      std::to_string(rows.size()) + " of " + std::to_string(s.bodies.size()) +
      " bodies shown.</p>\n"
      "";
  if (rows.empty()) {
    return out + "<p>No body matches the filter.</p>\n";
  }
  out +=
      "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"bodies-caption\" "
      "tabindex=\"0\">\n<table class=\"bodies sortable\" id=\"bodies-table\">\n"
      "<caption id=\"bodies-caption\">Bodies in " +
      Escape(ScanLabel(s.scan)) + ", with their scores out of 100" +
      (sort_column != nullptr ? std::string(", sorted by ") + sort_column->label +
                                    (order == "asc" ? ", ascending" : ", descending")
                              : std::string()) +
      "</caption>\n<thead><tr>";
  for (const Column& c : kColumns) {
    bool active = sort_column == &c;
    std::string next = active && order == "asc" ? "desc" : "asc";
    std::string href = base + "&sort=" + c.key + "&order=" + next +
                       (q.empty() ? "" : "&q=" + UrlEncode(q)) +
                       (sector.empty() ? "" : "&sector=" + UrlEncode(sector));
    out += std::string(R"(<th scope="col" data-key=")") + c.key + "\" data-type=\"" +
           (c.numeric ? "number" : "text") + "\"";
    if (active) {
      out += std::string(" aria-sort=\"") + (order == "asc" ? "ascending" : "descending") + "\"";
    }
    out += R"(><a class="sort" href=")" + Escape(href) + "\">" + c.label + "</a></th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const BodyRow* row : rows) {
    out += "<tr data-name=\"" + Escape(engine::AsciiLower(row->body.body.name)) +
           "\" data-sector=\"" + Escape(row->body.body.sector) + "\">";
    for (const Column& c : kColumns) {
      out += Cell(*row, c, s.scan.id);
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</div>\n";
}

// Pages per WCAG criterion across the sector, worst first.
std::string CriteriaTable(const std::vector<const BodyRow*>& rows, const std::string& caption) {
  reports::CriterionMap total;
  for (const BodyRow* row : rows) {
    for (const auto& [sc, t] : row->tally.criteria) {
      reports::CriterionTally& sum = total[sc];
      sum.pages_passed += t.pages_passed;
      sum.pages_failed_error += t.pages_failed_error;
      sum.pages_failed_warning += t.pages_failed_warning;
      sum.pages_cant_tell += t.pages_cant_tell;
    }
  }
  if (total.empty()) {
    return "<p>No criterion was tested.</p>\n";
  }
  std::string out =
      R"(<div class="table-wrap" role="region" aria-label=")" + Escape(caption) +
      "\" tabindex=\"0\">\n<table>\n<caption>" + Escape(caption) +
      "</caption>\n<thead><tr><th scope=\"col\">WCAG criterion</th><th scope=\"col\">Pages "
      "passed</th><th scope=\"col\">Pages failed (errors)</th><th scope=\"col\">Pages failed "
      "(warnings)</th><th scope=\"col\">Pages to check by hand</th></tr></thead>\n<tbody>\n";
  for (const auto& [sc, t] : total) {
    out += "<tr><th scope=\"row\">" + Escape(sc) + "</th><td class=\"num\">" +
           std::to_string(t.pages_passed) + "</td><td class=\"num\">" +
           std::to_string(t.pages_failed_error) + "</td><td class=\"num\">" +
           std::to_string(t.pages_failed_warning) + "</td><td class=\"num\">" +
           std::to_string(t.pages_cant_tell) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</div>\n";
}

std::string Downloads(int64_t scan_id) {
  std::string out =
      "<h2>Open data</h2>\n<p>The scan's figures as files to download (CSV with a Frictionless "
      "Data Package, JSON, and EARL results).</p>\n<ul class=\"downloads\">\n";
  for (std::string_view name : Dashboard::OpenDataNames()) {
    out += "<li><a href=\"/dashboard/data/" + std::to_string(scan_id) + "/" + std::string(name) +
           "\" download>" + std::string(name) + "</a></li>\n";
  }
  return out + "</ul>\n";
}

std::string ScanSelector(const std::vector<store::ScanInfo>& scans, int64_t current) {
  std::string out =
      "<form class=\"filter\" method=\"get\" action=\"/dashboard\">\n<div class=\"field\">"
      "<label for=\"scan-choice\">Scan</label>\n<select id=\"scan-choice\" name=\"scan\">\n";
  for (auto it = scans.rbegin(); it != scans.rend(); ++it) {
    out += "<option value=\"" + std::to_string(it->id) + "\"" +
           (it->id == current ? " selected" : "") + ">" + Escape(ScanLabel(*it)) + " (" +
           store::ScanStatusName(it->status) + ")</option>\n";
  }
  return out + "</select></div>\n<button type=\"submit\">Show</button>\n</form>\n";
}

// The body's PDF and office documents with the checks each failed, as in the sector report.
std::string DocumentsSection(const reports::BodyData& data) {
  std::string out = "<h2>Documents</h2>\n";
  const reports::DocumentTally t = reports::TallyDocuments(data);
  if (t.documents == 0) {
    return out + "<p>No PDF or office document of this body was found in this scan.</p>\n";
  }
  out += "<p>" + reports::DocumentsSummary(t) + "</p>\n";
  out +=
      "<div class=\"table-wrap\" role=\"region\" aria-label=\"Documents\" tabindex=\"0\">\n"
      "<table>\n<caption>Documents and the checks they failed</caption>\n<thead><tr><th "
      "scope=\"col\">Address</th><th scope=\"col\">Kind</th><th scope=\"col\">Linked from"
      "</th><th scope=\"col\">Failed checks</th></tr></thead>\n<tbody>\n";
  for (const store::PageRecord& p : data.pages) {
    if (!reports::IsDocument(p)) {
      continue;
    }
    std::string checks;
    for (const std::string& rule : reports::FailedRules(p)) {
      checks += (checks.empty() ? "" : ", ") + Escape(rule);
    }
    out += R"(<tr><th scope="row" class="url">)" + Escape(p.url) + "</th><td>" + Escape(p.kind) +
           "</td><td class=\"url\">" + Escape(p.referrer) + "</td><td>" +
           (!p.error.empty() ? "Not read: " + Escape(p.error)
            : checks.empty() ? std::string("none")
                             : checks) +
           "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</div>\n";
}

}  // namespace

std::string RenderOverview(const ScanSummary& s, const std::vector<store::ScanInfo>& scans,
                           const std::vector<TrendPoint>& trend,
                           const std::multimap<std::string, std::string>& query) {
  size_t done = 0;
  size_t failed = 0;
  std::map<int, size_t> bands;
  std::vector<const BodyRow*> all;
  for (const BodyRow& row : s.bodies) {
    done += row.body.state == store::BodyState::kDone ? 1 : 0;
    failed += row.body.state == store::BodyState::kFailed ? 1 : 0;
    if (row.scores.band) {
      ++bands[*row.scores.band];
    }
    all.push_back(&row);
  }
  std::string main = "<h1>Sector overview</h1>\n";
  main += ScanSelector(scans, s.scan.id);
  main += "<h2>" + Escape(ScanLabel(s.scan)) +
          "</h2>\n<ul class=\"facts\">\n<li>Status: " + store::ScanStatusName(s.scan.status) +
          ".</li>\n<li>" + std::to_string(s.bodies.size()) + " bodies: " + std::to_string(done) +
          " scanned, " + std::to_string(failed) + " could not be scanned.</li>\n<li>" +
          std::to_string(s.pages) +
          " pages and documents.</li>\n<li>Median index: " + Number(MedianIndex(s)) +
          " out of 100.</li>\n</ul>\n";
  main +=
      "<h2>Bands</h2>\n<div class=\"table-wrap\" role=\"region\" aria-label=\"Bodies per band\" "
      "tabindex=\"0\">\n<table>\n<caption>Bodies per service level band</caption>\n"
      "<thead><tr><th scope=\"col\">Band</th><th scope=\"col\">Bodies</th></tr></thead>\n"
      "<tbody>\n";
  for (int band = 4; band >= 1; --band) {
    main += "<tr><th scope=\"row\">" + std::to_string(band) + " " + reports::BandName(band) +
            "</th><td class=\"num\">" + std::to_string(bands[band]) + "</td></tr>\n";
  }
  main += "</tbody>\n</table>\n</div>\n";
  main += BodiesTable(s, query);
  // Trends: the median index of the latest scans.
  main +=
      "<h2>Trend</h2>\n<div class=\"table-wrap\" role=\"region\" aria-label=\"Trend\" "
      "tabindex=\"0\">\n<table>\n<caption>Median index of the latest scans</caption>\n"
      "<thead><tr><th scope=\"col\">Scan</th><th scope=\"col\">Status</th><th "
      "scope=\"col\">Bodies</th><th scope=\"col\">Median index</th></tr></thead>\n<tbody>\n";
  for (const TrendPoint& t : trend) {
    main += R"(<tr><th scope="row"><a href="/dashboard?scan=)" + std::to_string(t.scan.id) + "\">" +
            Escape(ScanLabel(t.scan)) + "</a></th><td>" + store::ScanStatusName(t.scan.status) +
            "</td><td class=\"num\">" + std::to_string(t.scan.bodies) + "</td><td class=\"num\">" +
            Number(t.median_index) + "</td></tr>\n";
  }
  main += "</tbody>\n</table>\n</div>\n";
  main += "<h2>Findings by criterion</h2>\n";
  main += CriteriaTable(all, "Pages per WCAG success criterion, all bodies");
  main += Downloads(s.scan.id);
  return RenderPage("Sector overview", Section::kDashboard, main);
}

std::string RenderBodyPage(const BodyDetail& d) {
  const store::ScanBody& b = d.row.body;
  const reports::BodyScores& s = d.row.scores;
  std::string main =
      R"(<p class="breadcrumb"><a href="/dashboard?scan=)" + std::to_string(d.scan.id) +
      "\">Sector overview</a></p>\n<h1>" + Escape(b.body.name) +
      "</h1>\n<ul class=\"facts\">\n<li>Website: " + Escape(b.body.url) +
      "</li>\n<li>Sector: " + Escape(b.body.sector.empty() ? "not given" : b.body.sector) +
      "</li>\n<li>" + Escape(ScanLabel(d.scan)) + ": " + store::BodyStateName(b.state);
  if (!b.reason.empty()) {
    main += " (" + Escape(b.reason) + ")";
  }
  main += ".</li>\n</ul>\n<h2>Scores</h2>\n<p class=\"index\">Index: <strong>" + Number(s.index) +
          "</strong> out of 100";
  if (s.band) {
    main += ", band " + std::to_string(*s.band) + " (" + reports::BandName(*s.band) + ")";
  }
  main += ". Confidence: " + Escape(s.confidence.empty() ? "none" : s.confidence) + ".</p>\n";
  main +=
      "<div class=\"table-wrap\" role=\"region\" aria-label=\"Scores\" tabindex=\"0\">\n<table>\n"
      "<caption>How the scores were worked out</caption>\n<thead><tr><th scope=\"col\">Part"
      "</th><th scope=\"col\">Score</th><th scope=\"col\">Worked out from</th></tr></thead>\n"
      "<tbody>\n";
  auto part = [&](const char* label, const reports::ComponentScore& c) {
    main += std::string("<tr><th scope=\"row\">") + label + "</th><td class=\"num\">" +
            Number(c.value) + "</td><td>" + Escape(c.basis) + "</td></tr>\n";
  };
  part("Accessibility", s.accessibility);
  part("Plain language", s.plain_language);
  part("Site", s.site);
  part("Documents", s.documents);
  main += "</tbody>\n</table>\n</div>\n";
  if (!s.confidence_reasons.empty()) {
    main += "<ul>\n";
    for (const std::string& reason : s.confidence_reasons) {
      main += "<li>" + Escape(reason) + "</li>\n";
    }
    main += "</ul>\n";
  }
  main +=
      "<h2>Trend</h2>\n<div class=\"table-wrap\" role=\"region\" aria-label=\"Trend\" "
      "tabindex=\"0\">\n<table>\n<caption>Scores across scans</caption>\n<thead><tr><th "
      "scope=\"col\">Scan</th><th scope=\"col\">Index</th><th scope=\"col\">Accessibility</th>"
      "<th scope=\"col\">Plain language</th></tr></thead>\n<tbody>\n";
  for (const auto& t : d.trend) {
    main += "<tr><th scope=\"row\">Scan " + std::to_string(t.scan_id) + " of " +
            Escape(t.started_at.substr(0, 10)) + "</th><td class=\"num\">" + Number(t.index) +
            "</td><td class=\"num\">" + Number(t.accessibility) + "</td><td class=\"num\">" +
            Number(t.plain_language) + "</td></tr>\n";
  }
  main += "</tbody>\n</table>\n</div>\n<h2>Findings by criterion</h2>\n";
  main += CriteriaTable({&d.row}, "Pages per WCAG success criterion");
  main += "<h2>Failing rules</h2>\n";
  if (d.failing_rules.empty()) {
    main += "<p>No rule failed on this body's pages.</p>\n";
  } else {
    main +=
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"Failing rules\" tabindex=\"0\">\n"
        "<table>\n<caption>Rules that failed, most pages first</caption>\n<thead><tr><th "
        "scope=\"col\">Rule</th><th scope=\"col\">WCAG</th><th scope=\"col\">Pages</th><th "
        "scope=\"col\">Places</th></tr></thead>\n<tbody>\n";
    for (const auto& r : d.failing_rules) {
      main += "<tr><th scope=\"row\">" + Escape(r.summary.empty() ? r.rule : r.summary) +
              " <span class=\"rule-id\">(" + Escape(r.rule) + ")</span></th><td>" + Escape(r.wcag) +
              "</td><td class=\"num\">" + std::to_string(r.pages) + "</td><td class=\"num\">" +
              std::to_string(r.targets) + "</td></tr>\n";
    }
    main += "</tbody>\n</table>\n</div>\n";
  }
  main += DocumentsSection(d.data);
  main += "<h2>Pages</h2>\n";
  if (d.data.pages.empty()) {
    main += "<p>No page of this body was stored in this scan.</p>\n";
    main += Downloads(d.scan.id);
    return RenderPage(b.body.name, Section::kDashboard, main);
  }
  main +=
      "<div class=\"table-wrap\" role=\"region\" aria-label=\"Pages\" "
      "tabindex=\"0\">\n<table>\n<caption>Pages and documents scanned</caption>\n<thead><tr>"
      "<th scope=\"col\">Address</th><th scope=\"col\">Title</th><th scope=\"col\">Kind</th>"
      "<th scope=\"col\">Failures</th></tr></thead>\n<tbody>\n";
  constexpr size_t kMaxPagesShown = 500;
  for (size_t i = 0; i < d.data.pages.size() && i < kMaxPagesShown; ++i) {
    const store::PageRecord& p = d.data.pages[i];
    size_t failed = 0;
    for (const auto& f : p.findings) {
      failed += f.outcome == "failed" ? 1 : 0;
    }
    main += R"(<tr><th scope="row" class="url">)" + Escape(p.url) + "</th><td>" +
            Escape(p.error.empty() ? p.title : "Not audited: " + p.error) + "</td><td>" +
            Escape(p.kind) + "</td><td class=\"num\">" + std::to_string(failed) + "</td></tr>\n";
  }
  main += "</tbody>\n</table>\n</div>\n";
  if (d.data.pages.size() > kMaxPagesShown) {
    main += "<p>The first " + std::to_string(kMaxPagesShown) + " of " +
            std::to_string(d.data.pages.size()) +
            " pages are shown; pages.csv in the open data has them all.</p>\n";
  }
  main += Downloads(d.scan.id);
  return RenderPage(b.body.name, Section::kDashboard, main);
}

std::string RenderScansPage(const std::vector<store::ScanInfo>& scans) {
  std::string main = "<h1>Scans</h1>\n";
  if (scans.empty()) {
    main +=
        "<p>The store holds no scan yet. Run <code>plainsight scan BODIES.csv --db FILE</code> "
        "first.</p>\n";
    return RenderPage("Scans", Section::kDashboard, main);
  }
  main += "<ul class=\"scans\">\n";
  for (auto it = scans.rbegin(); it != scans.rend(); ++it) {
    main += "<li><a href=\"/dashboard?scan=" + std::to_string(it->id) + "\">" +
            Escape(ScanLabel(*it)) + "</a>: " + store::ScanStatusName(it->status) + ", " +
            std::to_string(it->bodies) + " bodies.</li>\n";
  }
  return RenderPage("Scans", Section::kDashboard, main + "</ul>\n");
}

std::string RenderNoStorePage() {
  return RenderPage(
      "Dashboard", Section::kDashboard,
      "<h1>Dashboard</h1>\n<p>This server was started without a scan store. Start it with "
      "<code>plainsight serve --db scan.db</code> to browse the scans in <code>scan.db</code>."
      "</p>\n");
}

}  // namespace plainsight::cli::serve
