// site.accessibility-statement: the body publishes an accessibility statement and links to it
// from its home page. Directive (EU) 2016/2102 Art. 7(1): public sector bodies provide a
// statement on their websites' compliance; Commission Implementing Decision (EU) 2018/1523,
// recital 4: make it reachable from every page (in practice, a footer link).
// Interpretation: the statement is found by links named "Accessibility", "Accessibility
// statement", "Inrochtaineacht" or "Ráiteas inrochtaineachta", by the crawl, and when neither
// finds it by the common paths plainsight tries after the crawl (/accessibility,
// /accessibility-statement, /ga/inrochtaineacht...). A page is a statement when its title or
// main heading says so or it has the model statement's sections (engine/site/statement.h).
// A statement that only a common path finds, or that the home page does not link to, fails as
// a warning: people cannot find it.
#include "rules/catalog.h"
#include "rules/site/site_support.h"

namespace plainsight::rules {
namespace {

namespace es = engine::site;
using site::AddEvidence;

constexpr std::string_view kRequirements[] = {
    "Directive (EU) 2016/2102, Art. 7(1)",
    "Commission Implementing Decision (EU) 2018/1523, Annex and recital 4",
    "S.I. No. 358/2020 (the Irish transposition of Directive (EU) 2016/2102)",
};

constexpr es::ExamplePage kPassPages[] = {
    {"https://www.ballykeeran.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Ballykeeran County Council</title>
<main><h1>Ballykeeran County Council</h1></main>
<footer><a href="/accessibility-statement">Accessibility statement</a></footer></html>)"},
    {"https://www.ballykeeran.ie/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title>
<main><h1>Accessibility statement</h1><h2>Compliance status</h2>
<p>This website is partially compliant with WCAG 2.1 AA.</p></main></html>)"},
};
constexpr es::ExamplePage kIrishPassPages[] = {
    {"https://www.comhairle.ie/ga/",
     R"(<!DOCTYPE html><html lang="ga"><title>An Chomhairle</title><main><h1>Fáilte</h1></main>
<footer><a href="/ga/inrochtaineacht">Inrochtaineacht</a></footer></html>)"},
    {"https://www.comhairle.ie/ga/inrochtaineacht",
     R"(<!DOCTYPE html><html lang="ga"><title>Ráiteas Inrochtaineachta</title>
<main><h1>Ráiteas Inrochtaineachta</h1></main></html>)"},
};
constexpr es::SiteExample kPasses[] = {{kPassPages}, {kIrishPassPages}};

constexpr es::ExamplePage kNoStatementPages[] = {
    {"https://water.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Midlands Water Forum</title>
<main><h1>Midlands Water Forum</h1><a href="/news">News</a></main></html>)"},
    {"https://water.example.ie/news",
     R"(<!DOCTYPE html><html lang="en"><title>News</title><main><h1>News</h1></main></html>)"},
};
constexpr es::ExamplePage kNotLinkedPages[] = {
    {"https://water.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Midlands Water Forum</title>
<main><h1>Midlands Water Forum</h1><a href="/about">About</a></main></html>)"},
    {"https://water.example.ie/about/accessibility-statement",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility statement</title>
<main><h1>Accessibility statement</h1></main></html>)"},
};
constexpr es::SiteExample kFails[] = {{kNoStatementPages}, {kNotLinkedPages}};

constexpr es::ExamplePage kHelpOnlyPages[] = {
    {"https://tourism.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Tourism Office</title><main><h1>Visit</h1></main>
<footer><a href="/accessibility">Accessibility</a></footer></html>)"},
    {"https://tourism.example.ie/accessibility",
     R"(<!DOCTYPE html><html lang="en"><title>Accessibility</title>
<main><h1>Accessibility</h1><p>Press Ctrl and + to make text bigger.</p></main></html>)"},
};
constexpr es::SiteExample kCantTell[] = {{kHelpOnlyPages}};

constexpr es::SiteExample kInapplicable[] = {{}};

es::SiteResult Check(const es::SiteModel& site) {
  es::SiteResult r;
  if (!site::StartOnReadSite(site, r)) {
    return r;
  }
  std::vector<site::TopicLink> named = site::LinksWithTopic(site, es::kTopicStatement);
  nlohmann::json links = nlohmann::json::array();
  for (const site::TopicLink& t : named) {
    if (links.size() < site::kMaxEvidence) {
      links.push_back({{"page", t.page->url},
                       {"text", t.link->text},
                       {"url", t.link->url},
                       {"region", es::LinkRegionName(t.link->region)}});
    }
  }
  r.details["statement_links"] = links;
  r.details["probed"] = site::JsonList(site.probed_urls);

  auto statements = site::StatementPages(site);
  if (!statements.empty()) {
    const es::SitePage& s = *statements.front();
    r.details["statement_url"] = s.final_url;
    r.details["language"] = s.signals.statement->language;
    r.details["found_by"] = s.probed ? "common path" : "crawl";
    nlohmann::json all = nlohmann::json::array();
    for (const es::SitePage* p : statements) {
      all.push_back(p->final_url);
    }
    r.details["statements"] = all;
    // Which crawled pages link to a statement, and from where on the home page.
    size_t linking_pages = 0;
    std::string home_where;
    for (const es::SitePage& p : site.pages) {
      if (p.probed) {
        continue;
      }
      bool links_here = false;
      for (const es::LinkSignal& l : p.signals.links) {
        const es::SitePage* target = site.FindPage(l.url);
        if (target != nullptr && target->signals.IsStatement() && !l.alternate) {
          links_here = true;
          if (p.depth == 0 && home_where.empty()) {
            home_where = site::Where(l, p);
          }
        }
      }
      linking_pages += links_here;
    }
    r.details["linked_from_pages"] = linking_pages;
    r.details["linked_from_home"] = !home_where.empty();
    AddEvidence(r, s.final_url);
    if (!home_where.empty()) {
      r.outcome = engine::Outcome::kPassed;
      r.message = "Accessibility statement at " + s.final_url + ", linked " + home_where + " (" +
                  site::Count(linking_pages, "crawled page links", "crawled pages link") +
                  " to it).";
      AddEvidence(r, site.home_url);
      return r;
    }
    r.outcome = engine::Outcome::kFailed;
    r.severity = engine::Severity::kWarning;
    if (s.probed) {
      r.message = "An accessibility statement exists at " + s.final_url +
                  ", but no crawled page links to it: it was found only by trying common "
                  "addresses. Link to it from every page, for example in the footer.";
    } else {
      r.message = "An accessibility statement exists at " + s.final_url +
                  ", but the home page does not link to it (" +
                  site::Count(linking_pages, "crawled page does", "crawled pages do") +
                  "). Link to it from every page, for example in the footer.";
    }
    return r;
  }

  // No statement page. Is one offered in another form, or does a link lead somewhere else?
  for (const site::TopicLink& t : named) {
    const es::SiteResource* res = site.FindResource(t.link->url);
    if (!t.link->document_type.empty() || (res != nullptr && res->kind != "error")) {
      r.outcome = engine::Outcome::kCantTell;
      r.message = "The link \"" + t.link->text + "\" " + site::Where(*t.link, *t.page) +
                  " leads to a document (" + t.link->url +
                  "), not a web page. Check by hand that it is the accessibility statement and "
                  "that it is accessible; an HTML page is what people can best use.";
      AddEvidence(r, t.link->url);
      AddEvidence(r, t.page->url);
      return r;
    }
  }
  for (const site::TopicLink& t : named) {
    const es::SitePage* target = site.FindPage(t.link->url);
    if (target != nullptr && target->signals.statement) {
      r.outcome = engine::Outcome::kCantTell;
      r.message = "The page linked as \"" + t.link->text + "\" (" + target->final_url +
                  ") is about accessibility but does not read as an accessibility statement: " +
                  target->signals.statement->why + ". Check by hand whether it is the statement.";
      AddEvidence(r, target->final_url);
      AddEvidence(r, t.page->url);
      return r;
    }
  }
  r.outcome = engine::Outcome::kFailed;
  r.severity = engine::Severity::kError;
  std::string broken;
  for (const site::TopicLink& t : named) {
    const es::SiteResource* res = site.FindResource(t.link->url);
    if (res != nullptr && res->kind == "error") {
      broken = " The link \"" + t.link->text + "\" " + site::Where(*t.link, *t.page) +
               " is broken (" + t.link->url + ": " + res->error + ").";
      AddEvidence(r, t.page->url);
      break;
    }
  }
  r.message = "No accessibility statement found: " +
              (named.empty() ? std::string("no link named \"Accessibility\" or "
                                           "\"Inrochtaineacht\" on the ") +
                                   site::Count(site.CrawledPages(), "crawled page", "crawled pages")
                             : std::string("the links named for it lead to no statement")) +
              (site.probed_urls.empty()
                   ? std::string(".")
                   : ", and no statement at " + site::JoinList(site.probed_urls, 4) + ".") +
              broken;
  AddEvidence(r, site.home_url);
  return r;
}

}  // namespace

extern const es::SiteRule kSiteAccessibilityStatement{
    .id = "site.accessibility-statement",
    .summary = "The site has an accessibility statement, linked from the home page",
    .why =
        "The statement tells people which parts of the site they may not be able to use, what "
        "the alternatives are and how to ask for help or complain. It only helps if people can "
        "find it from any page.",
    .help =
        "Publish an accessibility statement as an HTML page following the EU model statement "
        "(Decision (EU) 2018/1523) and link to it from every page, usually in the footer, with "
        "a link named \"Accessibility statement\" (and \"Ráiteas inrochtaineachta\" on Irish "
        "pages).",
    .requirements = kRequirements,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kError,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
