// Accessibility statements: is a page one, and which parts of the EU model accessibility
// statement does it have? The model is the Annex of Commission Implementing Decision (EU)
// 2018/1523; Directive (EU) 2016/2102 Article 7(1) says what a statement must hold.
//
// The model's sections, and what is looked for in each (English and Irish; statements on Irish
// public bodies' sites follow the model loosely, so headings and body wording both count):
//  - Compliance status: "[website] is fully / partially / not compliant with [...]"; Irish
//    "Stádas comhlíonta", "lánchomhlíontach", "páirtchomhlíontach", "neamhchomhlíontach".
//  - Non-accessible content, with the reasons: "(a) non-compliance with [...]",
//    "(b) disproportionate burden", "(c) the content is not within the scope of the applicable
//    legislation"; Irish "ábhar neamh-inrochtana", "ualach díréireach", "raon feidhme".
//  - Preparation of this accessibility statement: "This statement was prepared on [date]", the
//    method (self-assessment by the body, or assessment by a third party), "last reviewed on
//    [date]"; Irish "Ullmhú an ráitis", "Ullmhaíodh an ráiteas", "féinmheasúnú", "tríú páirtí".
//  - Feedback and contact information: a description of and link to the feedback mechanism and
//    the contact details of who handles it; Irish "Aiseolas agus sonraí teagmhála".
//  - Enforcement procedure: a description of and link to it, for an unsatisfactory response;
//    Irish "Nós imeachta forfheidhmithe". In Ireland this is a complaint to the Ombudsman.
// Interpretation: no Irish-language text of Decision 2018/1523 was published (the Official
// Journal edition covers 23 languages, not Irish), so the Irish wording is that of Irish public
// bodies' own statements.
#pragma once

#include <string_view>
#include <vector>

#include "engine/dom.h"
#include "engine/site/signals.h"

namespace plainsight::engine::site {

// Does this text (a title, heading or link text) name an accessibility statement outright
// ("Accessibility statement", "Ráiteas inrochtaineachta")?
bool NamesStatement(std::string_view text);
// Does it name accessibility at all ("Accessibility", "Inrochtaineacht")?
bool NamesAccessibility(std::string_view text);
// Does this URL's path name accessibility ("/accessibility", "/ga/inrochtaineacht")?
bool UrlNamesAccessibility(std::string_view url);
// How many of the model statement's section headings are among `headings`.
int CountSectionHeadings(const std::vector<std::string>& headings);

// Analyses a page as an accessibility statement. `links` are the page's links (with offsets),
// `title` and `main_heading` as in PageSignals. Sets is_statement as StatementSignals says.
StatementSignals AnalyseStatement(const Document& document, const std::vector<LinkSignal>& links,
                                  std::string_view title, std::string_view main_heading);

}  // namespace plainsight::engine::site
