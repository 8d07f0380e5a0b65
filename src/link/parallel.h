// Splitting a loop over [0, n) across the linker's worker threads.
//
// Thread-safety: `body` is called from several threads at once, each on a
// range of its own.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace reckon::link {

// Runs body(begin, end) over [0, n) split into `threads` equal ranges (one
// thread for fewer than 1,000 items a thread).
template <typename Body>
void ParallelFor(size_t n, size_t threads, Body body) {
  threads = std::max<size_t>(1, std::min(threads, n / 1000 + 1));
  std::vector<std::thread> workers;
  const size_t chunk = (n + threads - 1) / threads;
  for (size_t t = 1; t < threads; ++t) {
    const size_t begin = std::min(n, t * chunk);
    const size_t end = std::min(n, begin + chunk);
    workers.emplace_back([&body, begin, end] { body(begin, end); });
  }
  body(0, std::min(n, chunk));
  for (auto& worker : workers) worker.join();
}

// Runs body(thread, begin, end) over [0, n) in chunks of `chunk` handed out
// to `threads` threads as they become free (a loaded machine slows one
// thread more than another).
template <typename Body>
void ParallelChunks(size_t n, size_t chunk, size_t threads, Body body) {
  threads = std::max<size_t>(1, std::min(threads, n / chunk + 1));
  std::atomic<size_t> next{0};
  auto work = [&](size_t thread) {
    for (;;) {
      const size_t begin = next.fetch_add(chunk);
      if (begin >= n) return;
      body(thread, begin, std::min(n, begin + chunk));
    }
  };
  std::vector<std::thread> workers;
  for (size_t t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (auto& worker : workers) worker.join();
}

}  // namespace reckon::link
