// Login throttling: after kFreeFailures failed logins for one key (a user
// name, or a client address), further attempts are refused until a delay has
// passed that doubles with each further failure (1 s, 2 s, 4 s, ... up to 15
// minutes). Failures are forgotten 15 minutes after the last one, and a
// successful login clears its user name's count.
//
// Thread-safety: thread-safe (one mutex). Memory: one entry per key seen
// failing in the last 15 minutes; at most kMaxKeys, oldest dropped first.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace reckon::serve {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kFreeFailures = 5;
  static constexpr std::chrono::seconds kMaxDelay{900};
  static constexpr std::chrono::seconds kForgetAfter{900};
  static constexpr size_t kMaxKeys = 100000;

  // Seconds to wait before `key` may try again (0: may try now).
  int64_t RetryAfter(const std::string& key, Clock::time_point now = Clock::now());
  void RecordFailure(const std::string& key, Clock::time_point now = Clock::now());
  void RecordSuccess(const std::string& key);

 private:
  struct Entry {
    int failures = 0;
    Clock::time_point last;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace reckon::serve
