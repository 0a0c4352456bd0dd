// `plainsight crawl`, `robots` and the crawl progress of `audit URL` print what servers send
// (robots.txt lines, error messages): escaped, so a server cannot drive the user's terminal
// (issue 19 item 3).
#include <cstdio>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "cli/commands.h"
#include "tests/crawler/test_server.h"

namespace {

using plainsight::testing::TestConnection;
using plainsight::testing::TestRequest;
using plainsight::testing::TestServer;

// robots.txt lines carry a window-title sequence and a right-to-left override.
constexpr const char* kRobots =
    "User-agent: *\nDisallow: /private # \x1b]0;pwned\x07 \xE2\x80\xAE\n";

void Site(const TestRequest& r, TestConnection& c) {
  if (r.target == "/robots.txt") {
    c.Respond(200, "text/plain", kRobots);
  } else if (r.target == "/") {
    c.Respond(200, "text/html",
              "<!DOCTYPE html><html lang=en><title>Home</title><a href=/private/x.html>x</a>"
              "<a href=/gone.html>gone</a></html>");
  } else {
    c.Respond(404, "text/html", "not found");
  }
}

// Runs a command with stdout and stderr (the C streams the crawl commands print to) captured.
int Capture(int (*command)(int, char**), std::vector<std::string> args, std::string* out) {
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  std::fflush(stdout);
  std::fflush(stderr);
  char path[] = "/tmp/plainsight-term-crawl-XXXXXX";
  int fd = mkstemp(path);
  int saved_out = dup(STDOUT_FILENO);
  int saved_err = dup(STDERR_FILENO);
  dup2(fd, STDOUT_FILENO);
  dup2(fd, STDERR_FILENO);
  int rc = command(static_cast<int>(argv.size()), argv.data());
  std::fflush(stdout);
  std::fflush(stderr);
  dup2(saved_out, STDOUT_FILENO);
  dup2(saved_err, STDERR_FILENO);
  close(saved_out);
  close(saved_err);
  close(fd);
  std::ifstream in(path);
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::remove(path);
  return rc;
}

bool HasRawControls(const std::string& s) {
  return s.find('\x1b') != std::string::npos || s.find('\x07') != std::string::npos ||
         s.find("\xE2\x80\xAE") != std::string::npos;
}

constexpr const char* kEscapedLine = R"(Disallow: /private # \x1b]0;pwned\x07 \u202e)";

}  // namespace

TEST_CASE("crawl: robots.txt lines from the server are printed escaped",
          "[crawler][integration][terminal]") {
  TestServer server(&Site);
  std::string out;
  Capture(&plainsight::cli::RunCrawl,
          {"crawl", server.Url("/"), "--allow-private", "--delay-ms", "0"}, &out);
  INFO(out);
  CHECK_FALSE(HasRawControls(out));
  CHECK(out.find("skipped robots " + server.Url("/private/x.html")) != std::string::npos);
  CHECK(out.find(kEscapedLine) != std::string::npos);
}

TEST_CASE("crawl: exit 0 when pages were fetched, 2 with the reason when nothing could be",
          "[crawler][integration]") {
  TestServer server(&Site);
  std::string out;
  CHECK(Capture(&plainsight::cli::RunCrawl,
                {"crawl", server.Url("/"), "--allow-private", "--delay-ms", "0"}, &out) == 0);
  // A loopback address without --allow-private: refused before any connection.
  CHECK(Capture(&plainsight::cli::RunCrawl, {"crawl", server.Url("/"), "--delay-ms", "0"}, &out) ==
        2);
  INFO(out);
  CHECK(out.find("plainsight: nothing could be fetched: the start page was not fetched") !=
        std::string::npos);
  CHECK(out.find("--allow-private") != std::string::npos);
  // robots.txt disallows the start page.
  CHECK(Capture(&plainsight::cli::RunCrawl,
                {"crawl", server.Url("/private/x.html"), "--allow-private", "--delay-ms", "0"},
                &out) == 2);
  CHECK(out.find("robots.txt") != std::string::npos);
  // The start page answers 404: every page an error.
  CHECK(Capture(&plainsight::cli::RunCrawl,
                {"crawl", server.Url("/gone.html"), "--allow-private", "--delay-ms", "0"},
                &out) == 2);
  CHECK(out.find("could not be fetched") != std::string::npos);
}

TEST_CASE("audit URL: the plain crawl log on stderr is escaped too",
          "[crawler][integration][terminal]") {
  TestServer server(&Site);
  std::string out;
  Capture(&plainsight::cli::RunAudit,
          {"audit", server.Url("/"), "--allow-private", "--delay-ms", "0", "--progress", "plain",
           "--no-text", "--out", "/dev/null"},
          &out);
  INFO(out);
  CHECK_FALSE(HasRawControls(out));
  CHECK(out.find(kEscapedLine) != std::string::npos);
}

TEST_CASE("robots: the deciding line is printed escaped", "[crawler][integration][terminal]") {
  char path[] = "/tmp/plainsight-term-robots-XXXXXX";
  int fd = mkstemp(path);
  const std::string content = kRobots;
  REQUIRE(write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  close(fd);
  std::string out;
  CHECK(Capture(&plainsight::cli::RunRobotsCommand,
                {"robots", "https://council.ie/private/a", "--robots", path}, &out) == 1);
  std::remove(path);
  CHECK(out == std::string("disallowed\nline 2: ") + kEscapedLine + "\n");
}
