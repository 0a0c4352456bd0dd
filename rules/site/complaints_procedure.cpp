// site.complaints-procedure: the body says how to make a complaint.
// Irish public-sector commitments: the Principles of Quality Customer Service (a well
// publicised, accessible, transparent and simple system for comments, complaints and appeals);
// the Disability Act 2005, s. 38 (complaints about a public body's accessible services); the
// Ombudsman's guidance on internal complaint systems.
// Interpretation: found by a page whose title or main heading names it, or a link named for it
// ("Complaints procedure", "Make a complaint", "Comments and complaints", "Gearáin", "Gearán a
// dhéanamh"), on any crawled page.
#include "rules/catalog.h"
#include "rules/site/site_support.h"

namespace plainsight::rules {
namespace {

namespace es = engine::site;

constexpr std::string_view kRequirements[] = {
    "Irish public-sector commitments: Principles of Quality Customer Service (comments, "
    "complaints and appeals)",
    "Disability Act 2005 (Ireland), s. 38 (complaints about accessible services)",
};

constexpr es::ExamplePage kLinkedPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Council</title><main><h1>Council</h1></main>
<footer><a href="/make-a-complaint">Make a complaint</a></footer></html>)"},
};
constexpr es::ExamplePage kPagePages[] = {
    {"https://www.agency.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Agency</title><main><h1>Agency</h1>
<a href="/about">About us</a></main></html>)"},
    {"https://www.agency.ie/about/complaints",
     R"(<!DOCTYPE html><html lang="en"><title>Comments, compliments and complaints</title>
<main><h1>Comments, compliments and complaints</h1></main></html>)"},
};
constexpr es::ExamplePage kIrishPages[] = {
    {"https://www.comhairle.ie/ga/",
     R"(<!DOCTYPE html><html lang="ga"><title>An Chomhairle</title>
<footer><a href="/ga/gearain">Gearán a dhéanamh</a></footer></html>)"},
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
      site, es::kTopicComplaints, &es::PageSignals::is_complaints_page, "a complaints procedure",
      "links and page titles such as \"Complaints procedure\", \"Make a complaint\", \"Comments "
      "and complaints\", \"Gearáin\"");
}

}  // namespace

extern const es::SiteRule kSiteComplaintsProcedure{
    .id = "site.complaints-procedure",
    .summary = "The site says how to make a complaint",
    .why =
        "People who are badly served, including those who cannot use the site or its documents, "
        "need a clear and simple way to complain and to know what happens next.",
    .help =
        "Publish your complaints procedure as a web page (how to complain, by which channels, "
        "how long a reply takes, how to appeal and when to go to the Ombudsman) and link to it "
        "from the home page or footer.",
    .requirements = kRequirements,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules
