// Site-level checks of a crawled site (site_checks.h).
#include "audit/site_checks.h"

#include <algorithm>
#include <ctime>
#include <set>

#include "engine/site/signals.h"
#include "engine/site/site_model.h"
#include "engine/terminal_text.h"
#include "engine/url.h"
#include "rules/catalog.h"

namespace plainsight::audit {
namespace {

namespace es = engine::site;

// At most this many statement links the crawl did not fetch are tried after it.
constexpr size_t kMaxLinkProbes = 3;

bool Known(const es::SiteModel& site, const std::string& url) {
  return site.FindPage(url) != nullptr || site.FindResource(url) != nullptr;
}

}  // namespace

SiteCollector::SiteCollector(const std::string& home_url) {
  if (!home_url.empty()) {
    auto n = engine::NormalizeUrlString(home_url);
    model_.home_url = n ? *n : home_url;
  }
}

void SiteCollector::Add(const crawler::FetchedResource& r) noexcept {
  try {
    if (model_.home_url.empty() && r.depth == 0) {
      model_.home_url = r.url;
    }
    if (r.error) {
      model_.resources.push_back({r.url, "error", r.error->message, false});
      return;
    }
    if (!r.duplicate_of.empty()) {
      return;  // the same content as a page already seen
    }
    if (r.kind == crawler::ResourceKind::kHtml) {
      if (r.document != nullptr) {
        es::AddPage(model_, r.url, r.final_url, r.depth, false, es::ExtractSignals(*r.document));
      }
      return;
    }
    model_.resources.push_back({r.url, crawler::ResourceKindName(r.kind), "", false});
  } catch (...) {
    // Signals are an extra: a page that cannot give them (out of memory) is left out, and the
    // crawl and audit go on.
  }
}

const std::vector<std::string>& CommonStatementPaths() {
  static const std::vector<std::string> kPaths = {
      "/accessibility",
      "/accessibility-statement",
      "/accessibility-statement/",
      "/accessibility/",
      "/en/accessibility",
      "/en/accessibility-statement",
      "/about/accessibility",
      "/about-us/accessibility-statement",
      "/ga/inrochtaineacht",
      "/ga/raiteas-inrochtaineachta",
  };
  return kPaths;
}

void SearchStatement(es::SiteModel& site, const crawler::CrawlOptions& crawl,
                     const std::atomic<bool>* cancel) {
  for (const es::SitePage& p : site.pages) {
    if (p.signals.IsStatement()) {
      return;
    }
  }
  if (cancel != nullptr && *cancel) {
    return;
  }
  std::vector<std::string> candidates;
  auto add = [&](const std::string& url) {
    if (!Known(site, url) &&
        std::find(candidates.begin(), candidates.end(), url) == candidates.end()) {
      candidates.push_back(url);
    }
  };
  // Links named for the statement first, then links whose address names accessibility.
  for (uint16_t topic : {uint16_t{es::kTopicStatement}, uint16_t{es::kTopicStatementUrl}}) {
    for (const es::SitePage& p : site.pages) {
      for (const es::LinkSignal& l : p.signals.links) {
        if (l.Has(static_cast<es::LinkTopic>(topic)) && !l.alternate && l.document_type.empty() &&
            candidates.size() < kMaxLinkProbes &&
            (l.url.rfind("http://", 0) == 0 || l.url.rfind("https://", 0) == 0)) {
          add(l.url);
        }
      }
    }
  }
  std::set<std::string> origins;
  for (const es::SitePage* home : site.HomePages()) {
    if (auto u = engine::ParseUrl(home->final_url)) {
      origins.insert(u->Origin());
    }
  }
  if (origins.empty() && !site.home_url.empty()) {
    if (auto u = engine::ParseUrl(site.home_url)) {
      origins.insert(u->Origin());
    }
  }
  for (const std::string& origin : origins) {
    for (const std::string& path : CommonStatementPaths()) {
      auto n = engine::NormalizeUrlString(origin + path);
      if (n) {
        add(*n);
      }
    }
  }
  if (candidates.empty()) {
    return;
  }
  site.probed_urls = candidates;

  std::atomic<bool> stop{false};
  crawler::CrawlOptions o = crawl;
  o.seeds = candidates;
  o.max_depth = 0;
  o.extract_links = false;
  o.use_sitemaps = false;
  o.max_pages = candidates.size();
  // One request at a time, in the order above, so that the search stops at the first statement
  // (and a site is not sent the later candidates at once).
  o.per_host_concurrency = 1;
  o.sample = crawler::SampleMode::kNone;
  o.validators.clear();
  o.subresource_loader = nullptr;
  o.parse_in_background = false;
  o.scope.include.clear();
  o.scope.exclude.clear();
  o.cancel = &stop;
  crawler::CrawlCallbacks callbacks;
  callbacks.on_resource = [&](const crawler::FetchedResource& r) {
    try {
      if (r.error) {
        site.resources.push_back({r.url, "error", r.error->message, true});
        return;
      }
      if (r.kind == crawler::ResourceKind::kHtml && r.document != nullptr) {
        es::PageSignals signals = es::ExtractSignals(*r.document);
        bool found = signals.IsStatement();
        es::AddPage(site, r.url, r.final_url, 1, true, std::move(signals));
        if (found) {
          stop = true;  // one statement is enough
        }
        return;
      }
      site.resources.push_back({r.url, crawler::ResourceKindName(r.kind), "", true});
    } catch (...) {
      // As in SiteCollector::Add: the page is left out.
    }
  };
  callbacks.on_progress = [&](const crawler::CrawlStats&) {
    if (cancel != nullptr && *cancel) {
      stop = true;
    }
  };
  // A crawl that cannot start (a bad option) leaves the model as the crawl made it: the
  // statement rule then reports what was tried.
  (void)crawler::Crawl(o, callbacks);
}

std::vector<SiteCheck> EvaluateSite(es::SiteModel& site) {
  site.Sort();
  std::vector<SiteCheck> out;
  for (const es::SiteRule* rule : rules::AllSiteRules()) {
    out.push_back({rule, es::RunSiteRule(*rule, site)});
  }
  return out;
}

std::vector<SiteCheck> RunSiteChecks(SiteCollector& collector, const crawler::CrawlOptions& crawl,
                                     const std::string& scan_date,
                                     const std::atomic<bool>* cancel) {
  es::SiteModel& site = collector.model();
  site.scan_date = scan_date;
  SearchStatement(site, crawl, cancel);
  return EvaluateSite(site);
}

nlohmann::json SiteCheckJson(const SiteCheck& check) {
  nlohmann::json j;
  j["rule"] = std::string(check.rule->id);
  j["summary"] = std::string(check.rule->summary);
  j["help"] = std::string(check.rule->help);
  nlohmann::json requirements = nlohmann::json::array();
  for (std::string_view q : check.rule->requirements) {
    requirements.push_back(std::string(q));
  }
  j["requirements"] = requirements;
  j.update(es::SiteResultJson(check.result));
  return j;
}

std::vector<store::SiteFact> SiteFacts(const std::vector<SiteCheck>& checks, int64_t scan_id,
                                       const std::string& body_id) {
  std::vector<store::SiteFact> out;
  out.reserve(checks.size());
  for (const SiteCheck& c : checks) {
    // Page text is valid UTF-8 by construction; replace rather than throw if a byte slipped by.
    out.push_back(
        {scan_id, body_id, std::string(c.rule->id),
         SiteCheckJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  return out;
}

nlohmann::json SiteReportJson(const es::SiteModel& site, const std::vector<SiteCheck>& checks) {
  nlohmann::json checks_json = nlohmann::json::array();
  for (const SiteCheck& c : checks) {
    checks_json.push_back(SiteCheckJson(c));
  }
  return {{"home", site.home_url},
          {"scan_date", site.scan_date},
          {"pages_crawled", site.CrawledPages()},
          {"probed", site.probed_urls},
          {"checks", checks_json}};
}

void WriteSiteChecksText(const std::vector<SiteCheck>& checks, std::ostream& out) {
  if (checks.empty()) {
    return;
  }
  out << "\nsite checks:\n";
  for (const SiteCheck& c : checks) {
    std::string outcome = engine::OutcomeName(c.result.outcome);
    if (c.result.outcome == engine::Outcome::kFailed) {
      outcome = engine::SeverityName(c.result.severity);
    } else if (c.result.outcome == engine::Outcome::kCantTell) {
      outcome = "review";
    }
    outcome.resize(std::max<size_t>(outcome.size(), 12), ' ');
    out << "  " << outcome << " " << c.rule->id << ": " << engine::TerminalSafe(c.result.message)
        << "\n";
  }
}

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace plainsight::audit
