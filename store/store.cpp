// OpenStore picks the backend from the location; names of statuses and states; time stamps.
#include "store/store.h"

#include <chrono>
#include <ctime>

#include "store/postgres_store.h"
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

std::string DisplayLocation(const std::string& location) {
  if (!IsPostgresUri(location)) {
    return location;
  }
  std::string out = location;
  // userinfo (RFC 3986 section 3.2.1): "user:password@" before the host.
  size_t start = out.find("://") + 3;
  size_t end = out.find_first_of("/?#", start);
  size_t at = out.rfind('@', end == std::string::npos ? out.size() : end);
  if (at != std::string::npos && at >= start) {
    size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at) {
      out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password=... among the query parameters.
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&') {
      continue;
    }
    size_t value = p + 9;
    size_t value_end = out.find('&', value);
    out.replace(value, (value_end == std::string::npos ? out.size() : value_end) - value, "***");
  }
  return out;
}

bool IsRetryable(const engine::Error& error) {
  return error.code == engine::ErrorCode::kNetwork || error.code == engine::ErrorCode::kTimeout;
}

engine::Result<std::unique_ptr<Store>> OpenStore(const std::string& location,
                                                 const OpenOptions& options) {
  if (location.empty()) {
    return engine::Fail(engine::ErrorCode::kInvalidArgument, "no store given (--db FILE)");
  }
  auto open = [&](const OpenOptions& o) {
    return IsPostgresUri(location) ? OpenPostgresStore(location, o) : OpenSqliteStore(location, o);
  };
  auto opened = open(options);
  if (opened || !options.read_only || !options.upgrade_older ||
      opened.error().code != engine::ErrorCode::kUnsupported) {
    return opened;
  }
  // Read-only, and the schema is not this build's: older (upgrade it, then read) or newer (the
  // writing open fails the same way, and the first error stands).
  OpenOptions writing = options;
  writing.read_only = false;
  writing.create = false;
  auto upgraded = open(writing);
  if (!upgraded) {
    if (upgraded.error().code == engine::ErrorCode::kUnsupported) {
      return opened;
    }
    engine::Error e = opened.error();
    e.message += "; upgrading it failed: " + upgraded.error().message;
    return e;
  }
  upgraded->reset();
  return open(options);
}

}  // namespace plainsight::store
