// Result<T> and Error: expected failures as values (STYLE.md section 4).
// The API is a subset of C++23 std::expected, which GCC 12 lacks in C++20 mode, so that the
// switch later is mechanical: has_value(), operator bool, value(), error(), operator*, operator->.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace plainsight::engine {

// Machine-readable error codes. Add new ones at the end; reports and JSON use the names.
enum class ErrorCode {
  kInvalidArgument,  // the caller asked for something malformed (bad flag value, bad URL)
  kNotFound,         // a file, URL or id does not exist
  kIo,               // reading or writing failed
  kParse,            // input could not be parsed (broken PDF, invalid JSON, unknown encoding)
  kTooLarge,         // input exceeded a configured limit
  kUnsupported,      // a format or feature this build does not handle
  kNetwork,          // connection, TLS or protocol failure
  kTimeout,          // a deadline passed
  kDisallowed,       // robots.txt or a safety policy forbids it
  kHttpStatus,       // the server answered with an error status
  kInternal,         // a bug: a rule threw, an invariant failed
};

// The stable name of an error code, as used in JSON output ("parse", "too-large", ...).
const char* ErrorCodeName(ErrorCode code) noexcept;

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // a sentence a person can act on
  std::string where;    // file, URL or "line:column", when known

  std::string ToString() const;
};

// Tag type for constructing a failed Result, like std::unexpected.
struct Unexpected {
  Error error;
};

inline Unexpected Fail(ErrorCode code, std::string message, std::string where = {}) {
  return Unexpected{Error{code, std::move(message), std::move(where)}};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value)
      : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit like expected

  Result(Unexpected failure) : data_(std::in_place_index<1>, std::move(failure.error)) {}  // NOLINT

  Result(Error error) : data_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const noexcept { return data_.index() == 0; }

  explicit operator bool() const noexcept { return has_value(); }

  // Precondition: has_value(). Calling on an error is a programmer error.
  T& value() & {
    assert(has_value());
    return std::get<0>(data_);
  }

  const T& value() const& {
    assert(has_value());
    return std::get<0>(data_);
  }

  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(data_));
  }

  T& operator*() & { return value(); }

  const T& operator*() const& { return value(); }

  T* operator->() { return &value(); }

  const T* operator->() const { return &value(); }

  // Precondition: !has_value().
  const Error& error() const {
    assert(!has_value());
    return std::get<1>(data_);
  }

  template <typename U>
  T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(data_) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  std::variant<T, Error> data_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;

  Result(Unexpected failure) : error_(std::move(failure.error)), ok_(false) {}  // NOLINT

  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool has_value() const noexcept { return ok_; }

  explicit operator bool() const noexcept { return ok_; }

  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace plainsight::engine
