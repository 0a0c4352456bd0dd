// `plainsight report` (scan_report.h): one pass over the scan's bodies writes each body's page
// and its rows of the CSV, JSON and EARL files as it goes; the overview and the rule pages come
// last, from what was kept per body and per rule.
#include "reports/scan_report.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "reports/csv.h"
#include "reports/open_data.h"
#include "reports/scan_data.h"
#include "reports/scan_report_pages.h"

namespace plainsight::reports {
namespace {

namespace fs = std::filesystem;

constexpr size_t kExamplesPerRule = 5;
constexpr size_t kCommonFailures = 10;

// A file name for a body id: letters, digits, '.', '-' and '_' kept, others '_', and a short
// hash when anything was changed, so that two ids never share a file.
std::string BodyFile(const std::string& id) {
  std::string safe;
  bool changed = false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_';
    safe += ok ? c : '_';
    changed |= !ok;
  }
  if (safe.empty() || safe[0] == '.') {
    safe = "body" + safe;
    changed = true;
  }
  if (changed) {
    uint32_t h = 2166136261u;
    for (char c : id) {
      h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "-%08x", h);
    safe += buf;
  }
  return "bodies/" + safe + ".html";
}

nlohmann::json Optional(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json ScoresJson(const BodyScores& s) {
  auto part = [](const ComponentScore& c) {
    return nlohmann::json{{"value", Optional(c.value)}, {"basis", c.basis}};
  };
  return {{"accessibility", part(s.accessibility)},
          {"plain_language", part(s.plain_language)},
          {"site", part(s.site)},
          {"documents", part(s.documents)},
          {"index", Optional(s.index)},
          {"band", s.band ? nlohmann::json(*s.band) : nlohmann::json(nullptr)},
          {"band_name", s.band ? BandName(*s.band) : ""},
          {"confidence", s.confidence},
          {"confidence_reasons", s.confidence_reasons},
          {"criterion_pass_rate", s.criterion_pass_rate},
          {"criteria_tested", s.criteria_tested},
          {"weighted_failures_per_page", s.weighted_failures_per_page},
          {"cant_tell_share", s.cant_tell_share},
          {"median_reading_grade", Optional(s.median_grade)},
          {"long_sentence_share", Optional(s.long_sentence_share)},
          {"wordy_per_1000_words", Optional(s.wordy_per_1000)}};
}

nlohmann::json DocumentsJson(const DocumentTally& t) {
  return {{"total", t.documents},
          {"with_failures", t.with_failures},
          {"to_review", t.to_review},
          {"unreadable", t.unreadable}};
}

nlohmann::json CriteriaJson(const CriterionMap& criteria) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [sc, c] : criteria) {
    out.push_back({{"criterion", sc},
                   {"pages_applicable", c.applicable()},
                   {"pages_passed", c.pages_passed},
                   {"pages_failed_error", c.pages_failed_error},
                   {"pages_failed_warning", c.pages_failed_warning},
                   {"pages_cant_tell", c.pages_cant_tell}});
  }
  return out;
}

nlohmann::json ScanJson(const store::ScanInfo& s) {
  return {{"id", s.id},
          {"started_at", s.started_at},
          {"finished_at", s.finished_at},
          {"status", store::ScanStatusName(s.status)},
          {"tool_version", s.tool_version},
          {"options", nlohmann::json::parse(s.options, nullptr, false).is_discarded()
                          ? nlohmann::json(s.options)
                          : nlohmann::json::parse(s.options)},
          {"source", s.source},
          {"bodies", s.bodies}};
}

const char* EarlOutcome(const std::string& outcome) {
  if (outcome == "failed") {
    return "earl:failed";
  }
  if (outcome == "passed") {
    return "earl:passed";
  }
  if (outcome == "cantTell") {
    return "earl:cantTell";
  }
  return "earl:inapplicable";
}

// Scores of every body of an earlier scan (for the trend and the comparison), without writing.
struct ScoredScan {
  std::map<std::string, BodyScores> scores;  // by body id
  std::optional<double> median;
};

engine::Result<ScoredScan> ScoreScan(store::Store& store, int64_t scan_id,
                                     const ScoringOptions& options) {
  ScoredScan out;
  auto rules = RuleIndex::Load(store, scan_id);
  if (!rules) {
    return rules.error();
  }
  auto bodies = store.Bodies(scan_id);
  if (!bodies) {
    return bodies.error();
  }
  std::vector<double> indices;
  for (const store::ScanBody& b : *bodies) {
    auto data = LoadBody(store, scan_id, b);
    if (!data) {
      return data.error();
    }
    BodyScores s = ScoreBody(Tally(*data, *rules, options), options);
    if (s.index) {
      indices.push_back(*s.index);
    }
    out.scores.emplace(b.body.id, std::move(s));
  }
  if (!indices.empty()) {
    std::sort(indices.begin(), indices.end());
    size_t n = indices.size();
    out.median = n % 2 ? indices[n / 2] : (indices[n / 2 - 1] + indices[n / 2]) / 2;
  }
  return out;
}

// Opens a file of the report for writing.
engine::Result<void> Open(std::ofstream& file, const fs::path& path) {
  file.open(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot write the report file", path.string());
  }
  return {};
}

}  // namespace

engine::Result<ScanReportSummary> WriteScanReport(store::Store& store,
                                                  const ScanReportOptions& options) {
  // Which scans.
  auto scans = store.Scans();
  if (!scans) {
    return scans.error();
  }
  if (scans->empty()) {
    return engine::Fail(engine::ErrorCode::kNotFound,
                        "the store has no scan yet (plainsight scan BODIES.csv --db ...)");
  }
  auto find_scan = [&](int64_t id) -> const store::ScanInfo* {
    for (const store::ScanInfo& s : *scans) {
      if (s.id == id) {
        return &s;
      }
    }
    return nullptr;
  };
  const store::ScanInfo* scan = options.scan_id == 0 ? &scans->back() : find_scan(options.scan_id);
  if (scan == nullptr) {
    return engine::Fail(engine::ErrorCode::kNotFound,
                        "no scan " + std::to_string(options.scan_id) +
                            " in the store (plainsight scan --db ... --status lists them)");
  }
  const store::ScanInfo* compare = nullptr;
  if (options.compare_id != 0) {
    compare = find_scan(options.compare_id);
    if (compare == nullptr) {
      return engine::Fail(
          engine::ErrorCode::kNotFound,
          "no scan " + std::to_string(options.compare_id) + " to compare with in the store");
    }
  }

  // The folder and its files.
  std::error_code ec;
  fs::path out_dir = options.out_dir;
  fs::create_directories(out_dir / "bodies", ec);
  fs::create_directories(out_dir / "rules", ec);
  if (ec) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot create the report folder: " + ec.message(),
                        out_dir.string());
  }
  std::ofstream bodies_csv, pages_csv, findings_csv, json, earl;
  for (auto [file, name] : {std::pair{&bodies_csv, "bodies.csv"},
                            {&pages_csv, "pages.csv"},
                            {&findings_csv, "findings.csv"},
                            {&json, "report.json"},
                            {&earl, "earl.jsonld"}}) {
    if (auto opened = Open(*file, out_dir / name); !opened) {
      return opened.error();
    }
  }
  bodies_csv << CsvHeader(BodiesCsvFields());
  pages_csv << CsvHeader(PagesCsvFields());
  findings_csv << CsvHeader(FindingsCsvFields());

  auto rules = RuleIndex::Load(store, scan->id);
  if (!rules) {
    return rules.error();
  }
  ReportContext context;
  context.scan = *scan;
  context.title = options.title.empty()
                      ? "Accessibility and plain language: sector scan " + std::to_string(scan->id)
                      : options.title;
  context.generated_at = store::NowUtc();
  if (compare != nullptr) {
    context.compare = *compare;
  }

  // The trend: the median index of earlier scans (the latest few), then this one's.
  std::vector<const store::ScanInfo*> earlier;
  for (const store::ScanInfo& s : *scans) {
    if (s.id < scan->id && s.status == store::ScanStatus::kDone) {
      earlier.push_back(&s);
    }
  }
  if (earlier.size() > options.max_trend_scans) {
    earlier.erase(earlier.begin(), earlier.end() - static_cast<long>(options.max_trend_scans));
  }
  for (const store::ScanInfo* s : earlier) {
    auto scored = ScoreScan(store, s->id, options.scoring);
    if (!scored) {
      return scored.error();
    }
    if (scored->median) {
      context.trend.push_back({"scan " + std::to_string(s->id), *scored->median});
    }
  }

  std::optional<RuleIndex> compare_rules;
  if (compare != nullptr) {
    auto loaded = RuleIndex::Load(store, compare->id);
    if (!loaded) {
      return loaded.error();
    }
    compare_rules = std::move(*loaded);
  }
  std::map<std::string, store::ScanBody> compare_bodies;
  if (compare != nullptr) {
    auto list = store.Bodies(compare->id);
    if (!list) {
      return list.error();
    }
    for (store::ScanBody& b : *list) {
      std::string id = b.body.id;
      compare_bodies.emplace(std::move(id), std::move(b));
    }
  }

  auto bodies = store.Bodies(scan->id);
  if (!bodies) {
    return bodies.error();
  }
  ScanReportSummary summary;
  summary.scan_id = scan->id;
  summary.bodies = bodies->size();
  std::vector<BodySummary> summaries;
  std::map<std::string, RuleAggregate> by_rule;
  std::vector<double> indices;

  json << "{\n\"tool\": "
       << nlohmann::json{{"name", "plainsight"}, {"version", PLAINSIGHT_VERSION}}.dump()
       << ",\n\"scan\": " << ScanJson(*scan).dump()
       << ",\n\"compare\": " << (compare ? ScanJson(*compare).dump() : "null") << ",\n\"scoring\": "
       << nlohmann::json{{"method", "docs/scoring.md"},
                         {"criterion_weight", options.scoring.criterion_weight},
                         {"density_half", options.scoring.density_half},
                         {"warning_weight", options.scoring.warning_weight},
                         {"grade_best", options.scoring.grade_best},
                         {"grade_worst", options.scoring.grade_worst},
                         {"long_share_worst", options.scoring.long_share_worst},
                         {"wordy_per_1000_worst", options.scoring.wordy_per_1000_worst},
                         {"min_text_words", options.scoring.min_text_words},
                         {"weights",
                          {{"accessibility", options.scoring.weight_accessibility},
                           {"plain_language", options.scoring.weight_plain_language},
                           {"site", options.scoring.weight_site},
                           {"documents", options.scoring.weight_documents}}}}
              .dump()
       << ",\n\"bodies\": [\n";
  earl << "{\n\"@context\": "
       << nlohmann::json{{"earl", "http://www.w3.org/ns/earl#"},
                         {"dct", "http://purl.org/dc/terms/"},
                         {"foaf", "http://xmlns.com/foaf/0.1/"},
                         {"ptr", "http://www.w3.org/2009/pointers#"},
                         {"sch", "https://schema.org/"},
                         {"WebPage", "sch:WebPage"},
                         {"assertedBy", {{"@id", "earl:assertedBy"}, {"@type", "@id"}}},
                         {"outcome", {{"@id", "earl:outcome"}, {"@type", "@id"}}},
                         {"mode", {{"@id", "earl:mode"}, {"@type", "@id"}}},
                         {"source", {{"@id", "dct:source"}, {"@type", "@id"}}},
                         {"isPartOf", {{"@id", "dct:isPartOf"}, {"@type", "@id"}}}}
              .dump()
       << ",\n\"@graph\": [\n"
       << nlohmann::json{{"@id", "_:plainsight"},
                         {"@type", {"earl:Assertor", "earl:Software"}},
                         {"foaf:name", "plainsight"},
                         {"dct:hasVersion", PLAINSIGHT_VERSION}}
              .dump();

  bool first_body = true;
  for (const store::ScanBody& body : *bodies) {
    auto data = LoadBody(store, scan->id, body);
    if (!data) {
      return data.error();
    }
    BodySummary s;
    s.body = body;
    s.file = BodyFile(body.body.id);
    s.tally = Tally(*data, *rules, options.scoring);
    s.scores = ScoreBody(s.tally, options.scoring);
    if (s.scores.index) {
      indices.push_back(*s.scores.index);
    }

    // The same body in the scan compared with.
    nlohmann::json comparison = nullptr;
    if (compare != nullptr) {
      BodyComparison cmp;
      auto before = compare_bodies.find(body.body.id);
      if (before != compare_bodies.end()) {
        auto old = LoadBody(store, compare->id, before->second);
        if (!old) {
          return old.error();
        }
        cmp.present = true;
        BodyTally old_tally = Tally(*old, *compare_rules, options.scoring);
        cmp.before = ScoreBody(old_tally, options.scoring);
        cmp.criteria_before = old_tally.criteria;
        std::set<std::string> now = FailureKeys(*data);
        std::set<std::string> then = FailureKeys(*old);
        std::set_difference(now.begin(), now.end(), then.begin(), then.end(),
                            std::back_inserter(cmp.new_failures));
        std::set_difference(then.begin(), then.end(), now.begin(), now.end(),
                            std::back_inserter(cmp.fixed_failures));
      }
      nlohmann::json criteria = nlohmann::json::array();
      if (cmp.present) {
        std::set<std::string> all;
        for (const auto& [sc, c] : s.tally.criteria) {
          all.insert(sc);
        }
        for (const auto& [sc, c] : cmp.criteria_before) {
          all.insert(sc);
        }
        auto rate = [](const CriterionMap& m, const std::string& sc) -> nlohmann::json {
          auto it = m.find(sc);
          if (it == m.end() || it->second.decided() == 0) {
            return nullptr;
          }
          return static_cast<double>(it->second.pages_passed) / it->second.decided();
        };
        for (const std::string& sc : all) {
          nlohmann::json now_rate = rate(s.tally.criteria, sc);
          nlohmann::json then_rate = rate(cmp.criteria_before, sc);
          std::string trend = "unchanged";
          if (now_rate.is_number() && then_rate.is_number()) {
            double d = now_rate.get<double>() - then_rate.get<double>();
            trend = d > 1e-9 ? "better" : d < -1e-9 ? "worse" : "unchanged";
          } else if (now_rate.is_number()) {
            trend = "new";
          } else if (then_rate.is_number()) {
            trend = "no longer tested";
          }
          criteria.push_back({{"criterion", sc},
                              {"pass_rate", now_rate},
                              {"pass_rate_before", then_rate},
                              {"trend", trend}});
        }
      }
      comparison = {{"present", cmp.present},
                    {"index_before", cmp.present ? Optional(cmp.before.index) : nullptr},
                    {"new_failures", cmp.new_failures},
                    {"fixed_failures", cmp.fixed_failures},
                    {"criteria", criteria}};
      s.comparison = std::move(cmp);
    }

    // The body's page.
    {
      std::ofstream page;
      if (auto opened = Open(page, out_dir / s.file); !opened) {
        return opened.error();
      }
      WriteBodyPage(page, context, s, *data, *rules);
      if (!page) {
        return engine::Fail(engine::ErrorCode::kIo, "writing the report failed",
                            (out_dir / s.file).string());
      }
    }

    // bodies.csv
    const BodyScores& sc = s.scores;
    CsvRow row(bodies_csv);
    row.Integer(scan->id)
        .Text(body.body.id)
        .Text(body.body.name)
        .Text(body.body.url)
        .Text(body.body.sector)
        .Text(body.body.lang)
        .Text(store::BodyStateName(body.state))
        .Text(body.reason)
        .Integer(s.tally.pages_audited)
        .Integer(s.tally.pages_failed)
        .Integer(s.tally.documents)
        .Integer(static_cast<long long>(s.tally.failed_error_targets))
        .Integer(static_cast<long long>(s.tally.failed_warning_targets))
        .Integer(static_cast<long long>(s.tally.cant_tell_targets))
        .Integer(static_cast<long long>(sc.criteria_tested))
        .Number(sc.index ? std::optional<double>(100 * sc.criterion_pass_rate) : std::nullopt)
        .Number(sc.index ? std::optional<double>(sc.weighted_failures_per_page) : std::nullopt, 2)
        .Number(sc.accessibility.value)
        .Number(sc.plain_language.value)
        .Number(sc.documents.value)
        .Number(sc.site.value)
        .Number(sc.index);
    if (sc.band) {
      row.Integer(*sc.band);
    } else {
      row.Text("");
    }
    row.Text(sc.confidence)
        .Number(sc.median_grade)
        .Number(sc.long_sentence_share ? std::optional<double>(100 * *sc.long_sentence_share)
                                       : std::nullopt)
        .Number(sc.wordy_per_1000);
    if (s.comparison && s.comparison->present) {
      const BodyComparison& cmp = *s.comparison;
      row.Number(cmp.before.index)
          .Number(cmp.before.index && sc.index
                      ? std::optional<double>(*sc.index - *cmp.before.index)
                      : std::nullopt)
          .Integer(static_cast<long long>(cmp.new_failures.size()))
          .Integer(static_cast<long long>(cmp.fixed_failures.size()));
    } else {
      row.Text("").Text("").Text("").Text("");
    }
    row.End();

    // pages.csv, findings.csv, EARL, the rules' tallies, and the body's JSON.
    nlohmann::json pages_json = nlohmann::json::array();
    std::map<std::string, size_t> rule_pages;  // pages of this body failing each rule
    for (const store::PageRecord& page : data->pages) {
      ++summary.pages;
      size_t failed_error = 0, failed_warning = 0, cant_tell = 0;
      nlohmann::json findings_json = nlohmann::json::array();
      std::set<std::string> failed_rules;
      for (const store::FindingRecord& f : page.findings) {
        ++summary.findings;
        bool failed = f.outcome == "failed";
        failed_error += failed && f.severity != "warning";
        failed_warning += failed && f.severity == "warning";
        cant_tell += f.outcome == "cantTell";
        const RuleMeta* meta = rules->Find(f.rule);
        CsvRow(findings_csv)
            .Integer(scan->id)
            .Text(body.body.id)
            .Text(page.url)
            .Text(f.rule)
            .Text(f.outcome)
            .Text(f.severity)
            .Text(meta ? meta->info.wcag : "")
            .Text(meta ? meta->info.en301549 : "")
            .Text(meta ? meta->info.act : "")
            .Text(f.selector)
            .Integer(f.line)
            .Integer(f.column)
            .Text(f.snippet)
            .Text(f.message)
            .End();
        findings_json.push_back({{"rule", f.rule},
                                 {"outcome", f.outcome},
                                 {"severity", f.severity},
                                 {"wcag", meta ? meta->wcag : std::vector<std::string>{}},
                                 {"en301549", meta ? meta->en301549 : std::vector<std::string>{}},
                                 {"act", meta ? meta->act : std::vector<std::string>{}},
                                 {"selector", f.selector},
                                 {"line", f.line},
                                 {"column", f.column},
                                 {"snippet", f.snippet},
                                 {"message", f.message}});
        if (meta == nullptr) {
          continue;
        }
        RuleAggregate& agg = by_rule[f.rule];
        agg.meta = meta;
        if (failed) {
          (f.severity == "warning" ? agg.failed_warning : agg.failed_error) += 1;
          if (failed_rules.insert(f.rule).second) {
            ++agg.pages_failed;
            ++rule_pages[f.rule];
          }
          if (agg.examples.size() < kExamplesPerRule &&
              (agg.examples.empty() || agg.examples.back().body_id != body.body.id)) {
            agg.examples.push_back({body.body.id, body.body.name, s.file,
                                    page.final_url.empty() ? page.url : page.final_url, f.selector,
                                    f.snippet, f.message});
          }
        } else {
          ++agg.cant_tell;
        }
      }
      CsvRow prow(pages_csv);
      prow.Integer(scan->id)
          .Text(body.body.id)
          .Text(page.url)
          .Text(page.final_url)
          .Integer(page.status)
          .Text(page.kind)
          .Text(page.title)
          .Text(page.lang)
          .Text(page.error)
          .Integer(static_cast<long long>(failed_error))
          .Integer(static_cast<long long>(failed_warning))
          .Integer(static_cast<long long>(cant_tell));
      if (page.text) {
        prow.Integer(static_cast<long long>(page.text->words))
            .Integer(static_cast<long long>(page.text->sentences))
            .Number(page.text->flesch_kincaid_grade)
            .Integer(static_cast<long long>(page.text->long_sentences));
      } else {
        prow.Text("").Text("").Text("").Text("");
      }
      prow.End();

      // EARL: one assertion per applicable rule and page.
      for (const store::RuleOutcomeRecord& r : page.rules) {
        nlohmann::json result{{"@type", "earl:TestResult"}, {"outcome", EarlOutcome(r.outcome)}};
        nlohmann::json pointers = nlohmann::json::array();
        std::string info;
        for (const store::FindingRecord& f : page.findings) {
          if (f.rule == r.rule && !f.selector.empty()) {
            pointers.push_back(
                {{"@type", "ptr:CSSSelectorPointer"}, {"ptr:expression", f.selector}});
            if (info.empty()) {
              info = f.message;
            }
          }
        }
        if (!pointers.empty()) {
          result["earl:pointer"] = std::move(pointers);
        }
        if (!info.empty()) {
          result["earl:info"] = info;
        }
        const RuleMeta* meta = rules->Find(r.rule);
        nlohmann::json test{{"@id", "https://plainsight.eu/rules/" + r.rule},
                            {"@type", "earl:TestCase"},
                            {"dct:title", meta ? meta->info.summary : r.rule}};
        if (meta != nullptr && !meta->act.empty()) {
          nlohmann::json parts = nlohmann::json::array();
          for (const std::string& act : meta->act) {
            parts.push_back("https://www.w3.org/WAI/standards-guidelines/act/rules/" + act + "/");
          }
          test["isPartOf"] = std::move(parts);
        }
        earl << ",\n"
             << nlohmann::json{{"@type", "earl:Assertion"},
                               {"assertedBy", "_:plainsight"},
                               {"mode", "earl:automatic"},
                               {"earl:subject",
                                {{"@id", page.final_url.empty() ? page.url : page.final_url},
                                 {"@type", {"earl:TestSubject", "WebPage"}},
                                 {"source", page.url}}},
                               {"earl:test", test},
                               {"earl:result", result}}
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }

      nlohmann::json pj{{"url", page.url},       {"final_url", page.final_url},
                        {"status", page.status}, {"type", page.kind},
                        {"title", page.title},   {"lang", page.lang},
                        {"error", page.error},   {"findings", std::move(findings_json)}};
      if (IsDocument(page)) {
        pj["linked_from"] = page.referrer;
      }
      if (page.text) {
        pj["text"] = {{"lang", page.text->lang},
                      {"words", page.text->words},
                      {"sentences", page.text->sentences},
                      {"long_sentences", page.text->long_sentences},
                      {"flesch_reading_ease", Optional(page.text->flesch_reading_ease)},
                      {"flesch_kincaid_grade", Optional(page.text->flesch_kincaid_grade)},
                      {"lix", Optional(page.text->lix)},
                      {"findings", page.text_findings.size()}};
      }
      pages_json.push_back(std::move(pj));
    }
    for (const auto& [rule_id, pages] : rule_pages) {
      RuleAggregate& agg = by_rule[rule_id];
      ++agg.bodies_failed;
      agg.pages_by_body.push_back({body.body.name, s.file, pages});
    }
    nlohmann::json site = nlohmann::json::array();
    for (const SiteCheck& check : data->site_checks) {
      nlohmann::json value = nlohmann::json::parse(check.value, nullptr, false);
      site.push_back({{"id", check.id},
                      {"outcome", check.outcome},
                      {"message", check.message},
                      {"value", value.is_discarded() ? nlohmann::json(check.value) : value}});
    }
    nlohmann::json bj{{"id", body.body.id},
                      {"name", body.body.name},
                      {"url", body.body.url},
                      {"sector", body.body.sector},
                      {"lang", body.body.lang},
                      {"state", store::BodyStateName(body.state)},
                      {"failure_reason", body.reason},
                      {"report_page", s.file},
                      {"scores", ScoresJson(s.scores)},
                      {"criteria", CriteriaJson(s.tally.criteria)},
                      {"site_checks", std::move(site)},
                      {"documents", DocumentsJson(TallyDocuments(*data))},
                      {"comparison", std::move(comparison)},
                      {"pages", std::move(pages_json)}};
    json << (first_body ? "" : ",\n")
         << bj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first_body = false;
    summaries.push_back(std::move(s));
  }

  // Rules: metadata with sector totals; a page for each rule that failed or needs review.
  json << "\n],\n\"rules\": [\n";
  bool first_rule = true;
  for (const auto& [id, meta] : rules->all()) {
    auto it = by_rule.find(id);
    nlohmann::json rj{{"id", id},
                      {"summary", meta.info.summary},
                      {"why", meta.info.why},
                      {"help", meta.info.help},
                      {"wcag", meta.wcag},
                      {"en301549", meta.en301549},
                      {"act", meta.act},
                      {"level", meta.info.level},
                      {"severity", meta.info.severity},
                      {"impact", meta.info.impact},
                      {"bodies_failed", it == by_rule.end() ? 0 : it->second.bodies_failed},
                      {"pages_failed", it == by_rule.end() ? 0 : it->second.pages_failed}};
    json << (first_rule ? "" : ",\n") << rj.dump();
    first_rule = false;
    if (it == by_rule.end()) {
      continue;
    }
    std::ofstream page;
    if (auto opened = Open(page, out_dir / RuleFile(id)); !opened) {
      return opened.error();
    }
    std::sort(it->second.pages_by_body.begin(), it->second.pages_by_body.end(),
              [](const auto& a, const auto& b) { return a.pages > b.pages; });
    WriteRulePage(page, context, it->second);
  }
  std::optional<double> median;
  if (!indices.empty()) {
    std::sort(indices.begin(), indices.end());
    size_t n = indices.size();
    median = n % 2 ? indices[n / 2] : (indices[n / 2 - 1] + indices[n / 2]) / 2;
  }
  if (median) {
    context.trend.push_back({"scan " + std::to_string(scan->id), *median});
  }
  json << "\n],\n\"sector\": "
       << nlohmann::json{{"bodies", summary.bodies},
                         {"pages", summary.pages},
                         {"findings", summary.findings},
                         {"median_index", Optional(median)}}
              .dump()
       << "\n}\n";
  earl << "\n]\n}\n";

  // The overview.
  std::vector<const RuleAggregate*> common;
  for (const auto& [id, agg] : by_rule) {
    if (agg.pages_failed > 0) {
      common.push_back(&agg);
    }
  }
  std::sort(common.begin(), common.end(), [](const RuleAggregate* a, const RuleAggregate* b) {
    return std::pair(a->bodies_failed, a->pages_failed) >
           std::pair(b->bodies_failed, b->pages_failed);
  });
  if (common.size() > kCommonFailures) {
    common.resize(kCommonFailures);
  }
  {
    std::ofstream index;
    if (auto opened = Open(index, out_dir / "index.html"); !opened) {
      return opened.error();
    }
    WriteIndexPage(index, context, summaries, common, summary.pages, summary.findings);
  }
  {
    std::ofstream pkg;
    if (auto opened = Open(pkg, out_dir / "datapackage.json"); !opened) {
      return opened.error();
    }
    DataPackageInfo info;
    info.name = "plainsight-scan-" + std::to_string(scan->id);
    info.title = context.title;
    info.description = "Accessibility and plain-language results of scan " +
                       std::to_string(scan->id) + " (" + scan->started_at +
                       "): one row per public body with its scores, one per page, one per "
                       "finding.";
    info.created = context.generated_at;
    info.tool_version = PLAINSIGHT_VERSION;
    pkg << DataPackage(info).dump(2) << "\n";
  }
  for (std::ofstream* f : {&bodies_csv, &pages_csv, &findings_csv, &json, &earl}) {
    f->flush();
    if (!*f) {
      return engine::Fail(engine::ErrorCode::kIo, "writing the report failed (disk full?)",
                          out_dir.string());
    }
  }
  summary.index_path = (out_dir / "index.html").string();
  return summary;
}

}  // namespace plainsight::reports
