// site.irish-language-version: the site offers its content in Irish.
// Irish public-sector commitments: the Official Languages Act 2003, as amended by the Official
// Languages (Amendment) Act 2021, and the body's language scheme or standards under it, commit
// public bodies to provide services and information in Irish as well as English.
// Interpretation: offered when a crawled page declares lang="ga" (or ga-IE), a link or <link
// rel=alternate> has hreflang="ga", or a language switcher ("Gaeilge", "As Gaeilge", a "GA"
// link to /ga/ or ?lang=ga) is on a page. When the switcher leads to a crawled page that does
// not declare Irish, a person must look: it may be an English page. How much of the site is in
// Irish is not judged.
#include "rules/catalog.h"
#include "rules/site/site_support.h"

namespace plainsight::rules {
namespace {

namespace es = engine::site;

constexpr std::string_view kRequirements[] = {
    "Irish public-sector commitments: Official Languages Act 2003 (as amended in 2021) and the "
    "body's language scheme or standards",
};

constexpr es::ExamplePage kSwitcherPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Council</title>
<header><a href="/ga/" hreflang="ga" lang="ga">Gaeilge</a></header></html>)"},
};
constexpr es::ExamplePage kIrishPagePages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Council</title><a href="/ga/">Leathanach</a></html>)"},
    {"https://www.council.ie/ga/",
     R"(<!DOCTYPE html><html lang="ga"><title>An Chomhairle</title></html>)"},
};
constexpr es::SiteExample kPasses[] = {{kSwitcherPages}, {kIrishPagePages}};

constexpr es::ExamplePage kEnglishOnlyPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Council</title><a href="/about">About</a></html>)"},
};
constexpr es::SiteExample kFails[] = {{kEnglishOnlyPages}};

constexpr es::ExamplePage kUntranslatedPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Council</title>
<header><a href="/gaeilge">As Gaeilge</a></header></html>)"},
    {"https://www.council.ie/gaeilge",
     R"(<!DOCTYPE html><html lang="en"><title>Irish language</title>
<p>This page is being translated.</p></html>)"},
};
constexpr es::SiteExample kCantTell[] = {{kUntranslatedPages}};

constexpr es::SiteExample kInapplicable[] = {{}};

es::SiteResult Check(const es::SiteModel& site) {
  es::SiteResult r;
  if (!site::StartOnReadSite(site, r)) {
    return r;
  }
  std::vector<std::string> irish_pages;
  for (const es::SitePage& p : site.pages) {
    if (!p.probed && es::IsIrishTag(p.signals.lang)) {
      irish_pages.push_back(p.final_url);
    }
  }
  std::vector<site::TopicLink> links = site::LinksWithTopic(site, es::kTopicIrish);
  nlohmann::json link_details = nlohmann::json::array();
  std::vector<std::string> not_irish_targets;
  const site::TopicLink* first = nullptr;
  for (const site::TopicLink& t : links) {
    if (link_details.size() < site::kMaxEvidence) {
      link_details.push_back({{"page", t.page->url},
                              {"text", t.link->text},
                              {"url", t.link->url},
                              {"hreflang", t.link->hreflang},
                              {"alternate", t.link->alternate}});
    }
    if (first == nullptr || (t.page->depth == 0 && first->page->depth != 0)) {
      first = &t;
    }
    const es::SitePage* target = site.FindPage(t.link->url);
    if (target != nullptr && !es::IsIrishTag(target->signals.lang) &&
        std::find(not_irish_targets.begin(), not_irish_targets.end(), target->final_url) ==
            not_irish_targets.end()) {
      not_irish_targets.push_back(target->final_url);
    }
  }
  r.details["irish_pages"] = irish_pages.size();
  r.details["irish_page_examples"] = site::JsonList(irish_pages);
  r.details["links"] = link_details;
  if (!irish_pages.empty()) {
    r.outcome = engine::Outcome::kPassed;
    r.message = site::Count(irish_pages.size(), "crawled page is", "crawled pages are") +
                " in Irish (lang=\"ga\"): " + site::JoinList(irish_pages, 3) + ".";
    for (const std::string& u : irish_pages) {
      site::AddEvidence(r, u);
    }
    return r;
  }
  if (first != nullptr) {
    if (!not_irish_targets.empty()) {
      r.outcome = engine::Outcome::kCantTell;
      r.message = "The Irish-language link \"" + first->link->text + "\" " +
                  site::Where(*first->link, *first->page) + " leads to " +
                  site::JoinList(not_irish_targets, 3) +
                  ", which does not declare Irish (lang=\"ga\"): check whether it is in Irish.";
      for (const std::string& u : not_irish_targets) {
        site::AddEvidence(r, u);
      }
      site::AddEvidence(r, first->page->url);
      return r;
    }
    r.outcome = engine::Outcome::kPassed;
    std::string name = first->link->alternate
                           ? "an alternate version with hreflang=\"" + first->link->hreflang + "\""
                           : "a link \"" + first->link->text + "\"";
    r.message = "An Irish-language version is offered: " + name + " " +
                site::Where(*first->link, *first->page) + " to " + first->link->url + ".";
    site::AddEvidence(r, first->page->url);
    site::AddEvidence(r, first->link->url);
    return r;
  }
  r.outcome = engine::Outcome::kFailed;
  r.severity = engine::Severity::kWarning;
  r.message = "No Irish-language version found: none of the " +
              site::Count(site.CrawledPages(), "crawled page", "crawled pages") +
              R"( declares lang="ga", and no link has hreflang="ga" or reads "Gaeilge".)";
  site::AddEvidence(r, site.home_url);
  return r;
}

}  // namespace

extern const es::SiteRule kSiteIrishLanguageVersion{
    .id = "site.irish-language-version",
    .summary = "The site offers an Irish-language version",
    .why =
        "People have the right to deal with Irish public bodies in Irish. An Irish-language "
        "version, easy to find from every page, lets them do so online.",
    .help =
        "Publish the site's pages in Irish as your language scheme or standards require, mark "
        "them lang=\"ga\", link each page to its other-language version with hreflang, and put a "
        "\"Gaeilge\" switcher in the header of every English page.",
    .requirements = kRequirements,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
