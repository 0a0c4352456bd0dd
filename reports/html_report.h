// The audit as a readable, accessible HTML page: a summary, then each page's failures and items
// to review, with the rule's explanation and fix. Self-contained (inline CSS, no script).
#pragma once

#include <ostream>
#include <span>

#include "reports/audit_report.h"

namespace plainsight::reports {

void WriteAuditHtml(std::span<const AuditedInput> inputs, std::ostream& out);

// Escapes text for HTML element content and attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace plainsight::reports
