// A Store that passes every call to another and adds up how long the calls took: how much of a
// worker's time goes to the database (the fleet bench reports it; the worker prints it when it
// stops). Thread-safe counters; the wrapped store's own threading rules still hold.
#pragma once

#include <atomic>
#include <cstdint>

#include "store/store.h"

namespace plainsight::store {

class TimedStore final : public Store {
 public:
  explicit TimedStore(Store& inner) : inner_(inner) {}

  // Calls made and their wall time, in microseconds, since construction.
  uint64_t calls() const { return calls_; }

  uint64_t micros() const { return micros_; }

  const char* backend() const noexcept override { return inner_.backend(); }

  int schema_version() const noexcept override { return inner_.schema_version(); }

  engine::Result<int64_t> CreateScan(const NewScan& scan) override;
  engine::Result<std::vector<ScanInfo>> Scans() override;
  engine::Result<std::optional<ScanInfo>> Scan(int64_t scan_id) override;
  engine::Result<void> SetScanStatus(int64_t scan_id, ScanStatus status) override;
  engine::Result<std::vector<RuleInfo>> Rules(int64_t scan_id) override;
  engine::Result<ScanProgress> Progress(int64_t scan_id) override;
  engine::Result<std::vector<ScanBody>> Bodies(int64_t scan_id) override;
  engine::Result<void> StartBody(int64_t scan_id, const std::string& body_id) override;
  engine::Result<void> FinishBody(int64_t scan_id, const std::string& body_id, BodyState state,
                                  const std::string& reason) override;
  engine::Result<std::optional<Lease>> LeaseBody(const std::string& owner, int lease_s) override;
  engine::Result<void> RenewLease(const Lease& lease, const std::string& owner,
                                  int lease_s) override;
  engine::Result<void> ReleaseLease(const Lease& lease, const std::string& owner) override;
  engine::Result<std::vector<OpenScan>> OpenScans() override;
  engine::Result<bool> PutPage(const PageRecord& page) override;
  engine::Result<PageCounts> CountPages(int64_t scan_id, const std::string& body_id) override;
  engine::Result<std::unordered_set<std::string>> StoredUrls(int64_t scan_id,
                                                             const std::string& body_id) override;
  engine::Result<void> PutSkip(const SkipRecord& skip) override;
  engine::Result<void> PutSiteFact(const SiteFact& fact) override;
  engine::Result<void> ForEachPage(int64_t scan_id, const std::string& body_id,
                                   const std::function<bool(const PageRecord&)>& fn) override;
  engine::Result<std::vector<SkipRecord>> Skips(int64_t scan_id,
                                                const std::string& body_id) override;
  engine::Result<std::vector<SiteFact>> SiteFacts(int64_t scan_id,
                                                  const std::string& body_id) override;

 private:
  template <typename F>
  auto Time(F&& f) -> decltype(f());

  Store& inner_;
  std::atomic<uint64_t> calls_{0};
  std::atomic<uint64_t> micros_{0};
};

}  // namespace plainsight::store
