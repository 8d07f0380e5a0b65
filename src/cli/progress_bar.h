// A one-line progress bar on stderr, shown only when stderr is a terminal
// (never when output is piped or redirected, so logs and tests stay clean).
// Not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace reckon::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  // Redraws at most ten times a second.
  void Update(int64_t done, int64_t total, int64_t items);
  void Finish();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace reckon::cli
