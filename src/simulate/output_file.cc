#include "simulate/output_file.h"

#include <cerrno>
#include <cstring>

namespace reckon::simulate {

namespace {
constexpr size_t kBufferBytes = 1 << 20;
}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)), buffer_(kBufferBytes) {
  // A large buffer keeps the number of write calls low when streaming
  // millions of rows; it must be installed before open().
  stream_.rdbuf()->pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  stream_.open(path_, std::ios::binary | std::ios::trunc);
}

Result<std::unique_ptr<OutputFile>> OutputFile::Create(const std::string& path) {
  std::unique_ptr<OutputFile> file(new OutputFile(path));
  if (!file->stream_.is_open()) {
    return Status::IoError("cannot create " + path + ": " + std::strerror(errno));
  }
  return file;
}

Status OutputFile::Close() {
  stream_.flush();
  const bool failed = !stream_.good();
  stream_.close();
  if (failed || stream_.fail()) return Status::IoError("failed writing " + path_);
  return Status::Ok();
}

}  // namespace reckon::simulate
