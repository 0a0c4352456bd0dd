// What a scan store holds, as plain values: no database type, no DOM pointer. The audit
// pipeline fills these from a page's audit (audit/), a store writes and reads them (store.h),
// and reports read them back (reports/). Every field is a copy, so a record outlives the page it
// came from and can cross threads and processes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plainsight::store {

// A public body as listed in BODIES.csv: `id,name,url[,sector][,lang]`.
struct Body {
  std::string id;
  std::string name;
  std::string url;
  std::string sector;
  std::string lang;
};

// A rule's metadata as it was when the scan ran, so that a report shows the help text of the
// rules that produced its findings (lists joined with ", ").
struct RuleInfo {
  std::string id;
  std::string summary;
  std::string why;
  std::string help;
  std::string wcag;      // "1.1.1, 4.1.2"
  std::string en301549;  // "9.1.1.1"
  std::string act;       // "23a2a8"
  std::string level;     // "A", "AA", "AAA"
  std::string severity;  // of a failure: "error" or "warning"
  std::string impact;    // "critical", "serious", "moderate", "minor"
};

enum class ScanStatus { kRunning, kInterrupted, kDone, kQueued };
// "running", "interrupted", "done", "queued".
const char* ScanStatusName(ScanStatus status) noexcept;
std::optional<ScanStatus> ParseScanStatus(std::string_view name) noexcept;

struct ScanInfo {
  int64_t id = 0;
  std::string started_at;   // ISO 8601 UTC, "2026-12-06T10:15:00Z"
  std::string finished_at;  // "" while running
  ScanStatus status = ScanStatus::kRunning;
  std::string tool_version;
  std::string options;  // JSON: the scan's settings (level, max pages, sample, crawl flags)
  std::string source;   // where the bodies came from (the CSV path as given)
  size_t bodies = 0;
};

// Where one body stands in one scan.
enum class BodyState { kPending, kRunning, kDone, kFailed };
// "pending", "running", "done", "failed".
const char* BodyStateName(BodyState state) noexcept;
std::optional<BodyState> ParseBodyState(std::string_view name) noexcept;

struct ScanBody {
  Body body;
  BodyState state = BodyState::kPending;
  std::string reason;   // for kFailed: why no page could be audited
  size_t pages = 0;     // stored pages and documents (fetch errors included)
  size_t errors = 0;    // of which fetch or parse errors
  size_t failures = 0;  // failed findings on the stored pages
  std::string started_at;
  std::string finished_at;
  int attempts = 0;         // times a crawl of this body started (resumes, expired leases)
  std::string lease_owner;  // fleet workers: who holds the body now
  std::string lease_until;  // and until when (ISO 8601 UTC)
};

struct FindingRecord {
  std::string rule;
  std::string outcome;   // "failed", "cantTell", "passed"
  std::string severity;  // "error", "warning", "notice"
  std::string selector;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string snippet;
  std::string message;
  std::string document;  // the iframe's URL when the target is inside one
  uint32_t span_start = 0;
  uint32_t span_end = 0;
};

// A rule's outcome on a whole page, with its target counts: the basis of per-criterion pass and
// fail rates in scores.
struct RuleOutcomeRecord {
  std::string rule;
  std::string outcome;  // "passed", "failed", "cantTell", "inapplicable"
  uint32_t passed = 0;
  uint32_t failed = 0;
  uint32_t cant_tell = 0;
};

// The plain-language figures of a page's main text.
struct TextMetricsRecord {
  std::string lang;
  uint64_t words = 0;
  uint64_t sentences = 0;
  uint64_t syllables = 0;
  uint64_t paragraphs = 0;
  uint64_t long_sentences = 0;  // sentences over the long-sentence threshold
  std::optional<double> flesch_reading_ease;
  std::optional<double> flesch_kincaid_grade;
  std::optional<double> lix;
  std::optional<double> average_sentence_length;
};

struct TextFindingRecord {
  std::string kind;  // "long-sentence", "wordy-phrase", ... (docs/text.md)
  std::string severity;
  uint32_t start = 0;  // byte offsets into the page's decoded source
  uint32_t end = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string text;
  std::string message;
  std::string suggestion;
};

// One fetched page or document of a body, with everything found on it. Fetch failures are pages
// too (status and error set, nothing audited).
struct PageRecord {
  int64_t id = 0;  // assigned by the store
  int64_t scan_id = 0;
  std::string body_id;
  std::string url;        // as discovered (normalised): the key within a body and scan
  std::string final_url;  // after redirects
  int status = 0;         // HTTP status; 0 when no response
  std::string kind;       // "html", "pdf", "docx", "odt", "xlsx", "pptx", "other"
  std::string content_type;
  uint64_t size = 0;
  double fetch_ms = 0;
  std::string fetched_at;  // ISO 8601 UTC
  int depth = 0;
  std::string referrer;
  std::string sample_reason;
  std::string title;
  std::string lang;
  std::string error;       // why it could not be fetched or audited ("" when audited)
  std::string error_code;  // engine::ErrorCodeName
  std::string redirects;   // JSON array of the URLs before final_url
  std::string warnings;    // JSON array of strings
  std::string text_json;   // the page's plain-language analysis ("text" of the audit JSON)
  std::vector<FindingRecord> findings;  // failed and cantTell targets
  std::vector<RuleOutcomeRecord> rules;
  std::optional<TextMetricsRecord> text;
  std::vector<TextFindingRecord> text_findings;
};

// Why a URL of a body was not fetched (crawler::SkipReason names).
struct SkipRecord {
  int64_t scan_id = 0;
  std::string body_id;
  std::string url;
  std::string referrer;
  std::string reason;  // "robots", "scope", "trap", "limit", "duplicate", "invalid"
  std::string detail;
};

// A site-level fact about a body in a scan (accessibility statement found, Irish version...),
// as JSON. The scoring issue defines the names.
struct SiteFact {
  int64_t scan_id = 0;
  std::string body_id;
  std::string name;
  std::string value;  // JSON
};

}  // namespace plainsight::store
