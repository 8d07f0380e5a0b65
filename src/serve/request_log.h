// The request log, written by a thread of its own.
//
// Request threads hand their line to a bounded queue and go on; one writer
// thread writes the lines out and flushes when the queue runs dry, so a disk
// that stalls (writeback while other jobs write) holds up the log, not the
// requests. When the queue is full (the disk is far behind), request threads
// wait: lines are never dropped. (Measured: not the cause of the occasional
// 0.5 s p99 of bench/serve_bench.sh on a shared machine; docs/performance.md.)
//
// Thread-safe.
#pragma once

#include <cstdio>
#include <string>
#include <thread>

#include "common/bounded_queue.h"

namespace reckon::serve {

class RequestLog {
 public:
  explicit RequestLog(std::FILE* out, size_t capacity = 65536);
  ~RequestLog();  // writes every queued line, then returns
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  void Write(std::string line);

 private:
  void Run();

  std::FILE* out_;
  BoundedQueue<std::string> lines_;
  std::thread writer_;
};

}  // namespace reckon::serve
