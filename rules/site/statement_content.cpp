// site.statement-content: the accessibility statement has the sections of the EU model
// statement. Directive (EU) 2016/2102 Art. 7(1) (non-accessible content with reasons and
// alternatives; a feedback mechanism; a link to the enforcement procedure); Commission
// Implementing Decision (EU) 2018/1523, Annex (compliance status; non-accessible content with
// reasons (a) non-compliance, (b) disproportionate burden, (c) outside the scope; preparation:
// date and method; feedback and contact information; enforcement procedure).
// Interpretation: a section counts when a heading names it or its wording is there
// (engine/site/statement.h). Non-accessible content is required unless the statement says the
// site is fully compliant. A missing section fails as an error; a section that is there without
// its parts (reasons, the method, contact details, the link to the enforcement procedure)
// fails as a warning. A compliance status that names more than one status (the model's three
// options copied unchosen) needs a person.
#include "rules/catalog.h"
#include "rules/site/site_support.h"

namespace plainsight::rules {
namespace {

namespace es = engine::site;
using es::StatementSection;

constexpr std::string_view kRequirements[] = {
    "Directive (EU) 2016/2102, Art. 7(1)",
    "Commission Implementing Decision (EU) 2018/1523, Annex (model accessibility statement)",
};

constexpr std::string_view kHome =
    R"(<!DOCTYPE html><html lang="en"><title>Council</title><main><h1>Council</h1></main>
<footer><a href="/accessibility-statement">Accessibility statement</a></footer></html>)";

constexpr es::ExamplePage kFullPages[] = {
    {"https://www.council.ie/", kHome},
    {"https://www.council.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title><main>
<h1>Accessibility statement</h1>
<h2>Compliance status</h2><p>This website is partially compliant with WCAG 2.1 AA.</p>
<h2>Non-accessible content</h2><p>The content listed below is non-accessible for the following
reason: non-compliance with the Regulations. Some images lack text alternatives.</p>
<h2>Preparation of this accessibility statement</h2><p>This statement was prepared on
23 September 2024 by self-assessment.</p>
<h2>Feedback and contact information</h2><p>Email <a href="mailto:web@council.ie">web@council.ie</a>.</p>
<h2>Enforcement procedure</h2><p>If you are not happy with our response, contact the
<a href="https://www.ombudsman.ie/">Ombudsman</a>.</p></main></html>)"},
};
constexpr es::SiteExample kPasses[] = {{kFullPages}};

constexpr es::ExamplePage kThinPages[] = {
    {"https://www.council.ie/", kHome},
    {"https://www.council.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title><main>
<h1>Accessibility statement</h1><p>We are committed to accessibility. Please let us know of any
problems: <a href="mailto:web@council.ie">web@council.ie</a>.</p></main></html>)"},
};
constexpr es::ExamplePage kNoLinkPages[] = {
    {"https://www.council.ie/", kHome},
    {"https://www.council.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title><main>
<h1>Accessibility statement</h1>
<h2>Compliance status</h2><p>This website is fully compliant with WCAG 2.1 AA.</p>
<h2>Preparation of this accessibility statement</h2><p>This statement was prepared on
23 September 2024 by self-assessment.</p>
<h2>Feedback and contact information</h2><p>Email web@council.ie.</p>
<h2>Enforcement procedure</h2><p>If you are not happy with our response, you can complain to
the Ombudsman.</p></main></html>)"},
};
constexpr es::SiteExample kFails[] = {{kThinPages}, {kNoLinkPages}};

constexpr es::ExamplePage kUnchosenPages[] = {
    {"https://www.council.ie/", kHome},
    {"https://www.council.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title><main>
<h1>Accessibility statement</h1>
<h2>Compliance status</h2><p>This website is fully compliant with WCAG 2.1 AA.</p>
<p>This website is partially compliant with WCAG 2.1 AA due to the non-compliances listed
below.</p>
<h2>Non-accessible content</h2><p>The content listed below is non-accessible for the following
reason: non-compliance with the Regulations.</p>
<h2>Preparation of this accessibility statement</h2><p>This statement was prepared on
23 September 2024 by self-assessment.</p>
<h2>Feedback and contact information</h2><p>Email web@council.ie.</p>
<h2>Enforcement procedure</h2><p>Contact the <a href="https://www.ombudsman.ie/">Ombudsman</a>.</p>
</main></html>)"},
};
constexpr es::SiteExample kCantTell[] = {{kUnchosenPages}};

constexpr es::ExamplePage kNoStatementPages[] = {
    {"https://water.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Water Forum</title><main><h1>News</h1></main></html>)"},
};
constexpr es::SiteExample kInapplicable[] = {{kNoStatementPages}};

constexpr std::string_view kSectionWords[] = {
    "compliance status", "non-accessible content", "preparation of the statement",
    "feedback and contact information", "enforcement procedure"};

es::SiteResult Check(const es::SiteModel& site) {
  es::SiteResult r;
  const es::SitePage* page = site::StartOnStatement(site, r);
  if (page == nullptr) {
    return r;
  }
  const es::StatementSignals& s = *page->signals.statement;
  r.details["language"] = s.language;
  nlohmann::json sections = nlohmann::json::object();
  for (size_t i = 0; i < es::kStatementSectionCount; ++i) {
    const es::SectionFound& f = s.sections[i];
    sections[es::StatementSectionName(static_cast<StatementSection>(i))] = {
        {"found", f.found}, {"by_heading", f.by_heading}, {"evidence", f.evidence}};
  }
  r.details["sections"] = sections;
  r.details["compliance_status"] = es::ComplianceStatusName(s.status);
  r.details["compliance_status_evidence"] = s.status_evidence;
  r.details["reasons"] = {{"non_compliance", s.reason_non_compliance},
                          {"disproportionate_burden", s.reason_disproportionate_burden},
                          {"out_of_scope", s.reason_out_of_scope}};
  r.details["methods"] = {{"self_assessment", s.method_self_assessment},
                          {"third_party", s.method_third_party}};
  r.details["contacts"] = {{"emails", s.contacts.emails},
                           {"phones", s.contacts.phones},
                           {"contact_form_link", s.contact_form_link}};
  r.details["enforcement_links"] = s.enforcement_links;
  r.details["standards"] = s.standards;

  std::vector<std::string> missing;
  std::vector<std::string> incomplete;
  auto has = [&](StatementSection sec) { return s.section(sec).found; };
  if (!has(StatementSection::kComplianceStatus)) {
    missing.emplace_back(kSectionWords[0]);
  } else if (s.status == es::ComplianceStatus::kUnknown) {
    incomplete.emplace_back("the compliance status does not say fully, partially or not compliant");
  }
  bool fully = s.status == es::ComplianceStatus::kFull;
  if (!has(StatementSection::kNonAccessibleContent)) {
    if (!fully) {
      missing.emplace_back(kSectionWords[1]);
    }
  } else if (!s.reason_non_compliance && !s.reason_disproportionate_burden &&
             !s.reason_out_of_scope) {
    incomplete.emplace_back(
        "the non-accessible content gives no reason (non-compliance, disproportionate burden or "
        "outside the scope)");
  }
  if (!has(StatementSection::kPreparation)) {
    missing.emplace_back(kSectionWords[2]);
  } else if (!s.method_self_assessment && !s.method_third_party) {
    incomplete.emplace_back(
        "the preparation does not say how the statement was prepared (self-assessment or a third "
        "party)");
  }
  if (!has(StatementSection::kFeedback)) {
    missing.emplace_back(kSectionWords[3]);
  }
  if (s.contacts.emails.empty() && s.contacts.phones.empty() && !s.contact_form_link) {
    incomplete.emplace_back("no e-mail address, telephone number or feedback form is given");
  }
  if (!has(StatementSection::kEnforcement)) {
    missing.emplace_back(kSectionWords[4]);
  } else if (s.enforcement_links.empty()) {
    incomplete.emplace_back("the enforcement procedure is described but not linked");
  }
  r.details["missing"] = missing;
  r.details["incomplete"] = incomplete;

  size_t found = es::kStatementSectionCount - missing.size() -
                 (fully && !has(StatementSection::kNonAccessibleContent));
  std::string where = "The accessibility statement at " + page->final_url;
  if (!missing.empty()) {
    r.outcome = engine::Outcome::kFailed;
    r.severity = engine::Severity::kError;
    r.message = where + " lacks " + site::Count(missing.size(), "section", "sections") +
                " of the EU model statement: " + site::JoinList(missing) + "." +
                (incomplete.empty() ? "" : " Also: " + site::JoinList(incomplete) + ".");
    return r;
  }
  if (!incomplete.empty()) {
    r.outcome = engine::Outcome::kFailed;
    r.severity = engine::Severity::kWarning;
    r.message =
        where + " has the model statement's sections, but " + site::JoinList(incomplete) + ".";
    return r;
  }
  if (s.status == es::ComplianceStatus::kAmbiguous) {
    r.outcome = engine::Outcome::kCantTell;
    r.message = where +
                " has every section, but its compliance status names more than one status (fully, "
                "partially, not compliant): check which one applies.";
    return r;
  }
  r.outcome = engine::Outcome::kPassed;
  r.message = where + " has the model statement's " + std::to_string(found) +
              (found == 4 ? " sections (no non-accessible content: it says fully compliant)"
                          : " sections") +
              "; compliance status: " + es::ComplianceStatusName(s.status) + ".";
  return r;
}

}  // namespace

extern const es::SiteRule kSiteStatementContent{
    .id = "site.statement-content",
    .summary = "The accessibility statement has the sections of the EU model statement",
    .why =
        "People read the statement to learn what they cannot use, why, what to use instead, who "
        "to tell and where to complain when the answer is not good enough. A statement without "
        "these parts leaves them with nowhere to go.",
    .help =
        "Follow the model statement of Decision (EU) 2018/1523: a compliance status (fully, "
        "partially or not compliant), the non-accessible content with the reason for each "
        "(non-compliance, disproportionate burden, outside the scope), when and how the "
        "statement was prepared, a feedback mechanism with contact details, and a link to the "
        "enforcement procedure (in Ireland, the Office of the Ombudsman).",
    .requirements = kRequirements,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kError,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
