// The crawler: fetches one site (or a few) politely and hands every page and document on as it
// arrives.
//
// Order of work: for each origin, robots.txt first (RFC 9309; see robots.h), then its sitemaps
// (robots.txt `Sitemap:` lines and /sitemap.xml; see sitemap.h), then pages breadth-first from
// the seeds. Every discovered URL is resolved and normalised with the WHATWG parser
// (engine/url.h), stripped of session ids, then judged once, in this order: already seen
// (silently merged), outside the scope, a trap, too deep, over the page budget; if admitted it
// waits in its host's queue and is checked against robots.txt when its turn comes. Redirects
// are followed here, hop by hop, each hop judged the same way and recorded in the chain.
//
// Politeness: at most per_host_concurrency requests at once per origin, request starts at
// least delay_ms apart (or the robots.txt Crawl-delay if longer, up to max_crawl_delay_ms),
// Retry-After (seconds or HTTP date, clamped to max_retry_after_ms) and otherwise exponential
// backoff on 429 and 503, and a global limit on connections for many hosts at once.
//
// Memory: bodies are handed to the callback and dropped; what stays is the frontier and the
// sets of seen URL keys and content hashes (about 200 bytes per URL, so 100,000 pages with
// their queued links stay well under 100 MB; see docs/crawler.md).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "crawler/fetcher.h"
#include "crawler/scope.h"
#include "engine/dom.h"
#include "engine/result.h"

namespace plainsight::crawler {

enum class ResourceKind { kHtml, kPdf, kDocx, kOdt, kXlsx, kPptx, kOther };

// "html", "pdf", "docx", "odt", "xlsx", "pptx", "other".
const char* ResourceKindName(ResourceKind kind);

// Why a URL was not fetched.
enum class SkipReason {
  kRobots,     // robots.txt disallows it (detail: the deciding line)
  kScope,      // outside the site/host/prefix, excluded, or not a page or document
  kTrap,       // a crawler trap guard fired (detail says which)
  kLimit,      // max pages or max depth reached
  kDuplicate,  // a redirect led to a URL already fetched or queued
  kInvalid,    // the reference could not be parsed as a URL
};

// "robots", "scope", "trap", "limit", "duplicate", "invalid".
const char* SkipReasonName(SkipReason reason);

struct SkippedUrl {
  std::string url;       // normalised
  std::string referrer;  // the page (or sitemap) that linked it
  SkipReason reason = SkipReason::kScope;
  std::string detail;  // a sentence; for robots, the deciding robots.txt line
};

struct FetchedResource {
  std::string url;                          // the URL as discovered (normalised)
  std::string final_url;                    // after redirects
  std::vector<std::string> redirect_chain;  // every URL fetched before final_url, in order
  int status = 0;             // HTTP status of the final response; 0 when none arrived
  std::string content_type;   // as sent
  std::string charset;        // the encoding used for HTML (header, BOM or meta; see engine/dom.h)
  std::string body;           // decoded bytes (transfer encodings removed), empty on error
  size_t size = 0;            // body size in bytes
  double fetch_ms = 0;        // time of the final request
  int depth = 0;              // link distance from a seed (sitemap URLs count as 1)
  std::string referrer;       // the page or sitemap that linked it ("" for seeds)
  std::string link_text;      // text of the first link that led here (for sampling)
  std::string sample_reason;  // --sample eu: why the page is in the sample ("contact", ...)
  ResourceKind kind = ResourceKind::kOther;
  std::optional<engine::Error> error;
  std::string etag;  // validators, to pass back in CrawlOptions::validators next time
  std::string last_modified;
  bool not_modified = false;  // 304 to a conditional request: body is empty
  std::string duplicate_of;   // same content as this earlier URL (links not followed again)
  bool has_form = false;      // HTML with a form with controls (for sampling)
  // The parsed page while the callback runs (nullptr for documents and failures); lets the
  // caller audit without parsing again. Not valid after the callback returns.
  const engine::Document* document = nullptr;
  // The same parsed page, shared: a caller that audits on other threads keeps a copy of this
  // pointer, and the page lives until the last copy is dropped. The crawler does not touch the
  // document after the callback returns.
  std::shared_ptr<const engine::Document> shared_document;
};

struct CrawlStats {
  size_t fetched = 0;    // pages and documents handed on (including failures)
  size_t errors = 0;     // of which with an error
  size_t documents = 0;  // of which PDF/Office documents
  size_t skipped = 0;
  size_t queued = 0;  // waiting in the frontier
  size_t in_flight = 0;
  size_t bytes = 0;
  double elapsed_s = 0;
};

struct Validators {
  std::string etag;
  std::string last_modified;
  // What the earlier fetch returned, so that a 304 Not Modified can be handled as the page it
  // confirms (links followed, page audited). Empty: a 304 is delivered with an empty body.
  std::string body;
  std::string content_type;
};

enum class SampleMode { kNone, kEu };

struct CrawlOptions {
  std::vector<std::string> seeds;  // absolute http(s) URLs
  ScopeOptions scope;
  size_t max_pages = 1000;  // pages and documents fetched
  int max_depth = 10;       // link distance from a seed
  int per_host_concurrency = 2;
  int delay_ms = 1000;              // minimum time between request starts on one origin
  int max_crawl_delay_ms = 30'000;  // cap on robots.txt Crawl-delay
  int global_concurrency = 16;
  bool obey_robots = true;
  bool use_sitemaps = true;
  bool extract_links = true;
  bool allow_private = false;
  std::string user_agent = "plainsight/" PLAINSIGHT_VERSION " (+https://plainsight.eu/crawler)";
  size_t max_page_bytes = 10u << 20;
  size_t max_document_bytes = 50u << 20;
  int connect_timeout_ms = 10'000;
  int timeout_ms = 30'000;
  long low_speed_bytes_per_s = 100;
  long low_speed_time_s = 10;
  int max_redirects = 10;
  int max_retries = 3;               // on 429 and 503
  int max_retry_after_ms = 120'000;  // Retry-After above this is clamped
  int backoff_base_ms = 1000;        // first backoff without Retry-After; doubles each time
  int max_duration_ms = 0;           // stop the crawl after this long (0: no limit)
  // Parse HTML and extract links on one background thread while the crawl thread fetches.
  // Callbacks still run on the calling thread, one at a time.
  bool parse_in_background = true;
  SampleMode sample = SampleMode::kNone;
  uint64_t sample_seed = 1;                                // for the random part of the EU sample
  std::unordered_map<std::string, Validators> validators;  // by normalised URL
  std::shared_ptr<Fetcher> fetcher;  // null: a CurlFetcher built from these options
  // Loads what pages refer to (iframe src while parsing; stylesheets when the caller computes
  // styles from FetchedResource::document). Null: none are loaded. See subresources.h.
  const engine::ResourceLoader* subresource_loader = nullptr;
  const std::atomic<bool>* cancel = nullptr;  // set to true to stop early
};

struct CrawlCallbacks {
  std::function<void(const FetchedResource&)> on_resource;
  std::function<void(const SkippedUrl&)> on_skip;
  std::function<void(const CrawlStats&)> on_progress;    // about four times a second
  std::function<void(const engine::Error&)> on_warning;  // robots/sitemap problems
};

struct CrawlSummary {
  CrawlStats stats;
  std::vector<engine::Error> warnings;
};

// Crawls from options.seeds. Fails only when the options are unusable (no seed, an invalid seed
// URL or pattern, libcurl failing to start); everything that goes wrong with the site is
// reported through the callbacks.
engine::Result<CrawlSummary> Crawl(const CrawlOptions& options, const CrawlCallbacks& callbacks);

// Shorthand for Crawl with only on_resource.
engine::Result<CrawlSummary> Crawl(const CrawlOptions& options,
                                   std::function<void(const FetchedResource&)> on_resource);

// Classifies a response by Content-Type, then magic bytes, then file extension, so a PDF sent
// as text/html or an HTML page sent as application/octet-stream is still recognised.
ResourceKind ClassifyResource(std::string_view content_type, std::string_view url,
                              std::string_view body);

// Parses a Retry-After value (delta-seconds or HTTP-date, RFC 9110 10.2.3) into milliseconds
// from `now_unix_s`; nullopt when unparseable. Negative results become 0.
std::optional<int64_t> ParseRetryAfterMs(std::string_view value, int64_t now_unix_s);

}  // namespace plainsight::crawler
