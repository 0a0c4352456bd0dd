// The crawler against a hostile server on 127.0.0.1: drip-fed bodies, endless bodies, a 10 GB
// Content-Length, a gzip bomb, redirect loops and long chains, 429/503 storms with Retry-After,
// malformed responses, wrong content types, invalid UTF-8 and legacy charsets. The crawl must
// finish, record each failure with its reason, and stay within its memory limit.
#include <chrono>
#include <map>
#include <string>
#include <thread>

#include <sys/resource.h>

#include <catch2/catch.hpp>

#include "crawler/crawler.h"
#include "tests/crawler/test_server.h"

using namespace plainsight;
using testing::TestConnection;
using testing::TestRequest;
using testing::TestServer;

namespace {

// 64 MiB of zeros compress to about 64 KiB. Made before the crawl starts, so that compressing
// it (slow on a loaded machine) does not eat into the request's time limit.
const std::string& GzipBomb() {
  static const std::string kBomb = testing::GzipForTest(std::string(64u << 20, '\0'));
  return kBomb;
}

void Hostile(const TestRequest& req, TestConnection& c, const std::string& base) {
  const std::string& t = req.target;
  if (t == "/") {
    std::string links;
    for (const char* p : {"/drip", "/endless", "/huge", "/bomb", "/loop-a", "/chain/0", "/storm429",
                          "/storm503", "/malformed", "/pdf-as-html", "/html-as-binary", "/latin1",
                          "/bad-utf8", "/no-location", "/empty-reply", "/huge-header"}) {
      links += std::string("<a href='") + p + "'>x</a>";
    }
    c.Respond(200, "text/html", "<!doctype html><title>hostile</title>" + links);
  } else if (t == "/robots.txt") {
    c.Respond(404, "text/plain", "");
  } else if (t == "/drip") {
    // One byte a second of a 1,000-byte body.
    c.Send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n");
    for (int i = 0; i < 30 && c.Send("x"); ++i) {
      for (int j = 0; j < 20 && !c.stopping(); ++j) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  } else if (t == "/endless") {
    c.Send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
    std::string chunk = "4000\r\n" + std::string(0x4000, 'a') + "\r\n";
    for (int i = 0; i < 100'000 && c.Send(chunk); ++i) {
    }
  } else if (t == "/huge") {
    c.Send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10737418240\r\n\r\n");
    std::string block(65536, 'b');
    for (int i = 0; i < 1000 && c.Send(block); ++i) {
    }
  } else if (t == "/bomb") {
    c.Respond(200, "text/html", GzipBomb(), {{"Content-Encoding", "gzip"}});
  } else if (t == "/loop-a") {
    c.Respond(302, "text/html", "", {{"Location", "/loop-b"}});
  } else if (t == "/loop-b") {
    c.Respond(302, "text/html", "", {{"Location", base + "/loop-a"}});
  } else if (t.rfind("/chain/", 0) == 0) {
    int n = std::stoi(t.substr(7));
    c.Respond(301, "text/html", "", {{"Location", "/chain/" + std::to_string(n + 1)}});
  } else if (t == "/storm429") {
    c.Respond(429, "text/html", "slow down", {{"Retry-After", "3600"}});
  } else if (t == "/storm503") {
    c.Respond(503, "text/html", "down", {{"Retry-After", "Fri, 31 Dec 1999 23:59:59 GMT"}});
  } else if (t == "/malformed") {
    c.Send("HTTP/1.1 two hundred\r\nContent-Type text/html\r\n\x01\x02\x03\r\n\r\nbody");
  } else if (t == "/pdf-as-html") {
    c.Respond(200, "text/html", "%PDF-1.4\n%binary\x80\x81");
  } else if (t == "/html-as-binary") {
    c.Respond(200, "application/octet-stream", "<!DOCTYPE html><title>x</title><p>text");
  } else if (t == "/latin1") {
    c.Respond(200, "text/html; charset=iso-8859-1", "<!doctype html><p>Caf\xE9 na h\xC9ireann");
  } else if (t == "/bad-utf8") {
    c.Respond(200, "text/html; charset=utf-8", "<!doctype html><p>bad \xC3\x28 \xFF bytes");
  } else if (t == "/no-location") {
    c.Respond(302, "text/html", "");
  } else if (t == "/huge-header") {
    // One header line of 1 MiB: libcurl refuses headers over 100 KiB.
    c.Send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Junk: " + std::string(1u << 20, 'j') +
           "\r\nContent-Length: 2\r\n\r\nok");
  } else if (t == "/empty-reply") {
    // Closes without a byte.
  } else {
    c.Respond(404, "text/html", "");
  }
}

}  // namespace

TEST_CASE("crawler hostile server: every failure is recorded with its reason",
          "[crawler][hostile]") {
  std::string base;
  GzipBomb();
  TestServer server([&base](const TestRequest& r, TestConnection& c) { Hostile(r, c, base); });
  base = server.Url("");
  crawler::CrawlOptions o;
  o.seeds = {base + "/"};
  o.allow_private = true;
  o.delay_ms = 0;
  o.per_host_concurrency = 4;
  o.timeout_ms = 8'000;
  o.low_speed_bytes_per_s = 100;
  o.low_speed_time_s = 2;
  o.max_page_bytes = 1u << 20;
  o.max_document_bytes = 2u << 20;
  o.max_retry_after_ms = 20;  // Retry-After: 3600 is clamped
  o.max_duration_ms = 60'000;
  o.use_sitemaps = false;
  std::map<std::string, crawler::FetchedResource> fetched;
  auto summary = crawler::Crawl(o, [&](const crawler::FetchedResource& r) {
    crawler::FetchedResource copy = r;
    copy.document = nullptr;
    fetched[r.url.substr(base.size())] = std::move(copy);
  });
  REQUIRE(summary.has_value());

  auto error_of = [&](const std::string& path) -> std::string {
    auto it = fetched.find(path);
    if (it == fetched.end()) {
      return "not fetched";
    }
    if (!it->second.error) {
      return "no error";
    }
    return std::string(engine::ErrorCodeName(it->second.error->code)) + ": " +
           it->second.error->message;
  };
  using engine::ErrorCode;
  auto code_of = [&](const std::string& path) {
    REQUIRE(fetched.count(path) == 1);
    REQUIRE(fetched.at(path).error.has_value());
    return fetched.at(path).error->code;
  };
  INFO("drip: " << error_of("/drip"));
  CHECK((code_of("/drip") == ErrorCode::kTimeout || code_of("/drip") == ErrorCode::kNetwork));
  CHECK(error_of("/endless") == "too-large: decoded body exceeds the size limit");
  CHECK(error_of("/huge") == "too-large: announced Content-Length exceeds the size limit");
  CHECK(error_of("/bomb") == "too-large: decoded body exceeds the size limit");
  CHECK(error_of("/loop-a") == "http-status: redirect loop back to " + base + "/loop-a");
  CHECK(error_of("/chain/0") == "http-status: more than 10 redirects");
  CHECK(error_of("/storm429") == "http-status: HTTP 429 after 4 attempts");
  CHECK(error_of("/storm503") == "http-status: HTTP 503 after 4 attempts");
  CHECK(code_of("/malformed") == ErrorCode::kNetwork);
  CHECK(code_of("/empty-reply") == ErrorCode::kNetwork);
  INFO("huge-header: " << error_of("/huge-header"));
  CHECK(code_of("/huge-header") == ErrorCode::kNetwork);
  CHECK(error_of("/no-location") == "http-status: HTTP 302 without Location");
  CHECK(fetched.at("/pdf-as-html").kind == crawler::ResourceKind::kPdf);
  CHECK(fetched.at("/html-as-binary").kind == crawler::ResourceKind::kHtml);
  CHECK(error_of("/latin1") == "no error");
  CHECK(fetched.at("/latin1").charset == "windows-1252");
  CHECK(error_of("/bad-utf8") == "no error");
  CHECK(fetched.at("/bad-utf8").kind == crawler::ResourceKind::kHtml);
  CHECK(fetched.size() == 17);
  CHECK(summary->stats.errors == 12);

  // Nothing was buffered beyond the limits: the whole test process stays small although the
  // server offered 10 GB, an endless body and a 64 MiB bomb.
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  CHECK(usage.ru_maxrss < 400 * 1024);  // KiB; the 64 MiB bomb source string itself is counted
}
