// Status and Result<T>: expected failures are values, never exceptions.
//
// A Status is either ok or carries a code and a human-readable message that
// already names what went wrong (file, line, field). Messages must never
// contain secrets or witness identities: they end up in logs and terminals.
//
// Thread-safety: plain values; safe to copy between threads.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace reckon {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller passed something unusable (flag, option)
  kNotFound,         // a named thing (file, source, case) does not exist
  kAlreadyExists,    // refusing to create or import something twice
  kDataError,        // input data is malformed (CSV structure, encoding)
  kIoError,          // the operating system failed us
  kCorruption,       // a case file or evidence store is not what it should be
  kUnsupported,      // e.g. a case file written by a newer Reckon
  kInternal,         // a bug in Reckon
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status DataError(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is prefixed with `context` ("reading x.csv: ...").
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return {code_, context + ": " + message_};
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace reckon

#define RECKON_CONCAT_INNER_(a, b) a##b
#define RECKON_CONCAT_(a, b) RECKON_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` (a Status) is not ok.
#define RECKON_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::reckon::Status reckon_status_ = (expr);        \
    if (!reckon_status_.ok()) return reckon_status_; \
  } while (false)

// `lhs` = value of `rexpr` (a Result<T>), or returns its Status.
#define RECKON_ASSIGN_OR_RETURN(lhs, rexpr) \
  RECKON_ASSIGN_OR_RETURN_IMPL_(RECKON_CONCAT_(reckon_result_, __LINE__), lhs, rexpr)
#define RECKON_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                  \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
