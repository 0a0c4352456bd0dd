// TimedStore (timed_store.h): every call passed on and timed.
#include "store/timed_store.h"

#include <chrono>

namespace plainsight::store {

template <typename F>
auto TimedStore::Time(F&& f) -> decltype(f()) {
  auto start = std::chrono::steady_clock::now();
  auto out = f();
  micros_ += static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                       std::chrono::steady_clock::now() - start)
                                       .count());
  ++calls_;
  return out;
}

engine::Result<int64_t> TimedStore::CreateScan(const NewScan& scan) {
  return Time([&] { return inner_.CreateScan(scan); });
}

engine::Result<std::vector<ScanInfo>> TimedStore::Scans() {
  return Time([&] { return inner_.Scans(); });
}

engine::Result<std::optional<ScanInfo>> TimedStore::Scan(int64_t scan_id) {
  return Time([&] { return inner_.Scan(scan_id); });
}

engine::Result<void> TimedStore::SetScanStatus(int64_t scan_id, ScanStatus status) {
  return Time([&] { return inner_.SetScanStatus(scan_id, status); });
}

engine::Result<std::vector<RuleInfo>> TimedStore::Rules(int64_t scan_id) {
  return Time([&] { return inner_.Rules(scan_id); });
}

engine::Result<ScanProgress> TimedStore::Progress(int64_t scan_id) {
  return Time([&] { return inner_.Progress(scan_id); });
}

engine::Result<std::vector<ScanBody>> TimedStore::Bodies(int64_t scan_id) {
  return Time([&] { return inner_.Bodies(scan_id); });
}

engine::Result<void> TimedStore::StartBody(int64_t scan_id, const std::string& body_id) {
  return Time([&] { return inner_.StartBody(scan_id, body_id); });
}

engine::Result<void> TimedStore::FinishBody(int64_t scan_id, const std::string& body_id,
                                            BodyState state, const std::string& reason) {
  return Time([&] { return inner_.FinishBody(scan_id, body_id, state, reason); });
}

engine::Result<std::optional<Store::Lease>> TimedStore::LeaseBody(const std::string& owner,
                                                                  int lease_s) {
  return Time([&] { return inner_.LeaseBody(owner, lease_s); });
}

engine::Result<void> TimedStore::RenewLease(const Lease& lease, const std::string& owner,
                                            int lease_s) {
  return Time([&] { return inner_.RenewLease(lease, owner, lease_s); });
}

engine::Result<void> TimedStore::ReleaseLease(const Lease& lease, const std::string& owner) {
  return Time([&] { return inner_.ReleaseLease(lease, owner); });
}

engine::Result<std::vector<Store::OpenScan>> TimedStore::OpenScans() {
  return Time([&] { return inner_.OpenScans(); });
}

engine::Result<bool> TimedStore::PutPage(const PageRecord& page) {
  return Time([&] { return inner_.PutPage(page); });
}

engine::Result<Store::PageCounts> TimedStore::CountPages(int64_t scan_id,
                                                         const std::string& body_id) {
  return Time([&] { return inner_.CountPages(scan_id, body_id); });
}

engine::Result<std::unordered_set<std::string>> TimedStore::StoredUrls(int64_t scan_id,
                                                                       const std::string& body_id) {
  return Time([&] { return inner_.StoredUrls(scan_id, body_id); });
}

engine::Result<void> TimedStore::PutSkip(const SkipRecord& skip) {
  return Time([&] { return inner_.PutSkip(skip); });
}

engine::Result<void> TimedStore::PutSiteFact(const SiteFact& fact) {
  return Time([&] { return inner_.PutSiteFact(fact); });
}

engine::Result<void> TimedStore::ForEachPage(int64_t scan_id, const std::string& body_id,
                                             const std::function<bool(const PageRecord&)>& fn) {
  return Time([&] { return inner_.ForEachPage(scan_id, body_id, fn); });
}

engine::Result<std::vector<SkipRecord>> TimedStore::Skips(int64_t scan_id,
                                                          const std::string& body_id) {
  return Time([&] { return inner_.Skips(scan_id, body_id); });
}

engine::Result<std::vector<SiteFact>> TimedStore::SiteFacts(int64_t scan_id,
                                                            const std::string& body_id) {
  return Time([&] { return inner_.SiteFacts(scan_id, body_id); });
}

}  // namespace plainsight::store
