// Names and formatting for engine::Error.
#include "engine/result.h"

namespace plainsight::engine {

const char* ErrorCodeName(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid-argument";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kParse:
      return "parse";
    case ErrorCode::kTooLarge:
      return "too-large";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kNetwork:
      return "network";
    case ErrorCode::kTimeout:
      return "timeout";
    case ErrorCode::kDisallowed:
      return "disallowed";
    case ErrorCode::kHttpStatus:
      return "http-status";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Error::ToString() const {
  std::string out;
  if (!where.empty()) {
    out += where;
    out += ": ";
  }
  out += message;
  out += " [";
  out += ErrorCodeName(code);
  out += "]";
  return out;
}

}  // namespace plainsight::engine
