// The site model and the site-rule runner (site_model.h).
#include "engine/site/site_model.h"

#include <algorithm>
#include <exception>
#include <tuple>

#include "engine/url.h"

namespace plainsight::engine::site {
namespace {

std::string Key(std::string_view url) {
  auto n = NormalizeUrlString(url);
  return n ? *n : std::string(url);
}

}  // namespace

const SitePage* SiteModel::FindPage(std::string_view url) const {
  std::string key = Key(url);
  for (const SitePage& p : pages) {
    if (p.url == key || p.final_url == key || p.url == url || p.final_url == url) {
      return &p;
    }
  }
  return nullptr;
}

const SiteResource* SiteModel::FindResource(std::string_view url) const {
  std::string key = Key(url);
  for (const SiteResource& r : resources) {
    if (r.url == key || r.url == url) {
      return &r;
    }
  }
  return nullptr;
}

std::vector<const SitePage*> SiteModel::HomePages() const {
  std::vector<const SitePage*> out;
  for (const SitePage& p : pages) {
    if (p.depth == 0 && !p.probed) {
      out.push_back(&p);
    }
  }
  return out;
}

bool SiteModel::ReachableFromHome(std::string_view url) const {
  std::string key = Key(url);
  const SitePage* target = FindPage(key);
  for (const SitePage* home : HomePages()) {
    if (home->url == key || home->final_url == key) {
      return true;
    }
    for (const LinkSignal& l : home->signals.links) {
      if (l.url == key ||
          (target != nullptr && (l.url == target->url || l.url == target->final_url))) {
        return true;
      }
    }
  }
  return false;
}

size_t SiteModel::CrawledPages() const {
  return static_cast<size_t>(
      std::count_if(pages.begin(), pages.end(), [](const SitePage& p) { return !p.probed; }));
}

void SiteModel::Sort() {
  std::sort(pages.begin(), pages.end(), [](const SitePage& a, const SitePage& b) {
    return std::tie(a.url, a.probed) < std::tie(b.url, b.probed);
  });
  std::sort(resources.begin(), resources.end(), [](const SiteResource& a, const SiteResource& b) {
    return std::tie(a.url, a.probed) < std::tie(b.url, b.probed);
  });
}

SiteResult RunSiteRule(const SiteRule& rule, const SiteModel& site) noexcept {
  SiteResult result;
  try {
    result = rule.check(site);
  } catch (const std::exception& e) {
    result = SiteResult{};
    result.outcome = Outcome::kCantTell;
    result.message = std::string("the check failed: ") + e.what();
  } catch (...) {
    result = SiteResult{};
    result.outcome = Outcome::kCantTell;
    result.message = "the check failed";
  }
  if (result.outcome != Outcome::kFailed) {
    result.severity = Severity::kNotice;
  }
  return result;
}

nlohmann::json SiteResultJson(const SiteResult& result) {
  nlohmann::json j;
  j["outcome"] = OutcomeName(result.outcome);
  if (result.outcome == Outcome::kFailed) {
    j["severity"] = SeverityName(result.severity);
  }
  j["message"] = result.message;
  j["evidence"] = result.evidence;
  j["details"] = result.details;
  return j;
}

void AddPage(SiteModel& site, std::string url, std::string final_url, int depth, bool probed,
             PageSignals signals) {
  if (depth > 0 || probed) {
    KeepTopicLinksOnly(signals);
  }
  SitePage page;
  page.url = std::move(url);
  page.final_url = final_url.empty() ? page.url : std::move(final_url);
  page.depth = depth;
  page.probed = probed;
  page.signals = std::move(signals);
  site.pages.push_back(std::move(page));
}

SiteModel BuildExampleSite(const SiteExample& example) {
  SiteModel site;
  site.scan_date = std::string(example.scan_date);
  for (size_t i = 0; i < example.pages.size(); ++i) {
    const ExamplePage& p = example.pages[i];
    ParseOptions options;
    options.url = std::string(p.url);
    auto doc = Document::ParseHtml(p.html, options);
    if (!doc) {
      continue;
    }
    std::string url = Key(p.url);
    if (i == 0) {
      site.home_url = url;
    }
    AddPage(site, url, url, i == 0 ? 0 : 1, false, ExtractSignals(**doc));
  }
  site.Sort();
  return site;
}

}  // namespace plainsight::engine::site
