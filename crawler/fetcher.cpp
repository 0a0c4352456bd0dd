// libcurl multi-interface fetcher (see fetcher.h). CURLcode and CURLMcode are converted to
// engine::Error here and nowhere else.
#include "crawler/fetcher.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>
#include <mutex>
#include <unordered_map>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "engine/dom.h"

namespace plainsight::crawler {
namespace {

using engine::ErrorCode;

bool InV4Range(uint32_t addr, uint32_t net, int bits) {
  uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
  return (addr & mask) == (net & mask);
}

bool ForbiddenV4(uint32_t a) {
  return InV4Range(a, 0x00000000, 8) ||   // 0.0.0.0/8 "this network"
         InV4Range(a, 0x0A000000, 8) ||   // 10/8
         InV4Range(a, 0x64400000, 10) ||  // 100.64/10 CGNAT
         InV4Range(a, 0x7F000000, 8) ||   // loopback
         InV4Range(a, 0xA9FE0000, 16) ||  // 169.254/16 link-local, incl. 169.254.169.254 metadata
         InV4Range(a, 0xAC100000, 12) ||  // 172.16/12
         InV4Range(a, 0xC0000000, 24) ||  // 192.0.0/24 IETF protocol assignments
         InV4Range(a, 0xC0A80000, 16) ||  // 192.168/16
         InV4Range(a, 0xC6120000, 15) ||  // 198.18/15 benchmarking
         InV4Range(a, 0xE0000000, 4) ||   // multicast
         InV4Range(a, 0xF0000000, 4);     // reserved, broadcast
}

bool ForbiddenV6(const unsigned char* b) {
  static const unsigned char kZero[16] = {};
  unsigned char loopback[16] = {};
  loopback[15] = 1;
  if (std::memcmp(b, kZero, 16) == 0 || std::memcmp(b, loopback, 16) == 0) {
    return true;
  }
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static const unsigned char kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kZero, 12) == 0 ||
      std::memcmp(b, kNat64, 12) == 0) {
    uint32_t v4 =
        (uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) | (uint32_t{b[14]} << 8) | b[15];
    return ForbiddenV4(v4);
  }
  if ((b[0] & 0xfe) == 0xfc) {  // fc00::/7 unique local (incl. fd00:ec2::254 metadata)
    return true;
  }
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) {  // fe80::/10 link-local
    return true;
  }
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) {  // fec0::/10 site-local (deprecated)
    return true;
  }
  if (b[0] == 0xff) {  // multicast
    return true;
  }
  return false;
}

struct Transfer {
  FetchRequest request;
  FetchResponse response;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  bool allow_private = false;
  bool refused_address = false;
  std::string refused_ip;
  bool too_large = false;
  bool document_limit_known = false;
  size_t limit = 0;
  std::chrono::steady_clock::time_point started;
};

bool IsDocumentContentType(const std::string& content_type) {
  const std::string ct = engine::AsciiLower(content_type);
  return ct.find("application/pdf") != std::string::npos ||
         ct.find("officedocument") != std::string::npos ||
         ct.find("opendocument") != std::string::npos ||
         ct.find("application/octet-stream") != std::string::npos ||
         ct.find("application/zip") != std::string::npos;
}

size_t WriteCallback(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (!t->document_limit_known) {
    t->document_limit_known = true;
    t->limit = IsDocumentContentType(t->response.content_type) ? t->request.max_document_bytes
                                                               : t->request.max_bytes;
  }
  if (t->response.body.size() + n > t->limit) {
    t->too_large = true;
    if (t->request.keep_truncated) {
      t->response.body.append(data, t->limit - t->response.body.size());
    }
    return 0;  // CURLE_WRITE_ERROR stops the transfer
  }
  t->response.body.append(data, n);
  return n;
}

size_t HeaderCallback(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  if (line.substr(0, 5) == "HTTP/") {
    // A new response (after 100 Continue): forget earlier headers.
    t->response.content_type.clear();
    t->response.location.clear();
    t->response.retry_after.clear();
    t->response.etag.clear();
    t->response.last_modified.clear();
    t->response.content_encoding.clear();
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return n;
  }
  const std::string name = engine::AsciiLower(line.substr(0, colon));
  // RFC 9110 5.5: no leading or trailing whitespace in a field value (and the line's CRLF).
  std::string_view value = engine::TrimWhitespace(line.substr(colon + 1));
  // Keep header values bounded: a hostile server may send megabytes in one header.
  value = value.substr(0, 8192);
  if (name == "content-type") {
    t->response.content_type = std::string(value);
  } else if (name == "location") {
    t->response.location = std::string(value);
  } else if (name == "retry-after") {
    t->response.retry_after = std::string(value);
  } else if (name == "etag") {
    t->response.etag = std::string(value);
  } else if (name == "last-modified") {
    t->response.last_modified = std::string(value);
  } else if (name == "content-encoding") {
    t->response.content_encoding = std::string(value);
  }
  return n;
}

curl_socket_t OpenSocket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  char ip[INET6_ADDRSTRLEN] = {};
  bool forbidden = false;
  if (address->family == AF_INET) {
    const auto* sin = reinterpret_cast<const sockaddr_in*>(&address->addr);
    inet_ntop(AF_INET, &sin->sin_addr, ip, sizeof ip);
    forbidden = ForbiddenV4(ntohl(sin->sin_addr.s_addr));
  } else if (address->family == AF_INET6) {
    const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(&address->addr);
    inet_ntop(AF_INET6, &sin6->sin6_addr, ip, sizeof ip);
    forbidden = ForbiddenV6(sin6->sin6_addr.s6_addr);
  } else {
    forbidden = true;  // Unix sockets and anything else are never crawled
  }
  if (forbidden && !t->allow_private) {
    t->refused_address = true;
    t->refused_ip = ip;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

class CurlFetcher final : public Fetcher {
 public:
  explicit CurlFetcher(const CurlFetcherOptions& options) : options_(options) {
    multi_ = curl_multi_init();
    curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                      static_cast<long>(options.max_total_connections));
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
    share_ = curl_share_init();
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  }

  ~CurlFetcher() override {
    for (auto& [easy, t] : active_) {
      curl_multi_remove_handle(multi_, easy);
      Release(t.get());
    }
    for (CURL* e : idle_) {
      curl_easy_cleanup(e);
    }
    curl_multi_cleanup(multi_);
    curl_share_cleanup(share_);
  }

  bool ok() const { return multi_ != nullptr; }

  void Submit(FetchRequest request) override {
    auto t = std::make_unique<Transfer>();
    t->request = std::move(request);
    t->response.id = t->request.id;
    t->response.url = t->request.url;
    t->allow_private = options_.allow_private;
    t->limit = t->request.max_bytes;
    t->started = std::chrono::steady_clock::now();
    CURL* easy = nullptr;
    if (!idle_.empty()) {
      easy = idle_.back();
      idle_.pop_back();
      curl_easy_reset(easy);
    } else {
      easy = curl_easy_init();
    }
    t->easy = easy;
    curl_easy_setopt(easy, CURLOPT_URL, t->request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(easy, CURLOPT_SHARE, share_);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &WriteCallback);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &HeaderCallback);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &OpenSocket);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, t.get());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout_ms));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout_ms));
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes_per_s);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, options_.low_speed_time_s);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str());
    // Environment proxies would bypass the address check: never use them.
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    // Refuse an announced Content-Length above the larger limit before reading the body.
    if (!t->request.keep_truncated) {
      curl_easy_setopt(
          easy, CURLOPT_MAXFILESIZE_LARGE,
          static_cast<curl_off_t>(std::max(t->request.max_bytes, t->request.max_document_bytes)));
    }
    if (!t->request.if_none_match.empty()) {
      t->headers =
          curl_slist_append(t->headers, ("If-None-Match: " + t->request.if_none_match).c_str());
    }
    if (!t->request.if_modified_since.empty()) {
      t->headers = curl_slist_append(
          t->headers, ("If-Modified-Since: " + t->request.if_modified_since).c_str());
    }
    if (t->headers != nullptr) {
      curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t->headers);
    }
    CURLMcode mc = curl_multi_add_handle(multi_, easy);
    if (mc != CURLM_OK) {
      t->response.error =
          engine::Error{ErrorCode::kInternal, curl_multi_strerror(mc), t->request.url};
      Release(t.get());
      done_.push_back(std::move(t->response));
      return;
    }
    active_.emplace(easy, std::move(t));
  }

  std::vector<FetchResponse> Wait(int timeout_ms) override {
    std::vector<FetchResponse> out;
    while (!done_.empty()) {
      out.push_back(std::move(done_.front()));
      done_.pop_front();
    }
    if (active_.empty()) {
      return out;
    }
    int running = 0;
    curl_multi_perform(multi_, &running);
    Collect(out);
    if (out.empty()) {
      curl_multi_poll(multi_, nullptr, 0, timeout_ms, nullptr);
      curl_multi_perform(multi_, &running);
      Collect(out);
    }
    return out;
  }

  size_t InFlight() const override { return active_.size() + done_.size(); }

  void Wakeup() override { curl_multi_wakeup(multi_); }

 private:
  void Release(Transfer* t) {
    if (t->headers != nullptr) {
      curl_slist_free_all(t->headers);
      t->headers = nullptr;
    }
    if (t->easy != nullptr) {
      idle_.push_back(t->easy);
      t->easy = nullptr;
    }
  }

  void Collect(std::vector<FetchResponse>& out) {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) {
        continue;
      }
      CURL* easy = msg->easy_handle;
      CURLcode code = msg->data.result;
      auto it = active_.find(easy);
      if (it == active_.end()) {
        continue;
      }
      std::unique_ptr<Transfer> t = std::move(it->second);
      active_.erase(it);
      curl_multi_remove_handle(multi_, easy);
      FetchResponse& r = t->response;
      long status = 0;
      curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
      r.status = static_cast<int>(status);
      char* ip = nullptr;
      if (curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr) {
        r.connected_ip = ip;
      }
      r.time_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t->started)
              .count();
      if (code == CURLE_WRITE_ERROR && t->too_large && t->request.keep_truncated) {
        r.truncated = true;
      } else if (code != CURLE_OK) {
        ErrorCode ec = ErrorCode::kNetwork;
        std::string message = curl_easy_strerror(code);
        if (t->refused_address) {
          ec = ErrorCode::kDisallowed;
          message = "refused to connect to private or loopback address " + t->refused_ip +
                    " (use --allow-private to allow)";
          r.connected_ip = t->refused_ip;
        } else if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
          ec = ErrorCode::kTooLarge;
          message = t->too_large ? "decoded body exceeds the size limit"
                                 : "announced Content-Length exceeds the size limit";
        } else if (code == CURLE_OPERATION_TIMEDOUT) {
          ec = ErrorCode::kTimeout;
        } else if (code == CURLE_BAD_CONTENT_ENCODING) {
          ec = ErrorCode::kParse;
        } else if (code == CURLE_OUT_OF_MEMORY) {
          // libcurl 7.88 also reports a response header over 100 KiB this way.
          message += " (or a response header over libcurl's 100 KiB limit)";
        }
        r.error = engine::Error{ec, message, r.url};
        // A partial body is not handed on: it would be audited as if complete.
        r.body.clear();
        r.body.shrink_to_fit();
      }
      Release(t.get());
      out.push_back(std::move(r));
    }
  }

  CurlFetcherOptions options_;
  CURLM* multi_ = nullptr;
  CURLSH* share_ = nullptr;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> active_;
  std::vector<CURL*> idle_;
  std::deque<FetchResponse> done_;
};

std::once_flag g_curl_init;

}  // namespace

bool IsForbiddenAddress(const std::string& ip) {
  in_addr v4{};
  if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
    return ForbiddenV4(ntohl(v4.s_addr));
  }
  in6_addr v6{};
  std::string bare = ip;
  if (!bare.empty() && bare.front() == '[' && bare.back() == ']') {
    bare = bare.substr(1, bare.size() - 2);
  }
  if (inet_pton(AF_INET6, bare.c_str(), &v6) == 1) {
    return ForbiddenV6(v6.s6_addr);
  }
  return true;  // not an address: refuse
}

engine::Result<std::unique_ptr<Fetcher>> MakeCurlFetcher(const CurlFetcherOptions& options) {
  CURLcode init = CURLE_OK;
  std::call_once(g_curl_init, [&] { init = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (init != CURLE_OK) {
    return engine::Fail(ErrorCode::kInternal, curl_easy_strerror(init));
  }
  auto fetcher = std::make_unique<CurlFetcher>(options);
  if (!fetcher->ok()) {
    return engine::Fail(ErrorCode::kInternal, "curl_multi_init failed");
  }
  return std::unique_ptr<Fetcher>(std::move(fetcher));
}

FetchResponse FetchNow(Fetcher& fetcher, FetchRequest request) {
  uint64_t id = request.id;
  fetcher.Submit(std::move(request));
  // Bounded: every transfer ends by its own total timeout.
  while (fetcher.InFlight() > 0) {
    for (FetchResponse& r : fetcher.Wait(100)) {
      if (r.id == id) {
        return std::move(r);
      }
    }
  }
  FetchResponse lost;
  lost.id = id;
  lost.error = engine::Error{ErrorCode::kInternal, "the fetcher lost the request", ""};
  return lost;
}

}  // namespace plainsight::crawler
