// The bypass-blocks verdicts (WCAG 2.2 SC 2.4.1 Bypass Blocks; ACT b40fd1, ye5d6e, 047fe0,
// 3e12e1 and the composite cf77f2): each rule of the family reports one verdict for the page,
// computed once here so that the composite rule can combine the atomic ones.
#pragma once

#include <string>

#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::rules::bypass {

// The bypass-blocks checks (WCAG 2.4.1), each a page-level verdict so that the composite rule
// (ACT cf77f2) can combine the atomic ones. Every check treats the site navigation of RegionsOf()
// (landmarks.h) as the presumed block of repeated content and the main landmarks as the
// non-repeated content.
struct Verdict {
  engine::Outcome outcome = engine::Outcome::kInapplicable;
  const engine::Node* node = nullptr;  // the element to point at (the html element by default)
  std::string message;
};

// ACT b40fd1: a main landmark with content.
Verdict MainLandmarkVerdict(const engine::Page& page);
// ACT ye5d6e: a skip link (same-page link or area that can be focused) to the main content.
Verdict SkipLinkVerdict(const engine::Page& page);
// ACT 047fe0: a heading at the start of the main content.
Verdict MainHeadingVerdict(const engine::Page& page);
// ACT 3e12e1: the repeated block can be collapsed.
Verdict CollapsibleVerdict(const engine::Page& page);
// Writes a verdict as a finding.
void Report(const Verdict& verdict, engine::Findings& out);

// The check of a rule that reports one of the verdicts above (VerdictOf) as it is.
template <Verdict (*VerdictOf)(const engine::Page&)>
void CheckVerdict(const engine::Page& page, engine::Findings& out) {
  Report(VerdictOf(page), out);
}

}  // namespace plainsight::rules::bypass
