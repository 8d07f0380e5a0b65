#include "serve/login_throttle.h"

#include <algorithm>

namespace reckon::serve {

int64_t LoginThrottle::RetryAfter(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  if (now - it->second.last >= kForgetAfter) {
    entries_.erase(it);
    return 0;
  }
  if (it->second.failures < kFreeFailures) return 0;
  const int doublings = std::min(it->second.failures - kFreeFailures, 10);
  const auto delay =
      std::min<std::chrono::seconds>(std::chrono::seconds(int64_t{1} << doublings), kMaxDelay);
  const auto until = it->second.last + delay;
  if (now >= until) return 0;
  return std::max<int64_t>(1, std::chrono::ceil<std::chrono::seconds>(until - now).count());
}

void LoginThrottle::RecordFailure(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxKeys && !entries_.count(key)) {
    auto oldest = std::min_element(
        entries_.begin(), entries_.end(),
        [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
    entries_.erase(oldest);
  }
  Entry& e = entries_[key];
  if (e.failures > 0 && now - e.last >= kForgetAfter) e.failures = 0;
  ++e.failures;
  e.last = now;
}

void LoginThrottle::RecordSuccess(const std::string& key) {
  std::lock_guard lock(mutex_);
  entries_.erase(key);
}

}  // namespace reckon::serve
