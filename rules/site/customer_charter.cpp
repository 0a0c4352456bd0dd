// site.customer-charter: the body publishes a customer charter or customer action plan.
// Irish public-sector commitments: under the Quality Customer Service initiative, Government
// departments, offices and other public bodies publish a Customer Charter (the standards of
// service people can expect) and a Customer Action Plan (how they will deliver them).
// Interpretation: found by a page whose title or main heading names it, or a link named for it
// ("Customer charter", "Customer service charter", "Customer action plan", "Cairt
// custaiméirí"), on any crawled page; a charter published as a PDF counts.
#include "rules/catalog.h"
#include "rules/site/site_support.h"

namespace plainsight::rules {
namespace {

namespace es = engine::site;

constexpr std::string_view kRequirements[] = {
    "Irish public-sector commitments: Quality Customer Service (Customer Charter and Customer "
    "Action Plan)",
};

constexpr es::ExamplePage kLinkedPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Council</title><main><h1>Council</h1></main>
<footer><a href="/about/customer-charter">Customer Charter</a></footer></html>)"},
};
constexpr es::ExamplePage kPagePages[] = {
    {"https://www.dept.gov.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Department</title><main><h1>Department</h1>
<a href="/publications/">Publications</a></main></html>)"},
    {"https://www.dept.gov.ie/publications/cap",
     R"(<!DOCTYPE html><html lang="en"><title>Customer Action Plan 2024-2026</title>
<main><h1>Customer Action Plan 2024-2026</h1></main></html>)"},
};
constexpr es::ExamplePage kIrishPages[] = {
    {"https://www.comhairle.ie/ga/",
     R"(<!DOCTYPE html><html lang="ga"><title>An Chomhairle</title>
<footer><a href="/ga/cairt.pdf">Cairt Custaiméirí</a></footer></html>)"},
};
constexpr es::SiteExample kPasses[] = {{kLinkedPages}, {kPagePages}, {kIrishPages}};

constexpr es::ExamplePage kNonePages[] = {
    {"https://water.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Water Forum</title><main><h1>News</h1>
<a href="/about">About us</a></main></html>)"},
};
constexpr es::SiteExample kFails[] = {{kNonePages}};

constexpr es::SiteExample kInapplicable[] = {{}};

es::SiteResult Check(const es::SiteModel& site) {
  return site::CheckOfferedPage(
      site, es::kTopicCharter, &es::PageSignals::is_charter_page,
      "a customer charter or customer action plan",
      "links and page titles such as \"Customer charter\", \"Customer action plan\", \"Cairt "
      "custaiméirí\"");
}

}  // namespace

extern const es::SiteRule kSiteCustomerCharter{
    .id = "site.customer-charter",
    .summary = "The site offers a customer charter or customer action plan",
    .why =
        "A customer charter tells people what service they can expect, in what time, in which "
        "languages and formats, and what to do when the body falls short of it.",
    .help =
        "Publish your Customer Charter (and Customer Action Plan) as a web page and link to it "
        "from the home page or the footer, named \"Customer charter\".",
    .requirements = kRequirements,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
