// plainsight robots URL [--robots FILE] [--agent NAME] [--allow-private]: says whether a URL may
// be crawled and which robots.txt line decided it (see RunRobotsCommand in commands.h).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "crawler/fetcher.h"
#include "crawler/robots.h"
#include "engine/terminal_text.h"
#include "engine/url.h"

namespace plainsight::cli {

int RunRobotsCommand(int argc, char** argv) {
  const char* usage =
      "usage: plainsight robots URL [--robots FILE] [--agent NAME] [--allow-private]\n";
  std::optional<std::string> url_arg;
  std::string robots_file;
  std::string agent = "plainsight";
  bool allow_private = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if ((a == "--robots" || a == "--agent") && i + 1 < argc) {
      (a == "--robots" ? robots_file : agent) = argv[++i];
    } else if (a == "--allow-private") {
      allow_private = true;
    } else if (a == "--help" || a == "-h") {
      std::fputs(usage, stdout);
      return 0;
    } else if ((a.empty() || a[0] != '-') && !url_arg) {
      url_arg = std::string(a);  // "" is a URL too: its path is "/"
    } else {
      std::fputs(usage, stderr);
      return 2;
    }
  }
  if (!url_arg) {
    std::fputs(usage, stderr);
    return 2;
  }
  const std::string& url_text = *url_arg;
  auto url = engine::ParseUrl(url_text);
  bool absolute = url && (url->scheme == "http" || url->scheme == "https");
  if (!absolute && robots_file.empty()) {
    std::fprintf(stderr, "plainsight robots: not an absolute http(s) URL: %s\n", url_text.c_str());
    return 2;
  }
  // With --robots FILE nothing is fetched, so any URL gets an answer: one that is not an
  // absolute http(s) URL ("", "/a/b", "example.ie/a") is matched by its path (as Google's
  // robots.txt parser reads it).
  std::string path = absolute ? url->PathAndQuery() : crawler::RobotsPathFromUrl(url_text);
  crawler::RobotsTxt robots = crawler::RobotsTxt::AllowAll("");
  if (!robots_file.empty()) {
    std::ifstream in(robots_file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "plainsight robots: cannot read %s\n", robots_file.c_str());
      return 2;
    }
    std::string content(crawler::kRobotsMaxBytes, '\0');
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<size_t>(in.gcount()));
    robots = crawler::RobotsTxt::Parse(content);
  } else {
    crawler::CurlFetcherOptions fo;
    fo.user_agent = "plainsight/" PLAINSIGHT_VERSION " (+https://plainsight.eu/crawler)";
    fo.allow_private = allow_private;
    fo.total_timeout_ms = 30'000;
    auto fetcher = crawler::MakeCurlFetcher(fo);
    if (!fetcher) {
      std::fprintf(stderr, "plainsight robots: %s\n",
                   engine::TerminalSafe(fetcher.error().ToString()).c_str());
      return 2;
    }
    std::string target = url->Origin() + "/robots.txt";
    int redirects = 0;
    while (true) {
      crawler::FetchRequest request;
      request.id = 1;
      request.url = target;
      request.max_bytes = crawler::kRobotsMaxBytes;
      request.max_document_bytes = crawler::kRobotsMaxBytes;
      request.keep_truncated = true;
      crawler::FetchResponse r = crawler::FetchNow(**fetcher, request);
      if (r.error) {
        robots = crawler::RobotsTxt::DisallowAll(target + " unreachable (" + r.error->message +
                                                 "): disallow all (RFC 9309 2.3.1.4)");
      } else if (r.status >= 200 && r.status < 300) {
        robots = crawler::RobotsTxt::Parse(r.body);
      } else if (r.status >= 300 && r.status < 400 && !r.location.empty() && redirects < 5) {
        auto next = engine::ResolveUrlString(target, r.location);
        if (next) {
          target = *next;
          ++redirects;
          continue;
        }
        robots = crawler::RobotsTxt::AllowAll(target + ": invalid redirect: allow all");
      } else if ((r.status >= 300 && r.status < 500)) {
        robots =
            crawler::RobotsTxt::AllowAll(target + ": HTTP " + std::to_string(r.status) +
                                         (r.status < 400 ? " (more than five redirects)" : "") +
                                         ": allow all (RFC 9309 2.3.1.3)");
      } else {
        robots = crawler::RobotsTxt::DisallowAll(target + ": HTTP " + std::to_string(r.status) +
                                                 ": disallow all (RFC 9309 2.3.1.4)");
      }
      break;
    }
  }
  crawler::RobotsDecision d = robots.Decide(agent, path);
  std::printf("%s\n", d.allowed ? "allowed" : "disallowed");
  // The deciding line is the server's text (or names the URL and its error): escaped.
  if (d.line > 0) {
    std::printf("line %d: %s\n", d.line, engine::TerminalSafe(d.line_text).c_str());
  } else {
    std::printf("%s\n", engine::TerminalSafe(d.line_text).c_str());
  }
  return d.allowed ? 0 : 1;
}

}  // namespace plainsight::cli
