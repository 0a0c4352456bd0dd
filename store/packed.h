// A page's many small records, packed into one text value per kind (schema version 2).
//
// A page carries about 15 findings, 45 rule outcomes and 25 plain-language findings. Stored as
// rows, that is some 85 rows and their index entries for every page, which cost a PostgreSQL
// server about as much CPU as auditing the page (bench/fleet). Packed, a page is one `pages` row
// (and its `text_metrics` row), whatever it holds. The views `findings`, `page_rules` and
// `text_findings` (schema.cpp) unpack the values again, so SQL written against the row tables
// of version 1 still reads the same columns.
//
// The format is JSON (RFC 8259), one array per record, the fields in the order of the view's
// columns:
//   findings_json       [[rule, outcome, severity, selector, line, col, snippet, message,
//                         document, span_start, span_end], ...]          in audit order
//   rules_json          [[rule, outcome, passed, failed, cant_tell], ...] sorted by rule (bytes)
//   text_findings_json  [[kind, severity, span_start, span_end, line, col, text, message,
//                         suggestion], ...]                               in analysis order
// Strings are written as valid UTF-8: an invalid sequence or a NUL byte becomes U+FFFD, as every
// text value in the PostgreSQL store does (pg_connection.h, CleanText).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"
#include "store/records.h"

namespace plainsight::store {

std::string PackFindings(const std::vector<FindingRecord>& findings);
// Sorts a copy by rule, so that every backend and every reader sees one order.
std::string PackRuleOutcomes(const std::vector<RuleOutcomeRecord>& rules);
std::string PackTextFindings(const std::vector<TextFindingRecord>& findings);

// The failed findings among `findings` (scan_bodies.failures sums them per body).
size_t CountFailed(const std::vector<FindingRecord>& findings);

// Read a packed value back, appending to `out`. Fail with kParse when the text is not the
// format above (a damaged store): the message says which value.
engine::Result<void> UnpackFindings(std::string_view json, std::vector<FindingRecord>& out);
engine::Result<void> UnpackRuleOutcomes(std::string_view json, std::vector<RuleOutcomeRecord>& out);
engine::Result<void> UnpackTextFindings(std::string_view json, std::vector<TextFindingRecord>& out);
// The three values of a pages row into `page`, as both stores read them back.
engine::Result<void> UnpackPage(std::string_view findings_json, std::string_view rules_json,
                                std::string_view text_findings_json, PageRecord& page);

}  // namespace plainsight::store
