// The per-page audit and its conversion to a store record.
#include "audit/page_auditor.h"

#include <optional>

#include <nlohmann/json.hpp>

#include "audit/ignore.h"
#include "engine/text/analysis_json.h"
#include "store/store.h"

namespace plainsight::audit {

PageAuditor::PageAuditor(const Settings& settings, std::string* text_off_reason)
    : settings_(settings), page_rules_(settings.rules) {
  if (!settings.text) {
    return;
  }
  auto analyser = engine::text::Analyser::Create();
  if (analyser) {
    analyser_ = std::move(*analyser);
  } else if (text_off_reason != nullptr) {
    *text_off_reason = analyser.error().ToString();
  }
}

PageAuditor::~PageAuditor() = default;

PageResult PageAuditor::Audit(const engine::Page& page, std::string source) {
  PageResult out;
  reports::AuditedInput& item = out.input;
  item.source = std::move(source);
  // The plain-language analysis first: its working memory (the page's text and its facts) is
  // gone before the page rules build their caches and findings, so the two do not add up.
  std::optional<engine::Result<engine::text::TextAnalysis>> analysis;
  if (analyser_ && !page.document().is_xml()) {
    engine::text::AnalysisOptions options;
    // Spelling and language detection are for writers' drafts (plainsight text); on every
    // crawled page they would flag names of places and people by the hundred.
    options.spelling = false;
    analysis.emplace(analyser_->AnalyseDocument(page.document(), settings_.rules, options));
  }
  engine::RunOptions run = settings_.run;
  run.keep_passed = run.locate_passed;  // passed targets are listed only when located (--passes)
  item.audit = engine::RunRules(page, page_rules_, run);
  if (analysis && *analysis) {
    engine::text::TextAnalysis& a = **analysis;
    // The text rules' results join the page rules' (catalogue order: text.* come last).
    for (engine::RuleResult& r : a.rules) {
      item.audit.results.push_back(std::move(r));
    }
    a.rules.clear();
    item.extra["text"] = engine::text::AnalysisToJson(a, false, true);
    out.text = std::move(a);
  } else if (analysis) {
    item.audit.warnings.push_back("plain-language analysis failed: " + analysis->error().message);
  }
  // Reviewed false positives go, while the findings still point into the page's elements.
  if (settings_.ignore != nullptr && !settings_.ignore->empty()) {
    nlohmann::json ignored = settings_.ignore->Apply(item.audit, item.source);
    if (!ignored.empty()) {
      item.extra["ignored"] = std::move(ignored);
    }
  }
  // The findings keep pointers into the page only for locating them, which the runner did.
  for (engine::RuleResult& r : item.audit.results) {
    for (engine::Finding& f : r.findings) {
      f.node = nullptr;
    }
  }
  return out;
}

PageResult PageAuditor::AuditDocument(std::string_view bytes, engine::documents::DocumentType type,
                                      std::string url, std::string source) {
  PageResult out;
  reports::AuditedInput& item = out.input;
  item.source = std::move(source);
  engine::documents::DocumentAuditOptions options;
  options.run = settings_.run;
  options.run.keep_passed = options.run.locate_passed;
  if (settings_.text) {
    options.analyser = analyser_.get();
  }
  options.analysis.spelling = false;  // as for pages
  auto audit =
      engine::documents::AuditDocument(bytes, type, std::move(url), settings_.rules, options);
  if (!audit) {
    item.error = audit.error().message;
    item.audit.type = engine::documents::DocumentTypeName(type);
    return out;
  }
  item.audit = std::move(audit->audit);
  if (audit->analysis) {
    audit->analysis->rules.clear();  // already in item.audit.results
    item.extra["text"] = engine::text::AnalysisToJson(*audit->analysis, false, true);
    out.text = std::move(audit->analysis);
  }
  return out;
}

store::PageRecord ToPageRecord(const FetchFacts& fetch, const PageResult* result) {
  store::PageRecord page;
  page.url = fetch.url;
  page.final_url = fetch.final_url.empty() ? fetch.url : fetch.final_url;
  page.status = fetch.status;
  page.kind = fetch.kind;
  page.content_type = fetch.content_type;
  page.size = fetch.size;
  page.fetch_ms = fetch.fetch_ms;
  page.fetched_at = store::NowUtc();
  page.depth = fetch.depth;
  page.referrer = fetch.referrer;
  page.sample_reason = fetch.sample_reason;
  page.redirects = fetch.redirects;
  page.error = fetch.error;
  page.error_code = fetch.error_code;
  page.warnings = "[]";
  if (result == nullptr) {
    return page;
  }
  const reports::AuditedInput& input = result->input;
  if (!input.error.empty()) {
    page.error = input.error;
    page.error_code = page.error_code.empty() ? "parse" : page.error_code;
    return page;
  }
  const engine::PageAudit& audit = input.audit;
  page.title = audit.title;
  page.lang = audit.lang;
  page.warnings = nlohmann::json(audit.warnings).dump();
  for (const engine::RuleResult& r : audit.results) {
    if (r.outcome == engine::Outcome::kInapplicable) {
      continue;  // absence in the store means inapplicable
    }
    store::RuleOutcomeRecord outcome;
    outcome.rule = std::string(r.rule->id);
    outcome.outcome = engine::OutcomeName(r.outcome);
    const bool advice = engine::IsAdvice(*r.rule);
    outcome.passed = r.passed;
    for (const engine::Finding& f : r.findings) {
      switch (f.outcome) {
        case engine::Outcome::kPassed:
          break;  // counted in r.passed, kept or not
        case engine::Outcome::kFailed:
          ++outcome.failed;
          break;
        case engine::Outcome::kCantTell:
          ++outcome.cant_tell;
          break;
        case engine::Outcome::kInapplicable:
          break;
      }
      if (f.outcome != engine::Outcome::kFailed && f.outcome != engine::Outcome::kCantTell) {
        continue;
      }
      if (advice && !f.compat_kind().empty()) {
        continue;  // plain-language advice is stored once, as a text_findings row (below)
      }
      store::FindingRecord rec;
      rec.rule = outcome.rule;
      rec.outcome = engine::OutcomeName(f.outcome);
      rec.severity = engine::SeverityName(f.severity);
      rec.selector = f.selector;
      rec.line = f.position.line;
      rec.column = f.position.column;
      rec.snippet = f.snippet;
      rec.message = f.message;
      rec.document = f.document_url();
      rec.span_start = f.span.start;
      rec.span_end = f.span.end;
      page.findings.push_back(std::move(rec));
    }
    page.rules.push_back(std::move(outcome));
  }
  if (auto it = input.extra.find("text"); it != input.extra.end()) {
    // The findings are stored as rows (text_findings); the JSON keeps the rest (languages,
    // every metric, notes).
    nlohmann::json text = *it;
    text.erase("findings");
    page.text_json = text.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (result->text) {
    const engine::text::TextAnalysis& t = *result->text;
    store::TextMetricsRecord m;
    m.lang = t.lang;
    m.words = t.metrics.counts.words;
    m.sentences = t.metrics.counts.sentences;
    m.syllables = t.metrics.counts.syllables;
    m.paragraphs = t.metrics.counts.paragraphs;
    m.flesch_reading_ease = t.metrics.flesch_reading_ease;
    m.flesch_kincaid_grade = t.metrics.flesch_kincaid_grade;
    m.lix = t.metrics.lix;
    m.average_sentence_length = t.metrics.average_sentence_length;
    for (const engine::text::TextFinding& f : t.findings) {
      m.long_sentences += f.kind == "long-sentence";
      // One severity scale in the store: plain-language findings are notices (advice).
      page.text_findings.push_back({f.kind, engine::SeverityName(engine::Severity::kNotice),
                                    f.start, f.end, f.line, f.column, f.text, f.message,
                                    f.suggestion});
    }
    page.text = std::move(m);
  }
  return page;
}

}  // namespace plainsight::audit
