// site.statement-date: the accessibility statement says when it was prepared or last reviewed,
// and that was no more than a year before the scan. Commission Implementing Decision (EU)
// 2018/1523, Annex ("This statement was prepared on [date]", "last reviewed on [date]") and
// recital 3 (review and update statements regularly, and at least annually).
// Interpretation: the statement's date is the latest date the text calls its preparation,
// review or update ("prepared on", "last reviewed", "ullmhaíodh", "athbhreithniú",
// "nuashonraíodh"), or any date in its "Preparation" section; other dates (documents "published
// before 23 September 2018") are not it. A date with only a month counts as the month's first
// day. A year is max_age_days days.
#include "rules/catalog.h"
#include "rules/site/site_support.h"

namespace plainsight::rules {
namespace {

namespace es = engine::site;

constexpr double kMaxAgeDays = 365;
constexpr engine::RuleOption kOptions[] = {
    {"max_age_days", kMaxAgeDays,
     "A statement whose latest preparation or review date is more days before the scan fails."}};

constexpr std::string_view kRequirements[] = {
    "Commission Implementing Decision (EU) 2018/1523, Annex (preparation of the statement) and "
    "recital 3 (review at least annually)",
    "Directive (EU) 2016/2102, Art. 7(1) (a detailed, comprehensive and clear statement, "
    "regularly updated)",
};

constexpr std::string_view kHome =
    R"(<!DOCTYPE html><html lang="en"><title>Council</title><main><h1>Council</h1></main>
<footer><a href="/accessibility-statement">Accessibility statement</a></footer></html>)";

// The examples are judged on 30 June 2025 (kExampleScanDate).
constexpr es::ExamplePage kRecentPages[] = {
    {"https://www.council.ie/", kHome},
    {"https://www.council.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title><main>
<h1>Accessibility statement</h1><h2>Preparation of this accessibility statement</h2>
<p>This statement was prepared on 23 September 2022. It was last reviewed on 1/3/2025.</p>
</main></html>)"},
};
constexpr es::ExamplePage kIrishRecentPages[] = {
    {"https://www.comhairle.ie/ga/",
     R"(<!DOCTYPE html><html lang="ga"><title>An Chomhairle</title>
<footer><a href="/ga/raiteas">Ráiteas inrochtaineachta</a></footer></html>)"},
    {"https://www.comhairle.ie/ga/raiteas",
     R"(<!DOCTYPE html><html lang="ga"><title>Ráiteas Inrochtaineachta</title><main>
<h1>Ráiteas Inrochtaineachta</h1><p>Ullmhaíodh an ráiteas seo ar an 10 Meán Fómhair 2024.</p>
</main></html>)"},
};
constexpr es::SiteExample kPasses[] = {{kRecentPages}, {kIrishRecentPages}};

constexpr es::ExamplePage kOldPages[] = {
    {"https://www.council.ie/", kHome},
    {"https://www.council.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title><main>
<h1>Accessibility statement</h1><p>This statement was prepared on 23 September 2020. Documents
published before 23 September 2018 are exempt.</p></main></html>)"},
};
constexpr es::ExamplePage kUndatedPages[] = {
    {"https://www.council.ie/", kHome},
    {"https://www.council.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title><main>
<h1>Accessibility statement</h1><p>This website is partially compliant with WCAG 2.1 AA.</p>
</main></html>)"},
};
constexpr es::SiteExample kFails[] = {{kOldPages}, {kUndatedPages}};

constexpr es::ExamplePage kUnreadablePages[] = {
    {"https://www.council.ie/", kHome},
    {"https://www.council.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title><main>
<h1>Accessibility statement</h1><h2>Preparation of this accessibility statement</h2>
<p>This statement was prepared in the autumn after the website was relaunched.</p></main></html>)"},
};
constexpr es::SiteExample kCantTell[] = {{kUnreadablePages}};

constexpr es::ExamplePage kNoStatementPages[] = {
    {"https://water.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Water Forum</title><main><h1>News</h1></main></html>)"},
};
constexpr es::SiteExample kInapplicable[] = {{kNoStatementPages}};

es::SiteResult Check(const es::SiteModel& site) {
  es::SiteResult r;
  const es::SitePage* page = site::StartOnStatement(site, r);
  if (page == nullptr) {
    return r;
  }
  const es::StatementSignals& s = *page->signals.statement;
  r.details["scan_date"] = site.scan_date;
  r.details["max_age_days"] = kMaxAgeDays;
  nlohmann::json dates = nlohmann::json::array();
  const es::StatementDate* latest = nullptr;
  for (const es::StatementDate& d : s.dates) {
    if (dates.size() < site::kMaxEvidence) {
      dates.push_back({{"date", d.date.Iso()},
                       {"kind", es::StatementDateKindName(d.kind)},
                       {"in_preparation_section", d.in_preparation_section},
                       {"context", d.context}});
    }
    bool counts = d.kind != es::StatementDate::Kind::kOther || d.in_preparation_section;
    if (counts && (latest == nullptr || d.date.Days() > latest->date.Days())) {
      latest = &d;
    }
  }
  r.details["dates"] = dates;
  std::string where = "The accessibility statement at " + page->final_url;
  if (latest == nullptr) {
    const es::SectionFound& prep = s.section(es::StatementSection::kPreparation);
    if (prep.found) {
      r.outcome = engine::Outcome::kCantTell;
      r.message = where + " has a preparation section (\"" + prep.evidence +
                  "\") but no date plainsight can read in it: check its date by hand.";
    } else {
      r.outcome = engine::Outcome::kFailed;
      r.severity = engine::Severity::kWarning;
      r.message = where +
                  " does not say when it was prepared or last reviewed (the model statement "
                  "says \"This statement was prepared on [date]\").";
    }
    return r;
  }
  r.details["statement_date"] = latest->date.Iso();
  r.details["statement_date_kind"] = es::StatementDateKindName(latest->kind);
  auto scan = es::ParseIsoDate(site.scan_date);
  if (!scan) {
    r.outcome = engine::Outcome::kCantTell;
    r.message = where + " is dated " + latest->date.Iso() +
                ", but the scan's date is unknown, so its age cannot be worked out.";
    return r;
  }
  int64_t age = scan->Days() - latest->date.Days();
  r.details["age_days"] = age;
  std::string dated =
      std::string(" was ") + es::StatementDateKindName(latest->kind) + " " + latest->date.Iso();
  if (latest->kind == es::StatementDate::Kind::kOther) {
    dated = " is dated " + latest->date.Iso();
  }
  if (age < 0) {
    r.outcome = engine::Outcome::kCantTell;
    r.message =
        where + dated + ", after the scan (" + site.scan_date + "): check the date by hand.";
    return r;
  }
  if (age > static_cast<int64_t>(kMaxAgeDays)) {
    r.outcome = engine::Outcome::kFailed;
    r.severity = engine::Severity::kError;
    r.message = where + dated + ", " + std::to_string(age) +
                " days before the scan: more than a year old. Review and update it at least once "
                "a year.";
    return r;
  }
  r.outcome = engine::Outcome::kPassed;
  r.message = where + dated + ", " + std::to_string(age) + " days before the scan.";
  return r;
}

}  // namespace

extern const es::SiteRule kSiteStatementDate{
    .id = "site.statement-date",
    .summary = "The accessibility statement was prepared or reviewed in the year before the scan",
    .why =
        "Sites change every week. A statement that has not been reviewed for more than a year "
        "no longer tells people what they cannot use or what the body is doing about it.",
    .help =
        "Review the statement at least once a year, after testing the site again, and say so: "
        "\"This statement was prepared on 23 September 2024. It was last reviewed on 1 March "
        "2025.\"",
    .requirements = kRequirements,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kError,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions};

}  // namespace plainsight::rules
