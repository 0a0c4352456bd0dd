// `plainsight audit URL` end to end: a site on a loopback server is crawled and every page
// audited with its linked stylesheets applied, and the JSON lists documents and broken links.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "cli/commands.h"
#include "plainsight/source_dir.h"
#include "tests/crawler/test_server.h"

namespace {

using plainsight::testing::TestConnection;
using plainsight::testing::TestRequest;
using plainsight::testing::TestServer;

void Site(const TestRequest& r, TestConnection& c) {
  if (r.target == "/" || r.target == "/index.html") {
    c.Respond(200, "text/html; charset=utf-8",
              "<!DOCTYPE html><html lang=en><head><title>Home - Test Council</title>"
              "<link rel=stylesheet href=/css/site.css></head><body><main><h1>Home</h1>"
              "<p class=faint>Opening hours</p><a href=/about.html>About us</a> "
              "<a href=/report.pdf>Annual report (PDF)</a> <a href=/gone.html>Old page</a>"
              "</main></body></html>");
  } else if (r.target == "/css/site.css") {
    c.Respond(200, "text/css", ".faint { color: #bbbbbb; background: #ffffff }");
  } else if (r.target == "/about.html") {
    c.Respond(200, "text/html",
              "<!DOCTYPE html><html lang=en><title>About - Test Council</title>"
              "<p>We run the parks.</p></html>");
  } else if (r.target == "/report.pdf") {
    c.Respond(200, "application/pdf", "%PDF-1.4\n%%EOF\n");
  } else {
    c.Respond(404, "text/html", "not found");
  }
}

int Audit(std::vector<std::string> args) {
  args.insert(args.begin(), "audit");
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  return plainsight::cli::RunAudit(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("audit URL: pages are crawled and audited with their linked stylesheets",
          "[cli][audit][crawler]") {
  TestServer server(&Site);
  std::string out = (std::filesystem::temp_directory_path() /
                     ("plainsight-audit-url-" + std::to_string(::getpid()) + ".json"))
                        .string();
  int status = Audit({server.Url("/"), "--allow-private", "--delay-ms", "0", "--progress", "none",
                      "--no-text", "--format", "json", "--out", out});
  CHECK(status == 1);  // the faint text fails contrast
  std::ifstream in(out);
  auto j = nlohmann::json::parse(in);
  std::filesystem::remove(out);
  REQUIRE(j["pages"].size() == 2);
  bool contrast_failed = false;
  for (const auto& page : j["pages"]) {
    CHECK_FALSE(page.contains("warnings"));  // the stylesheet was loaded
    for (const auto& f : page["findings"]) {
      if (f["rule"] == "html.color-contrast" && f["outcome"] == "failed") {
        contrast_failed = true;
        CHECK(page["url"] == server.Url("/"));
      }
    }
  }
  CHECK(contrast_failed);
  REQUIRE(j["documents"].size() == 1);
  CHECK(j["documents"][0]["type"] == "pdf");
  CHECK(j["documents"][0]["linked_from"] == server.Url("/"));
  REQUIRE(j["unreachable"].size() == 1);
  CHECK(j["unreachable"][0]["url"] == server.Url("/gone.html"));
  CHECK(j["unreachable"][0]["status"] == 404);
}

TEST_CASE("audit URL: a start URL that cannot be fetched exits 2", "[cli][audit][crawler]") {
  TestServer server(&Site);
  CHECK(Audit({server.Url("/missing.html"), "--allow-private", "--delay-ms", "0", "--progress",
               "none", "--no-text", "--format", "json", "--out", "/dev/null"}) == 2);
}

namespace {

// Runs an audit with stderr going to a file; returns the exit status and what was written.
std::pair<int, std::string> AuditCapturingStderr(std::vector<std::string> args) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("plainsight-stderr-" + std::to_string(::getpid()) + ".txt"))
                         .string();
  std::fflush(stderr);
  int saved = dup(2);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2(fd, 2);
  close(fd);
  int status = Audit(std::move(args));
  std::fflush(stderr);
  std::cerr.flush();
  dup2(saved, 2);
  close(saved);
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::filesystem::remove(path);
  return {status, text};
}

}  // namespace

TEST_CASE("audit URL: a site that yields no auditable page says why and exits 2",
          "[cli][audit][crawler]") {
  std::vector<std::string> quiet = {"--delay-ms", "0",     "--progress", "none",
                                    "--no-text",  "--out", "/dev/null"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), quiet.begin(), quiet.end());
    return AuditCapturingStderr(args);
  };
  SECTION("a refused private address names --allow-private") {
    TestServer server(&Site);
    auto [status, err] = with({server.Url("/")});
    CHECK(status == 2);
    CHECK(err.find("no page could be audited") != std::string::npos);
    INFO(err);
    CHECK(err.find("--allow-private") != std::string::npos);
  }
  SECTION("robots.txt disallowing everything") {
    TestServer server([](const TestRequest& r, TestConnection& c) {
      if (r.target == "/robots.txt") {
        c.Respond(200, "text/plain", "User-agent: *\nDisallow: /\n");
      } else {
        Site(r, c);
      }
    });
    auto [status, err] = with({server.Url("/"), "--allow-private"});
    CHECK(status == 2);
    INFO(err);
    CHECK(err.find("robots.txt disallows it") != std::string::npos);
  }
  SECTION("nobody listening") {
    auto [status, err] = with({"http://127.0.0.1:1/", "--allow-private"});
    CHECK(status == 2);
    CHECK(err.find("no page could be audited") != std::string::npos);
  }
  SECTION("every page an error") {
    TestServer server([](const TestRequest& r, TestConnection& c) {
      c.Respond(r.target == "/robots.txt" ? 404 : 500, "text/html", "oops");
    });
    auto [status, err] = with({server.Url("/"), "--allow-private"});
    CHECK(status == 2);
    CHECK(err.find("500") != std::string::npos);
  }
}

TEST_CASE("audit URL --state: unchanged pages are requested conditionally and still audited",
          "[cli][audit][crawler]") {
  auto handler = [](const TestRequest& r, TestConnection& c) {
    std::string body;
    if (r.target == "/") {
      body =
          "<!DOCTYPE html><html lang=en><title>Home - Test Council</title><body>"
          "<a href=/next.html>Next</a></body></html>";
    } else if (r.target == "/next.html") {
      body =
          "<!DOCTYPE html><html><title>Next - Test Council</title><body><img src=a.png>"
          "</body></html>";  // no lang, no alt: two failures
    } else {
      c.Respond(404, "text/html", "not found");
      return;
    }
    std::string etag = "\"v1-" + std::to_string(body.size()) + "\"";
    auto it = r.headers.find("if-none-match");
    if (it != r.headers.end() && it->second == etag) {
      c.Respond(304, "", "", {{"ETag", etag}});
      return;
    }
    c.Respond(200, "text/html", body, {{"ETag", etag}});
  };
  TestServer server(handler);
  auto dir =
      std::filesystem::temp_directory_path() / ("plainsight-state-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string state = (dir / "state.cbor").string();
  auto run = [&](const std::string& out) {
    return Audit({server.Url("/"), "--allow-private", "--delay-ms", "0", "--progress", "none",
                  "--no-sitemaps", "--no-text", "--state", state, "--format", "json", "--out",
                  out});
  };
  std::string first = (dir / "first.json").string();
  std::string second = (dir / "second.json").string();
  CHECK(run(first) == 1);
  CHECK(std::filesystem::exists(state));
  CHECK(run(second) == 1);
  auto read = [](const std::string& p) {
    std::ifstream in(p);
    auto j = nlohmann::json::parse(in);
    return j["summary"];
  };
  CHECK(read(first) == read(second));
  CHECK(read(second)["pages"] == 2);
  // The second crawl asked conditionally for both pages and followed the link from the copy.
  int conditional = 0;
  for (const auto& req : server.Requests()) {
    if (req.headers.count("if-none-match")) {
      ++conditional;
    }
  }
  CHECK(conditional == 2);
  std::filesystem::remove_all(dir);
}

namespace {

// A council whose home page links no accessibility statement, though one sits at a common path
// (/accessibility-statement), with an Irish version behind a switcher and a text-only charter.
void StatementSite(const TestRequest& r, TestConnection& c) {
  if (r.target == "/") {
    c.Respond(200, "text/html; charset=utf-8",
              "<!DOCTYPE html><html lang=en><title>Test Council</title><header>"
              "<a href=/ga/ hreflang=ga lang=ga>Gaeilge</a></header><main><h1>Test Council</h1>"
              "<a href=/charter.html>Customer charter</a></main><footer>"
              "<a href=/contact.html>Contact us</a></footer></html>");
  } else if (r.target == "/ga/") {
    c.Respond(200, "text/html; charset=utf-8",
              "<!DOCTYPE html><html lang=ga><title>An Chomhairle</title><h1>Fáilte</h1></html>");
  } else if (r.target == "/charter.html") {
    c.Respond(200, "text/html",
              "<!DOCTYPE html><html lang=en><title>Customer charter</title>"
              "<h1>Customer charter</h1><p>We answer letters within ten days.</p></html>");
  } else if (r.target == "/contact.html") {
    c.Respond(200, "text/html",
              "<!DOCTYPE html><html lang=en><title>Contact us</title><h1>Contact us</h1>"
              "<p>Council Offices, Main Street, Ballykeeran, Co. Kerry, V92 H7VT</p>"
              "<p>Tel: 066 718 3500. Email: info@council.example.ie</p></html>");
  } else if (r.target == "/accessibility-statement") {
    c.Respond(200, "text/html",
              "<!DOCTYPE html><html lang=en><title>Accessibility statement</title>"
              "<h1>Accessibility statement</h1><p>This website is partially compliant with "
              "WCAG 2.1 AA. This statement was prepared on 2 January 2020.</p></html>");
  } else {
    c.Respond(404, "text/html", "not found");
  }
}

}  // namespace

TEST_CASE("audit URL: the site checks find a statement at a common path and report the site",
          "[cli][audit][crawler][site]") {
  TestServer server(&StatementSite);
  std::string out = (std::filesystem::temp_directory_path() /
                     ("plainsight-audit-site-" + std::to_string(::getpid()) + ".json"))
                        .string();
  Audit({server.Url("/"), "--allow-private", "--delay-ms", "0", "--progress", "none", "--no-text",
         "--format", "json", "--out", out});
  std::ifstream in(out);
  auto j = nlohmann::json::parse(in);
  std::filesystem::remove(out);
  REQUIRE(j.contains("site"));
  const auto& site = j["site"];
  CHECK(site["home"] == server.Url("/"));
  CHECK(site["pages_crawled"] == 4);
  REQUIRE(site["probed"].size() >= 2);
  CHECK(site["probed"][0] == server.Url("/accessibility"));
  std::map<std::string, nlohmann::json> checks;
  for (const auto& c : site["checks"]) {
    INFO(c.dump(1));
    CHECK_FALSE(c["message"].get<std::string>().empty());
    checks[c["rule"]] = c;
  }
  CHECK(checks.size() == 8);
  // Found only by trying common paths: it exists, but people cannot reach it.
  const auto& statement = checks["site.accessibility-statement"];
  INFO(statement.dump(1));
  CHECK(statement["outcome"] == "failed");
  CHECK(statement["severity"] == "warning");
  CHECK(statement["details"]["found_by"] == "common path");
  CHECK(statement["details"]["statement_url"] == server.Url("/accessibility-statement"));
  // Prepared in 2020: more than a year before any scan now.
  CHECK(checks["site.statement-date"]["outcome"] == "failed");
  CHECK(checks["site.statement-date"]["details"]["statement_date"] == "2020-01-02");
  CHECK(checks["site.statement-content"]["outcome"] == "failed");
  CHECK(checks["site.irish-language-version"]["outcome"] == "passed");
  CHECK(checks["site.customer-charter"]["outcome"] == "passed");
  CHECK(checks["site.complaints-procedure"]["outcome"] == "failed");
  CHECK(checks["site.contact-details"]["outcome"] == "passed");
  CHECK(checks["site.accessible-document-formats"]["outcome"] == "inapplicable");
  // The statement search asked for /accessibility first, then the path that has it, then
  // stopped.
  std::vector<std::string> targets = server.Targets();
  auto first = std::find(targets.begin(), targets.end(), "/accessibility");
  auto found = std::find(targets.begin(), targets.end(), "/accessibility-statement");
  CHECK(first < found);
  CHECK(std::find(targets.begin(), targets.end(), "/ga/inrochtaineacht") == targets.end());
}

TEST_CASE("audit URL: linked PDF, DOCX and ODT documents are audited like pages",
          "[cli][audit][crawler][documents]") {
  auto read = [](const std::string& name) {
    std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + "/tests/documents/" + name,
                     std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const std::string plan = read("problems.pdf");
  const std::string form = read("bad.docx");
  const std::string minutes = read("good.odt");
  auto handler = [&](const TestRequest& r, TestConnection& c) {
    if (r.target == "/") {
      c.Respond(200, "text/html",
                "<!DOCTYPE html><html lang=en><title>Home - Test Council</title><body><main>"
                "<a href=/plan.pdf>Plan</a> <a href=/form.docx>Form</a> "
                "<a href=/minutes.odt>Minutes</a> <a href=/broken.pdf>Broken</a></main></body>"
                "</html>");
    } else if (r.target == "/plan.pdf") {
      c.Respond(200, "application/pdf", plan);
    } else if (r.target == "/form.docx") {
      c.Respond(200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                form);
    } else if (r.target == "/minutes.odt") {
      c.Respond(200, "application/vnd.oasis.opendocument.text", minutes);
    } else if (r.target == "/broken.pdf") {
      c.Respond(200, "application/pdf", "%PDF-1.7\nthis is not a PDF\n");
    } else {
      c.Respond(404, "text/html", "not found");
    }
  };
  TestServer server(handler);
  std::string out = (std::filesystem::temp_directory_path() /
                     ("plainsight-audit-docs-" + std::to_string(::getpid()) + ".json"))
                        .string();
  // The broken PDF is reported with the documents; it does not make the audit exit 2.
  CHECK(Audit({server.Url("/"), "--allow-private", "--delay-ms", "0", "--progress", "none",
               "--no-sitemaps", "--format", "json", "--out", out}) == 1);
  std::ifstream in(out);
  auto j = nlohmann::json::parse(in);
  std::filesystem::remove(out);
  std::map<std::string, nlohmann::json> pages;
  for (const auto& page : j["pages"]) {
    pages[page["url"]] = page;
  }
  REQUIRE(pages.size() == 4);
  CHECK(pages[server.Url("/")]["type"] == "html");
  CHECK(pages[server.Url("/plan.pdf")]["type"] == "pdf");
  CHECK(pages[server.Url("/plan.pdf")]["rules"]["pdf.lang"] == "failed");
  CHECK(pages[server.Url("/plan.pdf")].contains("text"));
  CHECK(pages[server.Url("/form.docx")]["type"] == "docx");
  CHECK(pages[server.Url("/form.docx")]["rules"]["office.table-header"] == "failed");
  CHECK(pages[server.Url("/minutes.odt")]["type"] == "odt");
  CHECK(pages[server.Url("/minutes.odt")]["rules"]["office.image-alt"] == "passed");
  REQUIRE(j["documents"].size() == 4);
  bool broken = false;
  for (const auto& d : j["documents"]) {
    if (d["url"] == server.Url("/broken.pdf")) {
      broken = true;
      CHECK(d["error"].get<std::string>().find("not a readable PDF") != std::string::npos);
    } else {
      CHECK_FALSE(d.contains("error"));
    }
  }
  CHECK(broken);
}
