// The parse-and-audit worker pool that `scan` and `audit` feed: a fixed number of threads, each
// with its own PageAuditor, taking jobs from one bounded queue. Submit blocks while the queue is
// full, so a fast producer (the crawler, a folder walk) waits for the auditors instead of
// holding every page in memory.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audit/page_auditor.h"
#include "audit/settings.h"

namespace plainsight::audit {

class WorkerPool {
 public:
  using Job = std::function<void(PageAuditor&)>;

  // Starts `threads` workers (at least 1). At most `max_queued` jobs wait to start.
  WorkerPool(const Settings& settings, int threads, size_t max_queued);
  // Runs what is queued, then stops the workers.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues a job; blocks while the queue is full. A job must not throw (the pool catches and
  // drops an exception rather than lose the thread).
  void Submit(Job job);
  // Blocks until every job submitted so far has finished.
  void Drain();

  int threads() const { return static_cast<int>(workers_.size()); }

  // Why the plain-language analysis is off, when its data could not be loaded ("" otherwise).
  const std::string& text_off_reason() const { return text_off_reason_; }

 private:
  void Work(PageAuditor* auditor);

  std::mutex mutex_;
  std::condition_variable has_job_;
  std::condition_variable has_room_;
  std::condition_variable idle_;
  std::deque<Job> jobs_;
  size_t max_queued_;
  size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::unique_ptr<PageAuditor>> auditors_;
  std::vector<std::thread> workers_;
  std::string text_off_reason_;
};

// Hands results on in the order their sequence numbers were taken, whatever order they finish
// in: the first thread to complete the next result delivers it and every later one that is
// ready, one delivery at a time. Take() blocks while `window` results are outstanding, which
// bounds the results held back waiting for a slow one.
template <typename T>
class InOrder {
 public:
  InOrder(size_t window, std::function<void(T&&)> deliver)
      : window_(window == 0 ? 1 : window), deliver_(std::move(deliver)) {}

  uint64_t Take() {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return next_taken_ - next_delivered_ < window_; });
    return next_taken_++;
  }

  void Complete(uint64_t seq, T value) {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.emplace(seq, std::move(value));
    if (delivering_) {
      return;  // the thread delivering now will take it
    }
    delivering_ = true;
    while (!ready_.empty() && ready_.begin()->first == next_delivered_) {
      T next = std::move(ready_.begin()->second);
      ready_.erase(ready_.begin());
      lock.unlock();
      deliver_(std::move(next));
      lock.lock();
      ++next_delivered_;
      room_.notify_all();
    }
    delivering_ = false;
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_;
  size_t window_;
  std::function<void(T&&)> deliver_;
  std::map<uint64_t, T> ready_;
  uint64_t next_taken_ = 0;
  uint64_t next_delivered_ = 0;
  bool delivering_ = false;
};

}  // namespace plainsight::audit
