// OpenStore picks the backend from the location; names of statuses and states; time stamps.
#include "store/store.h"

#include <chrono>
#include <ctime>

#include "store/sqlite_store.h"

namespace plainsight::store {

const char* ScanStatusName(ScanStatus status) noexcept {
  switch (status) {
    case ScanStatus::kRunning:
      return "running";
    case ScanStatus::kInterrupted:
      return "interrupted";
    case ScanStatus::kDone:
      return "done";
    case ScanStatus::kQueued:
      return "queued";
  }
  return "running";
}

std::optional<ScanStatus> ParseScanStatus(std::string_view name) noexcept {
  for (ScanStatus s :
       {ScanStatus::kRunning, ScanStatus::kInterrupted, ScanStatus::kDone, ScanStatus::kQueued}) {
    if (name == ScanStatusName(s)) {
      return s;
    }
  }
  return std::nullopt;
}

const char* BodyStateName(BodyState state) noexcept {
  switch (state) {
    case BodyState::kPending:
      return "pending";
    case BodyState::kRunning:
      return "running";
    case BodyState::kDone:
      return "done";
    case BodyState::kFailed:
      return "failed";
  }
  return "pending";
}

std::optional<BodyState> ParseBodyState(std::string_view name) noexcept {
  for (BodyState s :
       {BodyState::kPending, BodyState::kRunning, BodyState::kDone, BodyState::kFailed}) {
    if (name == BodyStateName(s)) {
      return s;
    }
  }
  return std::nullopt;
}

std::string UtcAfterSeconds(int seconds) {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string NowUtc() {
  return UtcAfterSeconds(0);
}

bool IsPostgresUri(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

engine::Result<std::unique_ptr<Store>> OpenStore(const std::string& location,
                                                 const OpenOptions& options) {
  if (location.empty()) {
    return engine::Fail(engine::ErrorCode::kInvalidArgument, "no store given (--db FILE)");
  }
  if (IsPostgresUri(location)) {
    return engine::Fail(engine::ErrorCode::kUnsupported,
                        "PostgreSQL stores are not supported by this build yet; use a file path "
                        "for an SQLite store",
                        location);
  }
  return OpenSqliteStore(location, options);
}

}  // namespace plainsight::store
