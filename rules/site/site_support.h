// Helpers shared by the site rules (rules/site/*.cpp): choosing the accessibility statement,
// evidence lists, wording.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/site/site_model.h"

namespace plainsight::rules::site {

// At most this many URLs in a result's evidence and in lists inside messages and details.
inline constexpr size_t kMaxEvidence = 10;

// The site's accessibility statement pages, best first: linked from a home page, then found by
// the crawl, then with the most model sections found, then by URL.
std::vector<const engine::site::SitePage*> StatementPages(const engine::site::SiteModel& site);

// The page a site's statement checks judge: StatementPages' first, or nullptr.
const engine::site::SitePage* ChosenStatement(const engine::site::SiteModel& site);

// Links of crawled pages with `topic`, with the pages they are on.
struct TopicLink {
  const engine::site::SitePage* page = nullptr;
  const engine::site::LinkSignal* link = nullptr;
};

std::vector<TopicLink> LinksWithTopic(const engine::site::SiteModel& site, uint16_t topic);

// Adds a URL to the evidence once, up to kMaxEvidence.
void AddEvidence(engine::site::SiteResult& result, const std::string& url);

// "1 page", "3 pages".
std::string Count(size_t n, std::string_view singular, std::string_view plural);

// The first `max` items joined with ", ", and "and N more" when cut.
std::string JoinList(const std::vector<std::string>& items, size_t max = kMaxEvidence);

// A JSON array of at most kMaxEvidence strings.
nlohmann::json JsonList(const std::vector<std::string>& items);

// "in the footer of https://x/ " style: where a link sits, in words.
std::string Where(const engine::site::LinkSignal& link, const engine::site::SitePage& page);

// The shared check of rules that look for a page the site should offer (a customer charter, a
// complaints procedure): passed when a crawled page is one (`is_page`) or a link with `topic`
// leads to one (the target crawled, a document, or not crawled); failed (warning) when links
// named for it are all broken or nothing is found; inapplicable when no page was read.
// `what` names it in messages ("a customer charter"); `looked_for` says what was looked for.
engine::site::SiteResult CheckOfferedPage(const engine::site::SiteModel& site, uint16_t topic,
                                          bool engine::site::PageSignals::*is_page,
                                          std::string_view what, std::string_view looked_for);

// Details common to every site rule: how many pages were crawled, the home page.
nlohmann::json BaseDetails(const engine::site::SiteModel& site);

// Starts the result of a rule about the whole site: BaseDetails; when no page of the site was
// read, inapplicable with a message saying so, and false (the rule returns `result` as it is).
bool StartOnReadSite(const engine::site::SiteModel& site, engine::site::SiteResult& result);

// Starts the result of a rule about the accessibility statement: BaseDetails, and the chosen
// statement (ChosenStatement) as evidence and details' statement_url. Returns that page, or
// nullptr when there is none, `result` then being inapplicable with a message saying so.
const engine::site::SitePage* StartOnStatement(const engine::site::SiteModel& site,
                                               engine::site::SiteResult& result);

}  // namespace plainsight::rules::site
