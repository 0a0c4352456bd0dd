// WCAG success criteria by number: their names and the W3C "Understanding" page of each, for
// the links in reports and the helpUri of SARIF rules.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::reports {

// "Non-text Content" for "1.1.1"; "" for a number WCAG 2.2 (or 2.1, for 4.1.1) does not have.
std::string_view WcagCriterionName(std::string_view sc);

// https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html for "1.1.1" (4.1.1 Parsing,
// removed in 2.2, links to the 2.1 page); "" for an unknown number.
std::string WcagUnderstandingUrl(std::string_view sc);

// https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/ for "23a2a8".
std::string ActRuleUrl(std::string_view act_id);

}  // namespace plainsight::reports
