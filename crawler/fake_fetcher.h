// A Fetcher that answers from a table, for unit tests that must not open sockets (STYLE.md 6).
// Every request is answered on the next Wait(); unknown URLs get 404. Requests are recorded in
// order, so tests can assert exactly what the crawler asked for.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "crawler/fetcher.h"

namespace plainsight::crawler {

class FakeFetcher final : public Fetcher {
 public:
  // A canned response for `url` (status, Content-Type, body; location/retry_after optional).
  void Add(const std::string& url, int status, std::string content_type, std::string body,
           std::string location = {}, std::string retry_after = {}) {
    FetchResponse r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    r.location = std::move(location);
    r.retry_after = std::move(retry_after);
    table_[url] = std::move(r);
  }

  // A response computed per request (for responses that change between attempts).
  void AddHandler(const std::string& url, std::function<FetchResponse(const FetchRequest&)> f) {
    handlers_[url] = std::move(f);
  }

  void Submit(FetchRequest request) override {
    requested_.push_back(request.url);
    requests_.push_back(request);
    FetchResponse r;
    if (auto h = handlers_.find(request.url); h != handlers_.end()) {
      r = h->second(request);
    } else if (auto it = table_.find(request.url); it != table_.end()) {
      r = it->second;
    } else {
      r.status = 404;
      r.content_type = "text/html";
      r.body = "<title>Not found</title>";
    }
    r.id = request.id;
    r.url = request.url;
    if (!r.error && r.body.size() > request.max_bytes && !request.keep_truncated) {
      r.body.clear();
      r.error = engine::Error{engine::ErrorCode::kTooLarge, "decoded body exceeds the size limit",
                              request.url};
    }
    done_.push_back(std::move(r));
  }

  std::vector<FetchResponse> Wait(int) override {
    std::vector<FetchResponse> out = std::move(done_);
    done_.clear();
    return out;
  }

  size_t InFlight() const override { return done_.size(); }

  const std::vector<std::string>& requested() const { return requested_; }

  const std::vector<FetchRequest>& requests() const { return requests_; }

 private:
  std::map<std::string, FetchResponse> table_;
  std::map<std::string, std::function<FetchResponse(const FetchRequest&)>> handlers_;
  std::vector<FetchResponse> done_;
  std::vector<std::string> requested_;
  std::vector<FetchRequest> requests_;
};

}  // namespace plainsight::crawler
