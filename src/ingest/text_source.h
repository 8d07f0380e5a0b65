// TextSource: a stream of UTF-8 text chunks, and its file-backed implementation.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "common/sha256.h"
#include "common/status.h"
#include "ingest/text_decoder.h"

namespace reckon {

class TextSource {
 public:
  virtual ~TextSource() = default;
  // Replaces `chunk` with the next piece of text. Returns false at the end
  // (chunk is then empty). A chunk never ends inside a UTF-8 character.
  virtual Result<bool> Read(std::string& chunk) = 0;
};

// A source over a string, for tests and small inputs. The text is delivered in
// pieces of `chunk_size` bytes so that tests exercise chunk boundaries.
class StringTextSource final : public TextSource {
 public:
  explicit StringTextSource(std::string text, size_t chunk_size = 1 << 16)
      : text_(std::move(text)), chunk_size_(chunk_size) {}
  Result<bool> Read(std::string& chunk) override;

 private:
  std::string text_;
  size_t chunk_size_;
  size_t pos_ = 0;
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads a file in fixed-size chunks, detects (or applies the named) encoding,
// decodes to UTF-8 and hashes the raw bytes on the way. Errors name the file.
// Thread-compatible.
class FileTextSource final : public TextSource {
 public:
  static Result<std::unique_ptr<FileTextSource>> Open(const std::string& path,
                                                      std::optional<TextEncoding> encoding);

  Result<bool> Read(std::string& chunk) override;

  TextEncoding encoding() const { return encoding_; }
  bool had_bom() const { return bom_length_ > 0; }
  int64_t file_size() const { return file_size_; }
  int64_t bytes_read() const { return bytes_read_; }
  // SHA-256 of every byte of the file; valid once Read has returned false.
  const std::string& sha256() const { return sha256_; }

 private:
  Result<std::string> ReadRaw();

  std::string path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::unique_ptr<TextDecoder> decoder_;
  TextEncoding encoding_ = TextEncoding::kUtf8;
  size_t bom_length_ = 0;
  std::string first_block_;  // read ahead for detection, served first
  bool first_served_ = false;
  bool finished_ = false;
  int64_t file_size_ = 0;
  int64_t bytes_read_ = 0;
  Sha256 hasher_;
  std::string sha256_;
};

}  // namespace reckon
