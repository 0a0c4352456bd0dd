// Site-level checks of a crawled site (issue 10, item 1), for `plainsight scan` (one site per
// body, stored as site facts) and `plainsight audit URL` ("site" in the JSON, a section in the
// text output).
//
// While the crawl runs, a SiteCollector takes every fetched resource: each HTML page's signals
// (engine/site/signals.h) are extracted on the crawl thread from the parsed document, documents
// and failed fetches are noted. When the crawl ends, RunSiteChecks looks for the accessibility
// statement if the crawl found none (the targets of statement links the crawl did not fetch,
// then common paths: /accessibility, /accessibility-statement, /ga/inrochtaineacht...), with
// the crawl's own fetcher settings (robots.txt, politeness, private addresses refused unless
// allowed), and then evaluates every site rule (rules/site/) on the model.
#pragma once

#include <atomic>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "engine/site/site_model.h"
#include "store/records.h"

namespace plainsight::audit {

// Gathers one site's signals while it is crawled. Add() is called from the crawl callback (one
// resource at a time); the collector is not shared between threads.
class SiteCollector {
 public:
  // `home_url`: the body's start URL; "" takes the first depth-0 page's URL.
  explicit SiteCollector(const std::string& home_url = {});

  // Every resource the crawl hands on, stored or not (a resumed scan sees the whole site
  // again). Never throws: a page whose signals cannot be extracted is left out.
  void Add(const crawler::FetchedResource& r) noexcept;

  engine::site::SiteModel& model() { return model_; }

  const engine::site::SiteModel& model() const { return model_; }

 private:
  engine::site::SiteModel model_;
};

// The statement paths tried after a crawl that found no statement, relative to each home
// page's origin, in order.
const std::vector<std::string>& CommonStatementPaths();

// If no crawled page is an accessibility statement, fetches the targets of statement links
// the crawl did not reach (at most 3) and then the common paths, with `crawl`'s settings
// (seeds, depth and link following replaced), until a statement is found; adds what it
// fetched to the model as probed pages and resources. Stops early when *cancel becomes true.
void SearchStatement(engine::site::SiteModel& site, const crawler::CrawlOptions& crawl,
                     const std::atomic<bool>* cancel = nullptr);

struct SiteCheck {
  const engine::site::SiteRule* rule = nullptr;
  engine::site::SiteResult result;
};

// Evaluates every site rule on the model (sorted first: results never depend on crawl order).
std::vector<SiteCheck> EvaluateSite(engine::site::SiteModel& site);

// Searches for the statement, then evaluates: what a scan and an audit run after the crawl.
// `scan_date` is "YYYY-MM-DD" (UTC).
std::vector<SiteCheck> RunSiteChecks(SiteCollector& collector, const crawler::CrawlOptions& crawl,
                                     const std::string& scan_date,
                                     const std::atomic<bool>* cancel = nullptr);

// One check as stored in a site fact's value and listed in the audit JSON: the rule's id,
// summary, help and requirements, then "outcome", "severity" (when failed), "message",
// "evidence" (page URLs) and "details" (per rule: docs/site-checks.md).
nlohmann::json SiteCheckJson(const SiteCheck& check);

// The store's records: one SiteFact per rule, named by the rule id.
std::vector<store::SiteFact> SiteFacts(const std::vector<SiteCheck>& checks, int64_t scan_id,
                                       const std::string& body_id);

// The "site" object of `plainsight audit URL --format json`: {"home", "scan_date",
// "pages_crawled", "probed", "checks": [SiteCheckJson...]}.
nlohmann::json SiteReportJson(const engine::site::SiteModel& site,
                              const std::vector<SiteCheck>& checks);

// A short section for the text output: one line per check (outcome, id, message).
void WriteSiteChecksText(const std::vector<SiteCheck>& checks, std::ostream& out);

// Today's date in UTC, "YYYY-MM-DD".
std::string TodayUtc();

}  // namespace plainsight::audit
