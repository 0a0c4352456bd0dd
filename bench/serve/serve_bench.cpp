// POST /api/text against `plainsight serve` on loopback: 8 clients (keep-alive connections)
// send the same 1,000-word draft as fast as they are answered for a few seconds; prints
// requests per second and the p50 / p99 latency (issue 14's target: >= 200 requests/s on 2
// cores). The draft is the English samples of corpora/text/samples, repeated and cut at 1,000
// words, so it has the long sentences, wordy phrases and unknown words of real drafts.
// usage: plainsight_serve_bench [--seconds N] [--clients N]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "cli/serve.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string Draft(size_t words) {
  std::string all;
  for (const char* name : {"en-council.txt", "en-mixed.txt", "en-plain.txt"}) {
    std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + "/corpora/text/samples/" + name);
    std::stringstream s;
    s << in.rdbuf();
    all += s.str() + "\n\n";
  }
  std::string out;
  size_t count = 0;
  if (all.find_first_not_of(" \n") == std::string::npos) {
    return out;  // the samples are missing: the warm-up request then fails and says so
  }
  while (count < words) {
    std::istringstream in(all);
    std::string line;
    while (count < words && std::getline(in, line)) {
      std::istringstream line_in(line);
      std::string word;
      std::string kept;
      while (count < words && line_in >> word) {
        kept += (kept.empty() ? "" : " ") + word;
        ++count;
      }
      out += kept + "\n";
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 10;
  int clients = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--seconds") == 0) {
      seconds = std::max(1, std::atoi(argv[i + 1]));
    } else if (std::strcmp(argv[i], "--clients") == 0) {
      clients = std::max(1, std::atoi(argv[i + 1]));
    }
  }
  plainsight::cli::ServeOptions options;
  options.port = 0;
  auto app = plainsight::cli::ServeApp::Create(options);
  if (!app) {
    std::cerr << "serve_bench: " << app.error().ToString() << "\n";
    return 1;
  }
  auto port = (*app)->Bind();
  if (!port) {
    std::cerr << "serve_bench: " << port.error().ToString() << "\n";
    return 1;
  }
  std::thread server([&] { (*app)->Run(); });
  const std::string body = nlohmann::json{{"text", Draft(1000)}, {"lang", "en"}}.dump();

  // Warm-up: one request per client at once, so that every analyser of the pool is created and
  // has loaded its dictionaries (they do on first use) before the clock starts.
  {
    std::vector<std::thread> warm;
    warm.reserve(clients);
    for (int c = 0; c < clients; ++c) {
      warm.emplace_back([&] {
        httplib::Client client("127.0.0.1", *port);
        client.set_read_timeout(120, 0);
        client.Post("/api/text", body, "application/json");
      });
    }
    for (std::thread& t : warm) {
      t.join();
    }
  }
  {
    httplib::Client warm("127.0.0.1", *port);
    warm.set_read_timeout(120, 0);
    auto res = warm.Post("/api/text", body, "application/json");
    if (!res || res->status != 200) {
      std::cerr << "serve_bench: the warm-up request failed\n";
      (*app)->Stop();
      server.join();
      return 1;
    }
    auto j = nlohmann::json::parse(res->body);
    std::cout << "draft: " << j["metrics"]["words"] << " words, " << j["findings"].size()
              << " findings per answer\n";
  }
  std::vector<std::vector<double>> latencies(clients);
  std::atomic<int> errors{0};
  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  threads.reserve(clients);
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", *port);
      client.set_keep_alive(true);
      client.set_read_timeout(120, 0);
      // As browsers and curl do: without it the request's body waits for the server's delayed
      // acknowledgement of its headers (about 40 ms), and the bench measures the kernel's timer.
      client.set_tcp_nodelay(true);
      while (Clock::now() < end) {
        auto t0 = Clock::now();
        auto res = client.Post("/api/text", body, "application/json");
        auto t1 = Clock::now();
        if (!res || res->status != 200) {
          ++errors;
          continue;
        }
        latencies[c].push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (const auto& l : latencies) {
    all.insert(all.end(), l.begin(), l.end());
  }
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) {
    return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(p * all.size()))];
  };
  std::printf(
      "POST /api/text, 1,000-word draft, %d clients, %.1f s: %zu requests, %.1f requests/s, "
      "p50 %.1f ms, p99 %.1f ms, %d errors (target: >= 200 requests/s on 2 cores)\n",
      clients, elapsed, all.size(), all.size() / elapsed, pct(0.50), pct(0.99), errors.load());
  (*app)->Stop();
  server.join();
  return errors == 0 ? 0 : 1;
}
