// The real crawler (libcurl) against a known site served on 127.0.0.1 by the test: exactly which
// URLs are fetched and skipped, and why; robots.txt and sitemaps (gzipped, via an index);
// documents; Content-Encoding; conditional requests; the private-address refusal; and the
// `plainsight robots` command.
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "cli/commands.h"
#include "crawler/crawler.h"
#include "crawler/fetcher.h"
#include "tests/crawler/test_server.h"

using namespace plainsight;
using testing::TestConnection;
using testing::TestRequest;
using testing::TestServer;

namespace {

std::string Html(const std::string& body) {
  return "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>";
}

// The known site. `base` is filled in once the port is known.
struct Site {
  std::string base;

  void Handle(const TestRequest& req, TestConnection& c) const {
    const std::string& t = req.target;
    if (t == "/robots.txt") {
      c.Respond(200, "text/plain",
                "User-agent: *\nDisallow: /private/\nAllow: /private/open.html\n"
                "Sitemap: " +
                    base + "/sitemap_index.xml\n");
    } else if (t == "/sitemap_index.xml") {
      c.Respond(200, "application/xml",
                "<sitemapindex><sitemap><loc>" + base +
                    "/sitemap-pages.xml.gz</loc></sitemap></sitemapindex>");
    } else if (t == "/sitemap-pages.xml.gz") {
      // Served as a plain gzip file (no Content-Encoding): the crawler must inflate it.
      c.Respond(200, "application/gzip",
                testing::GzipForTest("<urlset><url><loc>" + base +
                                     "/orphan.html</loc></url>"
                                     "<url><loc>" +
                                     base + "/about.html</loc></url></urlset>"));
    } else if (t == "/") {
      c.Respond(200, "text/html; charset=utf-8",
                Html("<a href='about.html'>About</a> <a href='contact.html#team'>Contact</a>"
                     "<a href='/private/secret.html'>s</a><a href='/private/open.html'>o</a>"
                     "<a href='docs/report.pdf'>Report</a><a href='docs/form.docx'>Form</a>"
                     "<a href='http://other.example/'>elsewhere</a><a href='/logo.png'>l</a>"
                     "<a href='/old'>old</a>"));
    } else if (t == "/about.html") {
      std::string etag = "\"about-v1\"";
      auto inm = req.headers.find("if-none-match");
      if (inm != req.headers.end() && inm->second == etag) {
        c.Respond(304, "", "", {{"ETag", etag}});
      } else {
        c.Respond(200, "text/html", Html("<a href='/deep/1.html'>deep</a><a href='/'>home</a>"),
                  {{"ETag", etag}});
      }
    } else if (t == "/deep/1.html") {
      c.Respond(200, "text/html", Html("<a href='/deep/2.html'>deeper</a>"));
    } else if (t == "/contact.html") {
      c.Respond(200, "text/html", testing::GzipForTest(Html("<p>Call the council office</p>")),
                {{"Content-Encoding", "gzip"}});
    } else if (t == "/private/open.html" || t == "/orphan.html" || t == "/new.html") {
      c.Respond(200, "text/html", Html("<p>" + t + "</p>"));
    } else if (t == "/docs/report.pdf") {
      c.Respond(200, "application/pdf", "%PDF-1.7\n%fake report\n");
    } else if (t == "/docs/form.docx") {
      c.Respond(200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                std::string("PK\x03\x04", 4) + "fake docx");
    } else if (t == "/old") {
      c.Respond(301, "text/html", "", {{"Location", base + "/new.html"}});
    } else {
      c.Respond(404, "text/html", Html("not found"));
    }
  }
};

crawler::CrawlOptions LoopbackOptions(const std::string& seed) {
  crawler::CrawlOptions o;
  o.seeds = {seed};
  o.allow_private = true;
  o.delay_ms = 0;
  o.per_host_concurrency = 2;
  o.timeout_ms = 10'000;
  o.max_duration_ms = 60'000;
  return o;
}

struct Collected {
  std::map<std::string, crawler::FetchedResource> fetched;
  std::map<std::string, std::string> skipped;  // url -> "reason: detail"
};

Collected RunCrawl(const crawler::CrawlOptions& options) {
  Collected out;
  crawler::CrawlCallbacks cb;
  cb.on_resource = [&](const crawler::FetchedResource& r) {
    crawler::FetchedResource copy = r;
    copy.document = nullptr;
    out.fetched[r.url] = std::move(copy);
  };
  cb.on_skip = [&](const crawler::SkippedUrl& s) {
    out.skipped[s.url] = std::string(crawler::SkipReasonName(s.reason)) + ": " + s.detail;
  };
  auto summary = crawler::Crawl(options, cb);
  REQUIRE(summary.has_value());
  return out;
}

std::set<std::string> Keys(const std::map<std::string, crawler::FetchedResource>& m) {
  std::set<std::string> out;
  for (const auto& [k, v] : m) {
    out.insert(k);
  }
  return out;
}

}  // namespace

TEST_CASE("crawler integration: a local site is crawled exactly, with robots.txt and sitemaps",
          "[crawler][integration]") {
  Site site;
  TestServer server([&site](const TestRequest& r, TestConnection& c) { site.Handle(r, c); });
  site.base = server.Url("");
  const std::string& b = site.base;
  auto options = LoopbackOptions(b + "/");
  options.max_depth = 2;
  Collected out = RunCrawl(options);

  CHECK(Keys(out.fetched) == std::set<std::string>{b + "/", b + "/about.html", b + "/contact.html",
                                                   b + "/private/open.html", b + "/docs/report.pdf",
                                                   b + "/docs/form.docx", b + "/old",
                                                   b + "/orphan.html", b + "/deep/1.html"});
  CHECK(out.skipped == std::map<std::string, std::string>{
                           {b + "/private/secret.html", "robots: line 2: Disallow: /private/"},
                           {"http://other.example/", "scope: outside the site 127.0.0.1"},
                           {b + "/logo.png", "scope: not a page or document (.png)"},
                           {b + "/deep/2.html", "limit: deeper than --max-depth 2"}});
  // The server saw exactly these requests: nothing disallowed, nothing out of scope.
  std::vector<std::string> targets = server.Targets();
  std::multiset<std::string> seen(targets.begin(), targets.end());
  CHECK(seen == std::multiset<std::string>{
                    "/robots.txt", "/sitemap_index.xml", "/sitemap-pages.xml.gz", "/sitemap.xml",
                    "/", "/about.html", "/contact.html", "/private/open.html", "/docs/report.pdf",
                    "/docs/form.docx", "/old", "/new.html", "/orphan.html", "/deep/1.html"});
  CHECK(targets.front() == "/robots.txt");
  for (const TestRequest& r : server.Requests()) {
    CHECK(r.headers.at("user-agent").rfind("plainsight/", 0) == 0);
  }

  const auto& contact = out.fetched.at(b + "/contact.html");
  CHECK(contact.status == 200);
  CHECK(contact.body.find("Call the council office") != std::string::npos);  // gzip decoded
  const auto& pdf = out.fetched.at(b + "/docs/report.pdf");
  CHECK(pdf.kind == crawler::ResourceKind::kPdf);
  CHECK(pdf.referrer == b + "/");
  CHECK(pdf.content_type == "application/pdf");
  CHECK(out.fetched.at(b + "/docs/form.docx").kind == crawler::ResourceKind::kDocx);
  const auto& old = out.fetched.at(b + "/old");
  CHECK(old.final_url == b + "/new.html");
  CHECK(old.redirect_chain == std::vector<std::string>{b + "/old"});
  CHECK(old.body.find("/new.html") != std::string::npos);
  CHECK(out.fetched.at(b + "/orphan.html").referrer == b + "/sitemap-pages.xml.gz");
  CHECK(out.fetched.at(b + "/about.html").etag == "\"about-v1\"");

  SECTION("a second crawl sends the validators and records 304 Not Modified") {
    auto again = LoopbackOptions(b + "/about.html");
    again.max_depth = 0;
    again.use_sitemaps = false;
    again.validators[b + "/about.html"] = crawler::Validators{"\"about-v1\"", ""};
    Collected second = RunCrawl(again);
    REQUIRE(second.fetched.count(b + "/about.html") == 1);
    CHECK(second.fetched.at(b + "/about.html").status == 304);
    CHECK(second.fetched.at(b + "/about.html").not_modified);
  }
}

TEST_CASE("crawler integration: private and loopback addresses are refused by default",
          "[crawler][integration][safety]") {
  Site site;
  TestServer server([&site](const TestRequest& r, TestConnection& c) { site.Handle(r, c); });
  site.base = server.Url("");
  crawler::CurlFetcherOptions fo;
  fo.user_agent = "plainsight-test";
  auto fetcher = crawler::MakeCurlFetcher(fo);
  REQUIRE(fetcher.has_value());
  // By name: "localhost" resolves to a loopback address, which is checked where it connects.
  crawler::FetchRequest request;
  request.id = 7;
  request.url = "http://localhost:" + std::to_string(server.port()) + "/";
  crawler::FetchResponse r = crawler::FetchNow(**fetcher, request);
  REQUIRE(r.error.has_value());
  CHECK(r.error->code == engine::ErrorCode::kDisallowed);
  CHECK(server.Requests().empty());

  // A whole crawl: robots.txt is unreachable (refused), so everything is disallowed, and the
  // reason names the refusal.
  auto options = LoopbackOptions(site.base + "/");
  options.allow_private = false;
  Collected out = RunCrawl(options);
  CHECK(out.fetched.empty());
  REQUIRE(out.skipped.count(site.base + "/") == 1);
  CHECK(out.skipped.at(site.base + "/")
            .find("refused to connect to private or loopback address "
                  "127.0.0.1") != std::string::npos);
  CHECK(server.Requests().empty());

  const std::pair<const char*, bool> addresses[] = {{"127.0.0.1", true},
                                                    {"10.1.2.3", true},
                                                    {"172.20.0.1", true},
                                                    {"192.168.1.1", true},
                                                    {"169.254.169.254", true},
                                                    {"100.64.0.1", true},
                                                    {"0.0.0.0", true},
                                                    {"::1", true},
                                                    {"fe80::1", true},
                                                    {"fd00:ec2::254", true},
                                                    {"::ffff:10.0.0.1", true},
                                                    {"93.184.216.34", false},
                                                    {"2a00:1450:4001:81b::200e", false},
                                                    {"172.32.0.1", false}};
  for (const auto& [ip, forbidden] : addresses) {
    INFO(ip);
    CHECK(crawler::IsForbiddenAddress(ip) == forbidden);
  }
}

namespace {

// Runs RunRobotsCommand with stdout captured.
int RunRobots(std::vector<std::string> args, std::string* output) {
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (std::string& a : args) {
    argv.push_back(a.data());
  }
  std::fflush(stdout);
  char path[] = "/tmp/plainsight-robots-XXXXXX";
  int fd = mkstemp(path);
  int saved = dup(STDOUT_FILENO);
  dup2(fd, STDOUT_FILENO);
  int rc = cli::RunRobotsCommand(static_cast<int>(argv.size()), argv.data());
  std::fflush(stdout);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  close(fd);
  std::ifstream in(path);
  output->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::remove(path);
  return rc;
}

}  // namespace

TEST_CASE("plainsight robots: prints the verdict and the deciding line, exit 0 or 1",
          "[crawler][integration][robots]") {
  Site site;
  TestServer server([&site](const TestRequest& r, TestConnection& c) { site.Handle(r, c); });
  site.base = server.Url("");
  std::string out;
  CHECK(RunRobots({"robots", site.base + "/private/secret.html", "--allow-private"}, &out) == 1);
  CHECK(out == "disallowed\nline 2: Disallow: /private/\n");
  CHECK(RunRobots({"robots", site.base + "/private/open.html", "--allow-private"}, &out) == 0);
  CHECK(out == "allowed\nline 3: Allow: /private/open.html\n");
  CHECK(RunRobots({"robots", site.base + "/about.html", "--allow-private"}, &out) == 0);
  CHECK(out == "allowed\nno rule matched\n");

  char path[] = "/tmp/plainsight-robots-file-XXXXXX";
  int fd = mkstemp(path);
  std::string content = "User-agent: plainsight\nDisallow: /x\n\nUser-agent: *\nDisallow: /\n";
  REQUIRE(write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  close(fd);
  CHECK(RunRobots({"robots", "https://council.ie/x/y", "--robots", path}, &out) == 1);
  CHECK(out == "disallowed\nline 2: Disallow: /x\n");
  CHECK(RunRobots({"robots", "https://council.ie/y", "--robots", path}, &out) == 0);
  CHECK(RunRobots({"robots", "https://council.ie/y", "--robots", path, "--agent", "other"}, &out) ==
        1);
  CHECK(out == "disallowed\nline 5: Disallow: /\n");
  std::remove(path);
  CHECK(RunRobots({"robots"}, &out) == 2);
  CHECK(RunRobots({"robots", "not a url"}, &out) == 2);
}
