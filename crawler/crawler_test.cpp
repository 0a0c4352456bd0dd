// The crawl loop against a FakeFetcher (no sockets): exactly which URLs are fetched and
// skipped and why, redirects, retries, robots.txt outcomes, limits, sampling.
#include "crawler/crawler.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crawler/fake_fetcher.h"

using namespace plainsight;
using crawler::FakeFetcher;
using crawler::FetchedResource;
using crawler::SkippedUrl;

namespace {

const std::string kSite = "https://www.council.ie";

struct Outcome {
  std::vector<FetchedResource> fetched;
  std::vector<SkippedUrl> skipped;
  std::vector<engine::Error> warnings;

  const FetchedResource* Find(const std::string& url) const {
    for (const auto& r : fetched) {
      if (r.url == url) {
        return &r;
      }
    }
    return nullptr;
  }

  std::set<std::string> FetchedUrls() const {
    std::set<std::string> out;
    for (const auto& r : fetched) {
      out.insert(r.url);
    }
    return out;
  }

  std::map<std::string, std::string> Skips() const {  // url -> "reason: detail"
    std::map<std::string, std::string> out;
    for (const auto& s : skipped) {
      out[s.url] = std::string(crawler::SkipReasonName(s.reason)) + ": " + s.detail;
    }
    return out;
  }
};

crawler::CrawlOptions Options(std::shared_ptr<FakeFetcher> fetcher) {
  crawler::CrawlOptions o;
  o.seeds = {kSite + "/"};
  o.delay_ms = 0;
  o.per_host_concurrency = 1;
  o.backoff_base_ms = 1;
  o.max_retry_after_ms = 5;
  o.max_duration_ms = 20'000;  // a bound, never reached by a passing test
  o.fetcher = std::move(fetcher);
  return o;
}

Outcome Run(const crawler::CrawlOptions& options) {
  Outcome out;
  crawler::CrawlCallbacks cb;
  cb.on_resource = [&](const FetchedResource& r) {
    FetchedResource copy = r;
    copy.document = nullptr;
    out.fetched.push_back(std::move(copy));
  };
  cb.on_skip = [&](const SkippedUrl& s) { out.skipped.push_back(s); };
  cb.on_warning = [&](const engine::Error& e) { out.warnings.push_back(e); };
  auto summary = crawler::Crawl(options, cb);
  REQUIRE(summary.has_value());
  CHECK(summary->stats.fetched == out.fetched.size());
  CHECK(summary->stats.skipped == out.skipped.size());
  return out;
}

std::string Html(const std::string& body) {
  return "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>";
}

}  // namespace

TEST_CASE("crawler: fetches exactly the in-scope pages and reports every skip with its reason",
          "[crawler][crawl]") {
  auto f = std::make_shared<FakeFetcher>();
  f->Add(kSite + "/robots.txt", 200, "text/plain",
         "User-agent: *\nDisallow: /private/\nSitemap: " + kSite + "/sitemap.xml\n");
  f->Add(kSite + "/sitemap.xml", 200, "application/xml",
         "<urlset><url><loc>" + kSite + "/orphan.html</loc></url><url><loc>" + kSite +
             "/about.html</loc></url></urlset>");
  f->Add(kSite + "/", 200, "text/html; charset=utf-8",
         Html("<a href='about.html'>About</a><a href='contact.html#team'>Contact</a>"
              "<a href='private/a.html'>x</a><a href='report.pdf'>Report</a>"
              "<a href='https://elsewhere.ie/'>x</a><a href='photo.jpg'>x</a>"
              "<a href='/old'>old</a><a href='mailto:info@council.ie'>mail</a>"));
  f->Add(kSite + "/about.html", 200, "text/html", Html("<a href='/deep.html'>deep</a>"));
  f->Add(kSite + "/deep.html", 200, "text/html", Html("<a href='/deeper.html'>deeper</a>"));
  f->Add(kSite + "/contact.html", 200, "text/html", Html("<p>Call us</p>"));
  f->Add(kSite + "/report.pdf", 200, "application/pdf", "%PDF-1.7 ...");
  f->Add(kSite + "/old", 301, "text/html", "", "/new.html");
  f->Add(kSite + "/new.html", 200, "text/html", Html("<p>new</p>"));
  f->Add(kSite + "/orphan.html", 200, "text/html", Html("<p>orphan</p>"));
  auto options = Options(f);
  options.max_depth = 2;
  Outcome out = Run(options);

  CHECK(out.FetchedUrls() == std::set<std::string>{kSite + "/", kSite + "/about.html",
                                                   kSite + "/contact.html", kSite + "/report.pdf",
                                                   kSite + "/old", kSite + "/orphan.html",
                                                   kSite + "/deep.html"});
  CHECK(out.Skips() == std::map<std::string, std::string>{
                           {kSite + "/private/a.html", "robots: line 2: Disallow: /private/"},
                           {"https://elsewhere.ie/", "scope: outside the site council.ie"},
                           {kSite + "/photo.jpg", "scope: not a page or document (.jpg)"},
                           {"mailto:info@council.ie", "scope: not an http(s) URL"},
                           {kSite + "/deeper.html", "limit: deeper than --max-depth 2"}});
  std::vector<std::string> requested = f->requested();
  std::sort(requested.begin(), requested.end());
  CHECK(requested == std::vector<std::string>{kSite + "/", kSite + "/about.html",
                                              kSite + "/contact.html", kSite + "/deep.html",
                                              kSite + "/new.html", kSite + "/old",
                                              kSite + "/orphan.html", kSite + "/report.pdf",
                                              kSite + "/robots.txt", kSite + "/sitemap.xml"});
  CHECK(f->requested().front() == kSite + "/robots.txt");

  const FetchedResource* pdf = out.Find(kSite + "/report.pdf");
  REQUIRE(pdf != nullptr);
  CHECK(pdf->kind == crawler::ResourceKind::kPdf);
  CHECK(pdf->referrer == kSite + "/");
  CHECK(pdf->depth == 1);
  CHECK(pdf->size == 12);
  const FetchedResource* old = out.Find(kSite + "/old");
  REQUIRE(old != nullptr);
  CHECK(old->final_url == kSite + "/new.html");
  CHECK(old->redirect_chain == std::vector<std::string>{kSite + "/old"});
  CHECK(old->status == 200);
  CHECK_FALSE(old->error.has_value());
  const FetchedResource* orphan = out.Find(kSite + "/orphan.html");
  REQUIRE(orphan != nullptr);
  CHECK(orphan->referrer == kSite + "/sitemap.xml");
  CHECK(orphan->depth == 1);
  const FetchedResource* home = out.Find(kSite + "/");
  REQUIRE(home != nullptr);
  CHECK(home->charset == "utf-8");
  CHECK(home->kind == crawler::ResourceKind::kHtml);
}

TEST_CASE("crawler: 429 with Retry-After is retried, a 503 storm ends in a recorded error",
          "[crawler][politeness]") {
  auto f = std::make_shared<FakeFetcher>();
  f->Add(kSite + "/", 200, "text/html", Html("<a href='/busy'>b</a><a href='/down'>d</a>"));
  int busy_calls = 0;
  f->AddHandler(kSite + "/busy", [&](const crawler::FetchRequest&) {
    crawler::FetchResponse r;
    r.status = ++busy_calls < 3 ? 429 : 200;
    r.retry_after = "1";
    r.content_type = "text/html";
    r.body = Html("<p>finally</p>");
    return r;
  });
  f->Add(kSite + "/down", 503, "text/html", "", "", "Wed, 21 Oct 2015 07:28:00 GMT");
  Outcome out = Run(Options(f));
  const FetchedResource* busy = out.Find(kSite + "/busy");
  REQUIRE(busy != nullptr);
  CHECK(busy->status == 200);
  CHECK_FALSE(busy->error.has_value());
  CHECK(busy_calls == 3);
  const FetchedResource* down = out.Find(kSite + "/down");
  REQUIRE(down != nullptr);
  CHECK(down->status == 503);
  REQUIRE(down->error.has_value());
  CHECK(down->error->code == engine::ErrorCode::kHttpStatus);
  CHECK(down->error->message == "HTTP 503 after 4 attempts");
  CHECK(std::count(f->requested().begin(), f->requested().end(), kSite + "/down") == 4);
}

TEST_CASE("crawler: robots.txt 4xx allows all, 5xx disallows all, redirects are followed",
          "[crawler][robots]") {
  SECTION("404 allows everything") {
    auto f = std::make_shared<FakeFetcher>();
    f->Add(kSite + "/", 200, "text/html", Html("<a href='/private/x'>x</a>"));
    f->Add(kSite + "/private/x", 200, "text/html", Html(""));
    Outcome out = Run(Options(f));
    CHECK(out.FetchedUrls() == std::set<std::string>{kSite + "/", kSite + "/private/x"});
    CHECK(out.skipped.empty());
  }
  SECTION("503 disallows everything") {
    auto f = std::make_shared<FakeFetcher>();
    f->Add(kSite + "/robots.txt", 503, "text/plain", "");
    f->Add(kSite + "/", 200, "text/html", Html(""));
    Outcome out = Run(Options(f));
    CHECK(out.fetched.empty());
    CHECK(out.Skips() ==
          std::map<std::string, std::string>{
              {kSite + "/", "robots: robots.txt: HTTP 503: disallow all (RFC 9309 2.3.1.4)"}});
    CHECK(f->requested() == std::vector<std::string>{kSite + "/robots.txt"});
  }
  SECTION("a redirected robots.txt is followed") {
    auto f = std::make_shared<FakeFetcher>();
    f->Add(kSite + "/robots.txt", 301, "text/html", "", "/real-robots.txt");
    f->Add(kSite + "/real-robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /\n");
    f->Add(kSite + "/", 200, "text/html", Html(""));
    Outcome out = Run(Options(f));
    CHECK(out.fetched.empty());
    CHECK(out.Skips() ==
          std::map<std::string, std::string>{{kSite + "/", "robots: line 2: Disallow: /"}});
  }
  SECTION("more than five robots.txt redirects count as unavailable: allow all") {
    auto f = std::make_shared<FakeFetcher>();
    f->Add(kSite + "/robots.txt", 302, "text/html", "", "/r1");
    for (int i = 1; i <= 6; ++i) {
      f->Add(kSite + "/r" + std::to_string(i), 302, "text/html", "", "/r" + std::to_string(i + 1));
    }
    f->Add(kSite + "/", 200, "text/html", Html(""));
    Outcome out = Run(Options(f));
    CHECK(out.FetchedUrls() == std::set<std::string>{kSite + "/"});
    CHECK(std::count(f->requested().begin(), f->requested().end(), kSite + "/r6") == 0);
  }
}

TEST_CASE("crawler: redirect loops and over-long chains end with an error", "[crawler][redirect]") {
  auto f = std::make_shared<FakeFetcher>();
  f->Add(kSite + "/", 200, "text/html", Html("<a href='/a'>a</a><a href='/c0'>c</a>"));
  f->Add(kSite + "/a", 302, "text/html", "", "/b");
  f->Add(kSite + "/b", 302, "text/html", "", "/a");
  for (int i = 0; i < 20; ++i) {
    f->Add(kSite + "/c" + std::to_string(i), 301, "text/html", "", "/c" + std::to_string(i + 1));
  }
  Outcome out = Run(Options(f));
  const FetchedResource* a = out.Find(kSite + "/a");
  REQUIRE(a != nullptr);
  REQUIRE(a->error.has_value());
  CHECK(a->error->message == "redirect loop back to " + kSite + "/a");
  CHECK(a->redirect_chain == std::vector<std::string>{kSite + "/a", kSite + "/b"});
  const FetchedResource* c = out.Find(kSite + "/c0");
  REQUIRE(c != nullptr);
  REQUIRE(c->error.has_value());
  CHECK(c->error->message == "more than 10 redirects");
  CHECK(c->redirect_chain.size() == 11);
}

TEST_CASE("crawler: max pages, conditional requests and duplicate content", "[crawler][limits]") {
  auto f = std::make_shared<FakeFetcher>();
  f->Add(kSite + "/", 200, "text/html",
         Html("<a href='/1'>1</a><a href='/2'>2</a><a href='/3'>3</a><a href='/4'>4</a>"));
  f->Add(kSite + "/1", 200, "text/html", Html("<p>same</p>"));
  f->Add(kSite + "/2", 200, "text/html", Html("<p>same</p>"));
  f->AddHandler(kSite + "/3", [](const crawler::FetchRequest& req) {
    crawler::FetchResponse r;
    r.status = req.if_none_match == "\"v1\"" ? 304 : 200;
    r.etag = "\"v1\"";
    return r;
  });
  auto options = Options(f);
  options.max_pages = 4;
  options.validators[kSite + "/3"] = crawler::Validators{"\"v1\"", ""};
  Outcome out = Run(options);
  CHECK(out.FetchedUrls() ==
        std::set<std::string>{kSite + "/", kSite + "/1", kSite + "/2", kSite + "/3"});
  CHECK(out.Skips() ==
        std::map<std::string, std::string>{{kSite + "/4", "limit: --max-pages 4 reached"}});
  CHECK(out.Find(kSite + "/2")->duplicate_of == kSite + "/1");
  CHECK(out.Find(kSite + "/1")->duplicate_of.empty());
  CHECK(out.Find(kSite + "/3")->not_modified);
  CHECK(out.Find(kSite + "/3")->status == 304);
}

TEST_CASE("crawler: an endless calendar is cut by the trap guard", "[crawler][trap]") {
  auto f = std::make_shared<FakeFetcher>();
  f->Add(kSite + "/", 200, "text/html", Html("<a href='/events?month=1'>events</a>"));
  for (int m = 1; m <= 200; ++m) {
    f->Add(kSite + "/events?month=" + std::to_string(m), 200, "text/html",
           Html("<p>" + std::to_string(m) + "</p><a href='/events?month=" + std::to_string(m + 1) +
                "'>next</a>"));
  }
  auto options = Options(f);
  options.max_depth = 1000;
  Outcome out = Run(options);
  CHECK(out.fetched.size() == 51);  // the home page and 50 months
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].url == kSite + "/events?month=51");
  CHECK(out.skipped[0].reason == crawler::SkipReason::kTrap);
}

TEST_CASE("crawler: decoded size limits are recorded as errors", "[crawler][limits]") {
  auto f = std::make_shared<FakeFetcher>();
  f->Add(kSite + "/", 200, "text/html", Html("<a href='/big'>big</a>"));
  f->Add(kSite + "/big", 200, "text/html", std::string(2000, 'x'));
  auto options = Options(f);
  options.max_page_bytes = 1000;
  Outcome out = Run(options);
  const FetchedResource* big = out.Find(kSite + "/big");
  REQUIRE(big != nullptr);
  REQUIRE(big->error.has_value());
  CHECK(big->error->code == engine::ErrorCode::kTooLarge);
  CHECK(big->body.empty());
}

TEST_CASE("crawler: resources are classified by type, magic bytes and extension",
          "[crawler][classify]") {
  using K = crawler::ResourceKind;

  struct Row {
    const char* content_type;
    const char* url;
    std::string body;
    K expected;
  };

  const Row rows[] = {
      {"text/html; charset=utf-8", "https://x/a", "<p>", K::kHtml},
      {"text/html", "https://x/a", "%PDF-1.4", K::kPdf},  // wrong content type: magic wins
      {"application/octet-stream", "https://x/a", "<!DOCTYPE html><p>", K::kHtml},
      {"application/octet-stream", "https://x/f.docx", std::string("PK\x03\x04", 4), K::kDocx},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "https://x/f", "PK",
       K::kXlsx},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "https://x/f",
       "", K::kPptx},
      {"", "https://x/f",
       std::string("PK\x03\x04", 4) + std::string(26, '\0') +
           "mimetypeapplication/vnd.oasis.opendocument.text",
       K::kOdt},
      {"image/png", "https://x/a.png", "\x89PNG", K::kOther},
  };
  for (const Row& row : rows) {
    INFO(row.content_type << " " << row.url);
    CHECK(crawler::ClassifyResource(row.content_type, row.url, row.body) == row.expected);
  }
}

TEST_CASE("crawler: Retry-After takes seconds or an HTTP date", "[crawler][politeness]") {
  CHECK(crawler::ParseRetryAfterMs("120", 0) == 120'000);
  CHECK(crawler::ParseRetryAfterMs(" 0 ", 0) == 0);
  // Wed, 21 Oct 2015 07:28:00 GMT is 1445412480.
  CHECK(crawler::ParseRetryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470) == 10'000);
  CHECK(crawler::ParseRetryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", 1445412490) == 0);
  CHECK_FALSE(crawler::ParseRetryAfterMs("soon", 0).has_value());
}

TEST_CASE("crawler: --sample eu picks the structural pages, documents and random pages",
          "[crawler][sample]") {
  auto f = std::make_shared<FakeFetcher>();
  std::string links =
      "<a href='/contact-us'>Contact us</a><a href='/help'>Help</a>"
      "<a href='/legal/privacy'>Privacy</a><a href='/accessibility'>Accessibility statement</a>"
      "<a href='/site-map'>Site map</a><a href='/find'>Search</a><a href='/account'>Sign in</a>"
      "<a href='/apply'>Apply</a><a href='/docs/plan.pdf'>Plan</a>";
  for (int i = 0; i < 30; ++i) {
    links += "<a href='/news/" + std::to_string(i) + "'>News " + std::to_string(i) + "</a>";
  }
  f->Add(kSite + "/", 200, "text/html", Html(links));
  for (const char* p : {"/contact-us", "/help", "/legal/privacy", "/accessibility", "/site-map"}) {
    f->Add(kSite + p, 200, "text/html", Html(std::string("<p>") + p + "</p>"));
  }
  f->Add(kSite + "/find", 200, "text/html", Html("<form><input type=search name=q></form>"));
  f->Add(kSite + "/account", 200, "text/html",
         Html("<form method=post><input type=password name=p></form>"));
  f->Add(kSite + "/apply", 200, "text/html",
         Html("<form method=post><textarea></textarea></form>"));
  f->Add(kSite + "/docs/plan.pdf", 200, "application/pdf", "%PDF-1.5");
  for (int i = 0; i < 30; ++i) {
    f->Add(kSite + "/news/" + std::to_string(i), 200, "text/html",
           Html("<p>news item " + std::to_string(i) + "</p>"));
  }
  auto options = Options(f);
  options.sample = crawler::SampleMode::kEu;
  Outcome out = Run(options);
  std::map<std::string, std::string> reasons;
  size_t random = 0;
  for (const auto& r : out.fetched) {
    if (r.sample_reason == "random page") {
      ++random;
      CHECK(r.url.find("/news/") != std::string::npos);
    } else {
      reasons[r.url] = r.sample_reason;
    }
  }
  CHECK(reasons ==
        std::map<std::string, std::string>{{kSite + "/", "home page"},
                                           {kSite + "/accessibility", "accessibility statement"},
                                           {kSite + "/contact-us", "contact"},
                                           {kSite + "/help", "help"},
                                           {kSite + "/legal/privacy", "legal"},
                                           {kSite + "/site-map", "sitemap"},
                                           {kSite + "/find", "search"},
                                           {kSite + "/account", "login"},
                                           {kSite + "/apply", "page with a form"},
                                           {kSite + "/docs/plan.pdf", "linked document"}});
  CHECK(random == 7);  // ceil(sqrt(40 resources discovered))
  // Same seed, same sample.
  auto f2 = std::make_shared<FakeFetcher>(*f);
  auto options2 = Options(f2);
  options2.sample = crawler::SampleMode::kEu;
  Outcome again = Run(options2);
  CHECK(again.FetchedUrls() == out.FetchedUrls());
}
