// Helpers shared by the site rules (site_support.h).
#include "rules/site/site_support.h"

#include <algorithm>

namespace plainsight::rules::site {

namespace es = engine::site;

std::vector<const es::SitePage*> StatementPages(const es::SiteModel& site) {
  std::vector<const es::SitePage*> out;
  for (const es::SitePage& p : site.pages) {
    if (p.signals.IsStatement()) {
      out.push_back(&p);
    }
  }
  auto sections = [](const es::SitePage* p) {
    int n = 0;
    for (const es::SectionFound& f : p->signals.statement->sections) {
      n += f.found;
    }
    return n;
  };
  std::stable_sort(out.begin(), out.end(), [&](const es::SitePage* a, const es::SitePage* b) {
    bool ha = site.ReachableFromHome(a->url);
    bool hb = site.ReachableFromHome(b->url);
    if (ha != hb) {
      return ha;
    }
    if (a->probed != b->probed) {
      return !a->probed;
    }
    int sa = sections(a);
    int sb = sections(b);
    if (sa != sb) {
      return sa > sb;
    }
    return a->url < b->url;
  });
  return out;
}

const es::SitePage* ChosenStatement(const es::SiteModel& site) {
  auto pages = StatementPages(site);
  return pages.empty() ? nullptr : pages.front();
}

std::vector<TopicLink> LinksWithTopic(const es::SiteModel& site, uint16_t topic) {
  std::vector<TopicLink> out;
  for (const es::SitePage& p : site.pages) {
    if (p.probed) {
      continue;
    }
    for (const es::LinkSignal& l : p.signals.links) {
      if ((l.topics & topic) != 0) {
        out.push_back({&p, &l});
      }
    }
  }
  return out;
}

void AddEvidence(es::SiteResult& result, const std::string& url) {
  if (url.empty() || result.evidence.size() >= kMaxEvidence) {
    return;
  }
  if (std::find(result.evidence.begin(), result.evidence.end(), url) == result.evidence.end()) {
    result.evidence.push_back(url);
  }
}

std::string Count(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string JoinList(const std::vector<std::string>& items, size_t max) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < max; ++i) {
    if (i > 0) {
      out += ", ";
    }
    out += items[i];
  }
  if (items.size() > max) {
    out += " and " + std::to_string(items.size() - max) + " more";
  }
  return out;
}

nlohmann::json JsonList(const std::vector<std::string>& items) {
  nlohmann::json a = nlohmann::json::array();
  for (size_t i = 0; i < items.size() && i < kMaxEvidence; ++i) {
    a.push_back(items[i]);
  }
  return a;
}

std::string Where(const es::LinkSignal& link, const es::SitePage& page) {
  std::string region;
  switch (link.region) {
    case es::LinkRegion::kFooter:
      region = "in the footer of ";
      break;
    case es::LinkRegion::kNav:
      region = "in the navigation of ";
      break;
    case es::LinkRegion::kHeader:
      region = "in the header of ";
      break;
    case es::LinkRegion::kMain:
      region = "on ";
      break;
  }
  return region + page.url;
}

nlohmann::json BaseDetails(const es::SiteModel& site) {
  return {{"pages_crawled", site.CrawledPages()}, {"home", site.home_url}};
}

bool StartOnReadSite(const es::SiteModel& site, es::SiteResult& result) {
  result.details = BaseDetails(site);
  if (site.CrawledPages() == 0) {
    result.outcome = engine::Outcome::kInapplicable;
    result.message = "No page of the site could be read.";
    return false;
  }
  return true;
}

const es::SitePage* StartOnStatement(const es::SiteModel& site, es::SiteResult& result) {
  result.details = BaseDetails(site);
  const es::SitePage* page = ChosenStatement(site);
  if (page == nullptr) {
    result.outcome = engine::Outcome::kInapplicable;
    result.message = "No accessibility statement was found (see site.accessibility-statement).";
    return nullptr;
  }
  AddEvidence(result, page->final_url);
  result.details["statement_url"] = page->final_url;
  return page;
}

es::SiteResult CheckOfferedPage(const es::SiteModel& site, uint16_t topic,
                                bool es::PageSignals::*is_page, std::string_view what,
                                std::string_view looked_for) {
  es::SiteResult r;
  if (!StartOnReadSite(site, r)) {
    return r;
  }
  std::vector<std::string> pages;
  for (const es::SitePage& p : site.pages) {
    if (p.signals.*is_page) {
      pages.push_back(p.final_url);
    }
  }
  std::vector<TopicLink> links = LinksWithTopic(site, topic);
  nlohmann::json link_details = nlohmann::json::array();
  std::vector<std::string> broken;
  const TopicLink* working = nullptr;
  const TopicLink* from_home = nullptr;
  for (const TopicLink& t : links) {
    if (link_details.size() < kMaxEvidence) {
      link_details.push_back({{"page", t.page->url},
                              {"text", t.link->text},
                              {"url", t.link->url},
                              {"region", es::LinkRegionName(t.link->region)}});
    }
    const es::SiteResource* res = site.FindResource(t.link->url);
    if (res != nullptr && res->kind == "error") {
      broken.push_back(t.link->url + " (" + res->error + ")");
      continue;
    }
    if (working == nullptr) {
      working = &t;
    }
    if (from_home == nullptr && t.page->depth == 0) {
      from_home = &t;
    }
  }
  r.details["pages"] = JsonList(pages);
  r.details["links"] = link_details;
  if (!pages.empty()) {
    r.outcome = engine::Outcome::kPassed;
    r.message = "Found " + std::string(what) + ": " + JoinList(pages, 3) + ".";
    for (const std::string& u : pages) {
      AddEvidence(r, u);
    }
    return r;
  }
  if (working != nullptr) {
    const TopicLink& t = from_home != nullptr ? *from_home : *working;
    const es::SitePage* target = site.FindPage(t.link->url);
    r.outcome = engine::Outcome::kPassed;
    r.message = "Found " + std::string(what) + ": linked as \"" + t.link->text + "\" " +
                Where(*t.link, *t.page) + " (" + t.link->url +
                (!t.link->document_type.empty() ? ", a " + t.link->document_type + " document"
                 : target == nullptr            ? ", not crawled"
                                                : "") +
                ").";
    AddEvidence(r, t.link->url);
    AddEvidence(r, t.page->url);
    return r;
  }
  r.outcome = engine::Outcome::kFailed;
  r.severity = engine::Severity::kWarning;
  if (!broken.empty()) {
    r.message = "The links to " + std::string(what) + " are broken: " + JoinList(broken, 3) + ".";
    for (const TopicLink& t : links) {
      AddEvidence(r, t.page->url);
    }
    return r;
  }
  r.message = "No " + std::string(what.substr(what.find(' ') + 1)) + " found on the " +
              Count(site.CrawledPages(), "crawled page", "crawled pages") + " (looked for " +
              std::string(looked_for) + ").";
  AddEvidence(r, site.home_url);
  return r;
}

}  // namespace plainsight::rules::site
