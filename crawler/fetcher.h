// Fetching over HTTP(S): the Fetcher seam and its libcurl implementation.
//
// A Fetcher takes requests and returns completed responses; it never follows redirects (the
// crawler does, so that every hop is checked against scope, robots.txt and the address policy
// and recorded in the redirect chain). Unit tests pass a FakeFetcher (crawler/fake_fetcher.h);
// everything else uses CurlFetcher, built on the libcurl multi interface (HTTP/1.1 and HTTP/2,
// gzip/deflate/brotli, TLS verification on, connect/total/low-speed timeouts).
//
// Size limits apply to the decoded body (libcurl's CURLOPT_MAXFILESIZE only sees the announced
// Content-Length of the encoded body, so a gzip bomb passes it): the write callback stops the
// transfer once the decoded bytes exceed the limit, and the response fails with kTooLarge.
//
// Address policy: unless allow_private is set, every socket libcurl is about to connect is
// checked (CURLOPT_OPENSOCKETFUNCTION), so a name that resolves, or re-resolves, to a private,
// loopback, link-local or cloud-metadata address is refused whatever the URL says.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/result.h"

namespace plainsight::crawler {

struct FetchRequest {
  uint64_t id = 0;                        // chosen by the caller, echoed in the response
  std::string url;                        // absolute http(s) URL
  size_t max_bytes = 10u << 20;           // decoded-body limit for pages and everything else
  size_t max_document_bytes = 50u << 20;  // limit when Content-Type names a PDF/Office document
  std::string if_none_match;              // ETag from an earlier fetch, for a conditional GET
  std::string if_modified_since;          // Last-Modified from an earlier fetch
  // Over the limit, keep the first max_bytes and succeed (robots.txt: RFC 9309 2.5 parses the
  // first 500 KiB) instead of failing with kTooLarge.
  bool keep_truncated = false;
};

struct FetchResponse {
  uint64_t id = 0;
  std::string url;
  int status = 0;            // 0 when no HTTP response arrived
  std::string content_type;  // the Content-Type header as sent ("text/html; charset=utf-8")
  std::string location;      // the Location header, for 3xx
  std::string retry_after;   // the Retry-After header, for 429/503
  std::string etag;
  std::string last_modified;
  std::string content_encoding;
  std::string body;          // decoded bytes (Content-Encoding removed)
  bool truncated = false;    // keep_truncated cut the body at the limit
  std::string connected_ip;  // the address actually connected
  double time_ms = 0;
  std::optional<engine::Error> error;  // network, timeout, too-large, refused address
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Queues a request. Never blocks.
  virtual void Submit(FetchRequest request) = 0;
  // Waits up to timeout_ms for transfers to progress and returns those that completed.
  virtual std::vector<FetchResponse> Wait(int timeout_ms) = 0;
  // Requests submitted and not yet returned by Wait.
  virtual size_t InFlight() const = 0;

  // Makes a Wait() that is blocked in another thread return early. Thread-safe.
  virtual void Wakeup() {}
};

struct CurlFetcherOptions {
  std::string user_agent;
  int connect_timeout_ms = 10'000;
  int total_timeout_ms = 30'000;
  // Abort when slower than low_speed_bytes_per_s for low_speed_time_s (a server dripping a byte
  // a second).
  long low_speed_bytes_per_s = 100;
  long low_speed_time_s = 10;
  bool allow_private = false;  // allow loopback/private/link-local/metadata addresses
  int max_total_connections = 16;
  bool verify_tls = true;
};

// Creates the libcurl multi-interface fetcher. Fails with kInternal if libcurl cannot start.
engine::Result<std::unique_ptr<Fetcher>> MakeCurlFetcher(const CurlFetcherOptions& options);

// Is this address (textual IPv4 or IPv6) one that plainsight refuses by default: loopback,
// private (RFC 1918, unique local fc00::/7), link-local (incl. 169.254.169.254 cloud
// metadata), CGNAT, unspecified, multicast, reserved, or an IPv4-mapped/NAT64 form of those?
bool IsForbiddenAddress(const std::string& ip);

// Fetches one URL synchronously through `fetcher` (no redirects followed). For the CLI.
FetchResponse FetchNow(Fetcher& fetcher, FetchRequest request);

}  // namespace plainsight::crawler
