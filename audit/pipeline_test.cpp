// The audit pipeline (issue 17): pages reach the sink in input order, and however many pages are
// queued, no more than the window's worth are read and held while an earlier page is slow.
#include "audit/pipeline.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

namespace pa = plainsight::audit;
namespace pe = plainsight::engine;

namespace {

class RecordingSink : public pa::AuditSink {
 public:
  void Page(plainsight::reports::AuditedInput&& page) override {
    std::lock_guard<std::mutex> lock(mutex);
    sources.push_back(page.source);
    errors.push_back(page.error);
  }

  std::mutex mutex;
  std::vector<std::string> sources;
  std::vector<std::string> errors;
};

// Waits until `done` holds or `ms` pass; returns `done()`.
template <typename Done>
bool WaitFor(Done done, int ms) {
  for (int waited = 0; waited < ms && !done(); waited += 5) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done();
}

}  // namespace

TEST_CASE(
    "audit pipeline: a slow first page holds back at most `window` pages, then all arrive "
    "in input order",
    "[audit][pipeline]") {
  constexpr size_t kWindow = 6;
  constexpr int kPages = 60;
  pa::Settings settings;
  settings.text = false;  // no rules either: the pipeline, not the audit, is under test
  std::mutex mutex;
  std::condition_variable released_cv;
  bool released = false;
  std::atomic<int> reads{0};
  std::atomic<int> max_reads_while_blocked{0};
  RecordingSink sink;
  auto reader = [&](const std::string& path) -> pe::Result<std::string> {
    ++reads;
    if (path == "page-0.html") {
      std::unique_lock<std::mutex> lock(mutex);
      released_cv.wait(lock, [&] { return released; });
    }
    return std::string("<!DOCTYPE html><html lang=en><title>") + path + "</title><p>x</p>";
  };
  std::atomic<int> added{0};
  {
    pa::AuditPipeline pipeline(settings, 2, sink, reader, kWindow);
    std::thread producer([&] {
      for (int i = 0; i < kPages; ++i) {
        pipeline.AddFile({"page-" + std::to_string(i) + ".html", "", ""}, nullptr);
        ++added;
      }
    });
    // While page 0 is stuck, the pages after it are read and audited until the window is full;
    // the producer then waits in AddFile instead of queueing the whole site.
    CHECK(WaitFor([&] { return reads == static_cast<int>(kWindow); }, 5000));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    max_reads_while_blocked = reads.load();
    CHECK(max_reads_while_blocked == static_cast<int>(kWindow));
    CHECK(added == static_cast<int>(kWindow));
    {
      std::lock_guard<std::mutex> lock(sink.mutex);
      CHECK(sink.sources.empty());  // nothing overtakes page 0
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      released = true;
    }
    released_cv.notify_all();
    producer.join();
    pipeline.Finish();
  }
  REQUIRE(sink.sources.size() == static_cast<size_t>(kPages));
  for (int i = 0; i < kPages; ++i) {
    CHECK(sink.sources[i] == "page-" + std::to_string(i) + ".html");
    CHECK(sink.errors[i].empty());
  }
  CHECK(reads == kPages);
}

TEST_CASE("audit pipeline: an unreadable page is delivered in its place with the reader's error",
          "[audit][pipeline]") {
  pa::Settings settings;
  settings.text = false;
  RecordingSink sink;
  auto reader = [](const std::string& path) -> pe::Result<std::string> {
    if (path == "b.html") {
      return pe::Fail(pe::ErrorCode::kTooLarge, "skipped: too big");
    }
    return std::string("<!DOCTYPE html><html lang=en><title>t</title><p>x</p>");
  };
  {
    pa::AuditPipeline pipeline(settings, 2, sink, reader, 2);
    for (const char* name : {"a.html", "b.html", "c.html"}) {
      pipeline.AddFile({name, "", ""}, nullptr);
    }
    pipeline.Finish();
  }
  CHECK(sink.sources == std::vector<std::string>{"a.html", "b.html", "c.html"});
  CHECK(sink.errors == std::vector<std::string>{"", "skipped: too big", ""});
}
