// The site model and site rules (issue 10, item 1): one body's website as the site-level checks
// see it, built from its pages' signals (signals.h), and the rules that judge it
// (rules/site/*.cpp, listed in rules/catalog.cpp).
//
// Site rules are pure functions of the model, like page rules are of a page (STYLE.md section
// 2): no I/O, no clock (the scan's date is part of the model), no ICU or parser calls. Each
// gives one outcome for the site: passed, failed (error or warning), cantTell (a person must
// look) or inapplicable, with a message that says what was found or missing and where, the
// pages that are the evidence, and details for reports (JSON).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/rule.h"
#include "engine/site/signals.h"

namespace plainsight::engine::site {

struct SitePage {
  std::string url;        // as discovered (the crawler's normalised key)
  std::string final_url;  // after redirects
  int depth = 0;          // link distance from the start page (0: the home page)
  // Fetched after the crawl by the search for the accessibility statement (common paths such
  // as /accessibility, or statement links the crawl did not reach), not found by the crawl.
  bool probed = false;
  PageSignals signals;
};

// A crawled URL that is not an HTML page: a document, or a fetch that failed.
struct SiteResource {
  std::string url;
  std::string kind;   // "pdf", "docx", ... or "error"
  std::string error;  // for failures: why
  bool probed = false;
};

struct SiteModel {
  std::string home_url;                 // the body's start URL
  std::string scan_date;                // "YYYY-MM-DD" (UTC): the day the scan started
  std::vector<SitePage> pages;          // sorted by url
  std::vector<SiteResource> resources;  // sorted by url
  // Statement paths tried after the crawl found no statement (in the order tried).
  std::vector<std::string> probed_urls;

  // The page with this URL (as discovered or final), or nullptr.
  const SitePage* FindPage(std::string_view url) const;
  const SiteResource* FindResource(std::string_view url) const;
  // The home pages: depth 0 (the start page and any other seed).
  std::vector<const SitePage*> HomePages() const;
  // Is `url` the target of a link on a home page (or a home page itself)?
  bool ReachableFromHome(std::string_view url) const;
  // Pages crawled (not probed).
  size_t CrawledPages() const;
  // Sorts pages and resources by URL: evaluation must not depend on crawl order.
  void Sort();
};

// A site rule's result.
struct SiteResult {
  Outcome outcome = Outcome::kInapplicable;
  // For kFailed: kError (the requirement is clearly not met) or kWarning (very likely, or a
  // lesser part missing). Normalised to kNotice for the other outcomes.
  Severity severity = Severity::kError;
  std::string message;                // what was found or missing, and where
  std::vector<std::string> evidence;  // page URLs, most telling first
  nlohmann::json details = nlohmann::json::object();
};

using SiteCheckFunction = SiteResult (*)(const SiteModel& site);

// An example site for a rule's documentation and tests: its pages, the first being the home
// page (depth 0) and the others linked from it (depth 1).
struct ExamplePage {
  std::string_view url;
  std::string_view html;
};

inline constexpr std::string_view kExampleScanDate = "2025-06-30";

struct SiteExample {
  std::span<const ExamplePage> pages;
  std::string_view scan_date = kExampleScanDate;
};

struct SiteRule {
  std::string_view id;       // "site.accessibility-statement"
  std::string_view summary;  // what passing means, one line
  std::string_view why;      // why it matters to people
  std::string_view help;     // how to fix it
  // What requires it, in words: "Directive (EU) 2016/2102 Art. 7(1)", "Commission Implementing
  // Decision (EU) 2018/1523, Annex", "Irish public-sector commitments: ...".
  std::span<const std::string_view> requirements = {};
  std::span<const std::string_view> wcag = {};      // success criteria, where one applies
  std::span<const std::string_view> en301549 = {};  // EN 301 549 clauses, where one applies
  Impact impact = Impact::kModerate;
  Severity severity = Severity::kError;  // of its most serious failure
  SiteCheckFunction check = nullptr;
  std::span<const SiteExample> passes = {};
  std::span<const SiteExample> fails = {};
  std::span<const SiteExample> inapplicable = {};
  std::span<const SiteExample> cant_tell = {};
  std::span<const RuleOption> options = {};
};

// Runs one rule on a model. A rule that throws gives cantTell with the error (the runner's
// isolation, STYLE.md section 4). Severity is kNotice unless the outcome is kFailed.
SiteResult RunSiteRule(const SiteRule& rule, const SiteModel& site) noexcept;

// The result as stored and reported: {"outcome", "severity", "message", "evidence",
// "details"} (severity only when failed).
nlohmann::json SiteResultJson(const SiteResult& result);

// Builds the model of an example site: parses each page (the first is the home page at depth
// 0, the others depth 1), extracts its signals. A page that does not parse is left out.
SiteModel BuildExampleSite(const SiteExample& example);

// Adds a page's signals to a model under construction, keeping every link of a home page and
// only the links with a topic of other pages (the model stays small on big sites).
void AddPage(SiteModel& site, std::string url, std::string final_url, int depth, bool probed,
             PageSignals signals);

}  // namespace plainsight::engine::site
