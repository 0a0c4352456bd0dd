// The EU monitoring sample (see crawler_sample.h): Commission Implementing Decision (EU)
// 2018/1524, Annex I, 2.1.
#include "crawler/crawler_sample.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "crawler/crawler_loop.h"
#include "engine/dom.h"

namespace plainsight::crawler::internal {
namespace {

// EU monitoring sample (Commission Implementing Decision (EU) 2018/1524, Annex I, 2.1): the
// home page, login, sitemap, contact, help and legal pages, the accessibility statement, a page
// per kind of service (here: search and pages with forms), documents, and randomly selected
// further pages. Interpretation: the categories are recognised by keywords (several EU
// languages) in the URL, the link text that led to the page, or the title; the random part is
// ceil(sqrt(pages discovered)), at least 3, which keeps it above the Decision's "10 % of the
// structured sample" for any site and grows with the site.
struct Candidate {
  std::string url;
  std::string referrer;
  int depth = 0;
  std::string haystack;  // lowercase URL + link text + title
  ResourceKind kind = ResourceKind::kOther;
  bool has_form = false;
  bool has_search = false;
  bool has_password = false;
  bool ok = false;
};

struct Category {
  const char* name;
  std::vector<const char*> keywords;
};

const std::vector<Category>& EuCategories() {
  static const std::vector<Category> kCategories = {
      {"accessibility statement",
       {"accessibility", "inrochtaineacht", "barrierefreiheit", "accessibilit", "toegankelijk",
        "accesibilidad", "tillganglighet", "saavutettavuus", "dostepnosc", "pristupacnost"}},
      {"contact", {"contact", "teagmh", "kontakt", "contatt", "yhteyst"}},
      {"help", {"help", "cabhair", "hilfe", "aide", "ayuda", "aiuto", "hjalp", "faq"}},
      {"legal",
       {"legal", "privacy", "terms", "cookie", "imprint", "impressum", "disclaimer", "datenschutz",
        "mentions", "gdpr", "data-protection"}},
      {"sitemap", {"sitemap", "site-map", "site map", "plan-du-site", "sitemapa"}},
      {"search", {"search", "cuardach", "suche", "recherche", "buscar", "cerca", "zoeken"}},
      {"login",
       {"login", "log-in", "log in", "signin", "sign-in", "sign in", "anmelden", "connexion",
        "logail"}},
  };
  return kCategories;
}

bool Matches(const Candidate& c, const Category& cat) {
  for (const char* k : cat.keywords) {
    if (c.haystack.find(k) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

engine::Result<CrawlSummary> CrawlEuSample(const CrawlOptions& options,
                                           const CrawlCallbacks& callbacks) {
  // Phase 1: discover the site (within max_pages) without handing pages on.
  std::vector<Candidate> candidates;
  CrawlOptions discovery = options;
  discovery.sample = SampleMode::kNone;
  CrawlCallbacks phase1;
  phase1.on_skip = callbacks.on_skip;
  phase1.on_warning = callbacks.on_warning;
  phase1.on_progress = callbacks.on_progress;
  phase1.on_resource = [&](const FetchedResource& r) {
    Candidate c;
    c.url = r.url;
    c.referrer = r.referrer;
    c.depth = r.depth;
    c.kind = r.kind;
    c.has_form = r.has_form;
    c.ok = !r.error && r.duplicate_of.empty() && r.status >= 200 && r.status < 300;
    std::string title = r.document != nullptr ? r.document->Title() : std::string();
    c.haystack = engine::AsciiLower(r.final_url + " " + r.link_text + " " + title);
    if (r.document != nullptr) {
      for (const engine::Node* e : r.document->ElementsByTag("input")) {
        std::string type = engine::AsciiLower(e->AttrOr("type"));
        c.has_search = c.has_search || type == "search";
        c.has_password = c.has_password || type == "password";
      }
      c.has_search = c.has_search || r.document->ElementsByTag("search").size() > 0;
    }
    candidates.push_back(std::move(c));
  };
  auto first = CrawlOnce(discovery, phase1);
  if (!first) {
    return first.error();
  }
  // Phase 2: select. Candidates arrive in completion order, which varies with timing: sort by
  // depth then URL so that the same site and seed give the same sample.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.depth != b.depth ? a.depth < b.depth : a.url < b.url;
  });
  std::vector<size_t> chosen;
  std::vector<bool> taken(candidates.size(), false);
  std::unordered_map<std::string, std::string> why;
  auto take = [&](size_t i, const std::string& reason) {
    if (!taken[i]) {
      taken[i] = true;
      chosen.push_back(i);
      why[candidates[i].url] = reason;
    }
  };
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].ok && candidates[i].depth == 0) {
      take(i, "home page");
    }
  }
  for (const Category& cat : EuCategories()) {
    for (size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      bool structural = (cat.name == std::string_view("search") && c.has_search) ||
                        (cat.name == std::string_view("login") && c.has_password);
      if (!taken[i] && c.ok && c.kind == ResourceKind::kHtml && (structural || Matches(c, cat))) {
        take(i, cat.name);
        break;
      }
    }
  }
  int forms = 0;
  for (size_t i = 0; i < candidates.size() && forms < 2; ++i) {
    if (candidates[i].ok && candidates[i].has_form && !taken[i]) {
      take(i, "page with a form");
      ++forms;
    }
  }
  size_t documents_total = 0;
  for (const Candidate& c : candidates) {
    documents_total += (c.ok && c.kind != ResourceKind::kHtml && c.kind != ResourceKind::kOther);
  }
  size_t documents_wanted =
      std::min<size_t>(documents_total, std::max<size_t>(1, documents_total / 10));
  size_t documents = 0;
  for (size_t i = 0; i < candidates.size() && documents < documents_wanted; ++i) {
    const Candidate& c = candidates[i];
    if (c.ok && c.kind != ResourceKind::kHtml && c.kind != ResourceKind::kOther) {
      take(i, "linked document");
      ++documents;
    }
  }
  std::vector<size_t> rest;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!taken[i] && candidates[i].ok && candidates[i].kind == ResourceKind::kHtml) {
      rest.push_back(i);
    }
  }
  size_t random_wanted = std::max<size_t>(
      3, static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(candidates.size())))));
  // Seeded Fisher-Yates with a SplitMix64 generator: reproducible across platforms (std::
  // distributions are not).
  uint64_t state = options.sample_seed;
  auto next = [&state]() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  for (size_t i = 0; i < rest.size() && i < random_wanted; ++i) {
    size_t j = i + static_cast<size_t>(next() % (rest.size() - i));
    std::swap(rest[i], rest[j]);
    take(rest[i], "random page");
  }
  // Phase 3: fetch the sample again and hand it on (bodies were not kept during discovery).
  CrawlOptions fetch = options;
  fetch.sample = SampleMode::kNone;
  fetch.seeds.clear();
  std::unordered_map<std::string, const Candidate*> by_url;
  for (size_t i : chosen) {
    fetch.seeds.push_back(candidates[i].url);
    by_url[candidates[i].url] = &candidates[i];
  }
  if (fetch.seeds.empty()) {
    return first;
  }
  fetch.max_depth = 0;
  fetch.use_sitemaps = false;
  fetch.extract_links = false;
  fetch.max_pages = fetch.seeds.size();
  CrawlCallbacks phase3;
  phase3.on_warning = callbacks.on_warning;
  phase3.on_progress = callbacks.on_progress;
  phase3.on_resource = [&](const FetchedResource& r) {
    FetchedResource copy = r;
    if (auto it = by_url.find(r.url); it != by_url.end()) {
      copy.referrer = it->second->referrer;
      copy.depth = it->second->depth;
      copy.sample_reason = why[r.url];
    }
    if (callbacks.on_resource) {
      callbacks.on_resource(copy);
    }
  };
  auto second = CrawlOnce(fetch, phase3);
  if (!second) {
    return second.error();
  }
  CrawlSummary summary = std::move(*second);
  for (engine::Error& e : first->warnings) {
    summary.warnings.push_back(std::move(e));
  }
  return summary;
}

}  // namespace plainsight::crawler::internal
