#include "serve/request_log.h"

namespace reckon::serve {

RequestLog::RequestLog(std::FILE* out, size_t capacity)
    : out_(out), lines_(capacity), writer_([this] { Run(); }) {}

RequestLog::~RequestLog() {
  lines_.Close();
  writer_.join();
}

void RequestLog::Write(std::string line) { lines_.Push(std::move(line)); }

void RequestLog::Run() {
  while (std::optional<std::string> line = lines_.Pop()) {
    std::fputs(line->c_str(), out_);
    // Flush when nothing more is waiting, so a quiet server's log is current.
    std::optional<std::string> next;
    while ((next = lines_.TryPop())) std::fputs(next->c_str(), out_);
    std::fflush(out_);
  }
  std::fflush(out_);
}

}  // namespace reckon::serve
