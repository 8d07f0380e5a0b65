#include "secure/key_source.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace reckon {

Result<KeySource> ReadKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read key file " + path);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError("cannot read key file " + path);
  RECKON_ASSIGN_OR_RETURN(Secret contents, Secret::CopyOf(raw));
  sodium_memzero(raw.data(), raw.size());
  std::string_view text = contents.view();
  if (text.size() == kCaseKeyBytes) return KeySource::FromKeyBytes(text);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  RECKON_ASSIGN_OR_RETURN(Secret bytes, Secret::Allocate(kCaseKeyBytes));
  size_t decoded = 0;
  if (text.size() != 2 * kCaseKeyBytes ||
      sodium_hex2bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &decoded,
                     nullptr) != 0 ||
      decoded != kCaseKeyBytes) {
    return Status::InvalidArgument("key file " + path +
                                   " must hold exactly 32 raw bytes or 64 hex digits");
  }
  return KeySource::FromKeyBytes(bytes.view());
}

Result<std::optional<KeySource>> ResolveKeySource(const std::string& key_file,
                                                  const char* env_name) {
  if (!key_file.empty()) {
    RECKON_ASSIGN_OR_RETURN(KeySource source, ReadKeyFile(key_file));
    return std::optional<KeySource>(std::move(source));
  }
  const char* passphrase = std::getenv(env_name);
  if (passphrase == nullptr || *passphrase == '\0') return std::optional<KeySource>();
  RECKON_ASSIGN_OR_RETURN(KeySource source, KeySource::FromPassphrase(passphrase));
  return std::optional<KeySource>(std::move(source));
}

Status WriteNewKeyFile(const std::string& path) {
  RECKON_RETURN_IF_ERROR(InitSodium());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return Status::AlreadyExists("cannot create key file " + path + " (does it exist?)");
  RECKON_ASSIGN_OR_RETURN(Secret key, Secret::Allocate(kCaseKeyBytes));
  randombytes_buf(key.data(), key.size());
  RECKON_ASSIGN_OR_RETURN(Secret hex, Secret::Allocate(2 * kCaseKeyBytes + 2));
  sodium_bin2hex(reinterpret_cast<char*>(hex.data()), hex.size(), key.data(), key.size());
  hex.data()[2 * kCaseKeyBytes] = '\n';
  const auto want = static_cast<ssize_t>(2 * kCaseKeyBytes + 1);
  const bool ok = ::write(fd, hex.data(), 2 * kCaseKeyBytes + 1) == want && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Status::IoError("cannot write key file " + path);
  return Status::Ok();
}

}  // namespace reckon
