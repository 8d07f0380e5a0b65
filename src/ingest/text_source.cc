#include "ingest/text_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace reckon {
namespace {
constexpr size_t kReadBlock = 1 << 18;
}  // namespace

Result<bool> StringTextSource::Read(std::string& chunk) {
  chunk.clear();
  if (pos_ >= text_.size()) return false;
  size_t end = std::min(text_.size(), pos_ + chunk_size_);
  // Never split a UTF-8 character.
  while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
  chunk.assign(text_, pos_, end - pos_);
  pos_ = end;
  return true;
}

Result<std::unique_ptr<FileTextSource>> FileTextSource::Open(const std::string& path,
                                                             std::optional<TextEncoding> encoding) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return Status::NotFound("cannot read " + path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return Status::InvalidArgument(path + " is a directory, not a file");
  auto source = std::make_unique<FileTextSource>();
  source->path_ = path;
  source->file_size_ = static_cast<int64_t>(info.st_size);
  source->file_.reset(std::fopen(path.c_str(), "rb"));
  if (!source->file_) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  RECKON_ASSIGN_OR_RETURN(source->first_block_, source->ReadRaw());
  if (encoding) {
    source->encoding_ = *encoding;
    source->bom_length_ = BomLength(*encoding, source->first_block_);
  } else {
    const DetectedEncoding detected = DetectEncoding(source->first_block_);
    source->encoding_ = detected.encoding;
    source->bom_length_ = detected.bom_length;
  }
  RECKON_ASSIGN_OR_RETURN(source->decoder_, TextDecoder::Create(source->encoding_));
  return source;
}

Result<std::string> FileTextSource::ReadRaw() {
  std::string block(kReadBlock, '\0');
  const size_t got = std::fread(block.data(), 1, block.size(), file_.get());
  if (got < block.size() && std::ferror(file_.get())) {
    return Status::IoError("error reading " + path_ + ": " + std::strerror(errno));
  }
  block.resize(got);
  hasher_.Update(block);
  bytes_read_ += static_cast<int64_t>(got);
  return block;
}

Result<bool> FileTextSource::Read(std::string& chunk) {
  chunk.clear();
  while (!finished_) {
    std::string raw;
    if (!first_served_) {
      raw = std::move(first_block_);
      raw.erase(0, bom_length_);
      first_served_ = true;
    } else {
      RECKON_ASSIGN_OR_RETURN(raw, ReadRaw());
    }
    const bool last = raw.empty() || std::feof(file_.get()) != 0;
    if (last && raw.empty()) {
      // A read may hit EOF exactly at a block boundary: make sure it is the end.
      finished_ = true;
    }
    RECKON_RETURN_IF_ERROR(decoder_->Decode(raw, last, chunk));
    if (last) {
      finished_ = true;
      sha256_ = hasher_.HexDigest();
    }
    if (!chunk.empty()) return true;
  }
  return false;
}

}  // namespace reckon
