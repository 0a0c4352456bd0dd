// The audit worker pool and in-order delivery.
#include "audit/worker_pool.h"

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

namespace pa = plainsight::audit;

TEST_CASE("worker pool: every job runs once, on more than one thread", "[audit][pool]") {
  pa::Settings settings;
  settings.text = false;
  std::atomic<int> ran{0};
  std::mutex mutex;
  std::set<std::thread::id> threads;
  {
    pa::WorkerPool pool(settings, 2, 3);
    CHECK(pool.threads() == 2);
    for (int i = 0; i < 200; ++i) {
      pool.Submit([&](pa::PageAuditor&) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        ++ran;
        std::lock_guard<std::mutex> lock(mutex);
        threads.insert(std::this_thread::get_id());
      });
    }
    pool.Drain();
    CHECK(ran == 200);
  }
  CHECK(threads.size() == 2);
}

TEST_CASE("worker pool: a throwing job does not stop the pool", "[audit][pool]") {
  pa::Settings settings;
  settings.text = false;
  std::atomic<int> ran{0};
  pa::WorkerPool pool(settings, 1, 1);
  pool.Submit([](pa::PageAuditor&) { throw std::runtime_error("bug"); });
  pool.Submit([&](pa::PageAuditor&) { ++ran; });
  pool.Drain();
  CHECK(ran == 1);
}

TEST_CASE(
    "in order: results completed out of order are delivered in taken order, with at most "
    "`window` outstanding",
    "[audit][pool]") {
  std::vector<int> delivered;
  pa::InOrder<int> order(4, [&](int&& v) { delivered.push_back(v); });
  std::vector<uint64_t> seqs;
  seqs.reserve(4);
  for (int i = 0; i < 4; ++i) {
    seqs.push_back(order.Take());
  }
  // The fifth Take must wait for a delivery.
  std::atomic<bool> fifth{false};
  std::thread t([&] {
    uint64_t s = order.Take();
    fifth = true;
    order.Complete(s, 4);
  });
  order.Complete(seqs[2], 2);
  order.Complete(seqs[1], 1);
  order.Complete(seqs[3], 3);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK_FALSE(fifth);  // nothing delivered yet: 0 is missing
  CHECK(delivered.empty());
  order.Complete(seqs[0], 0);
  t.join();
  CHECK(fifth);
  CHECK(delivered == std::vector<int>{0, 1, 2, 3, 4});
}
