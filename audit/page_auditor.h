// Audits one page: the rules, then the plain-language analysis of its main content. One
// PageAuditor per thread (the text analyser keeps per-thread caches); a page is audited on the
// thread that built it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "audit/settings.h"
#include "engine/documents/document_audit.h"
#include "engine/page.h"
#include "engine/text/analyser.h"
#include "reports/audit_report.h"
#include "store/records.h"

namespace plainsight::audit {

// A page's audit, detached from the page: it can outlive the DOM and cross threads.
struct PageResult {
  reports::AuditedInput input;                     // what the report writers take
  std::optional<engine::text::TextAnalysis> text;  // typed, for the store
};

class PageAuditor {
 public:
  // `text_off_reason` receives why the plain-language analysis is off when its data cannot be
  // loaded (the audit still runs); empty otherwise.
  explicit PageAuditor(const Settings& settings, std::string* text_off_reason = nullptr);
  ~PageAuditor();

  // Runs the rules and the text analysis on `page`; `source` is the path or URL as given.
  PageResult Audit(const engine::Page& page, std::string source);

  // A PDF, DOCX or ODT document's bytes, audited like a page (engine/documents): the document
  // rules among the settings' rules, then the analysis of its text. A document that cannot be
  // read comes back with input.error saying why (and input.audit.type set).
  PageResult AuditDocument(std::string_view bytes, engine::documents::DocumentType type,
                           std::string url, std::string source);

 private:
  const Settings& settings_;
  engine::PreparedRules page_rules_;  // settings_.rules, prepared once for every page
  std::unique_ptr<engine::text::Analyser> analyser_;
};

// What the crawler or the file reader knew about a page before it was audited.
struct FetchFacts {
  std::string url;
  std::string final_url;
  int status = 0;
  std::string kind = "html";
  std::string content_type;
  uint64_t size = 0;
  double fetch_ms = 0;
  int depth = 0;
  std::string referrer;
  std::string sample_reason;
  std::string redirects = "[]";  // JSON array
  std::string error;             // why it could not be fetched or parsed
  std::string error_code;
};

// The store's record of a page: its fetch facts and, when audited, its findings (failed and
// cantTell targets), each applicable rule's outcome and the text figures.
store::PageRecord ToPageRecord(const FetchFacts& fetch, const PageResult* result);

}  // namespace plainsight::audit
