// The audit as a readable, accessible HTML page: a summary, then each page's failures and items
// to review, with the rule's explanation and fix. Self-contained (inline CSS, no script).
#pragma once

#include <ostream>
#include <span>

#include "reports/audit_report.h"

namespace plainsight::reports {

void WriteAuditHtml(std::span<const AuditedInput> inputs, std::ostream& out);

// WriteAuditHtml in parts, for a report written page by page: the head and summary (with the
// totals of every page), the table's row for input `index`, the end of the table, the section
// for input `index`, and the end of the page.
void WriteAuditHtmlStart(const AuditTotals& totals, std::ostream& out,
                         const ReportOptions& options = {});
void WriteAuditHtmlRow(size_t index, const AuditedInput& input, std::ostream& out);
void WriteAuditHtmlTableEnd(std::ostream& out);
void WriteAuditHtmlSection(size_t index, const AuditedInput& input, std::ostream& out);
void WriteAuditHtmlEnd(std::ostream& out);

// Escapes text for HTML element content and attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace plainsight::reports
