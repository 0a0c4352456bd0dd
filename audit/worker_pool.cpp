// The audit worker pool (worker_pool.h).
#include "audit/worker_pool.h"

namespace plainsight::audit {

WorkerPool::WorkerPool(const Settings& settings, int threads, size_t max_queued)
    : max_queued_(max_queued == 0 ? 1 : max_queued) {
  int n = threads < 1 ? 1 : threads;
  for (int i = 0; i < n; ++i) {
    // Each worker's auditor is built here, before any job runs, so that start-up problems (no
    // text data) are known at once and said once.
    auditors_.push_back(
        std::make_unique<PageAuditor>(settings, i == 0 ? &text_off_reason_ : nullptr));
  }
  for (int i = 0; i < n; ++i) {
    workers_.emplace_back([this, i] { Work(auditors_[static_cast<size_t>(i)].get()); });
  }
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  has_job_.notify_all();
  for (std::thread& t : workers_) {
    t.join();
  }
}

void WorkerPool::Submit(Job job) {
  std::unique_lock<std::mutex> lock(mutex_);
  has_room_.wait(lock, [&] { return jobs_.size() < max_queued_; });
  jobs_.push_back(std::move(job));
  lock.unlock();
  has_job_.notify_one();
}

void WorkerPool::Drain() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [&] { return jobs_.empty() && running_ == 0; });
}

void WorkerPool::Work(PageAuditor* auditor) {
  while (true) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      has_job_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) {
        return;  // stopping, and nothing left to run
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
      ++running_;
    }
    has_room_.notify_one();
    try {
      job(*auditor);
    } catch (...) {
      // The runner isolates rules already; anything else is a bug in the job, which must not
      // take the pool down with it.
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --running_;
      if (jobs_.empty() && running_ == 0) {
        idle_.notify_all();
      }
    }
  }
}

}  // namespace plainsight::audit
