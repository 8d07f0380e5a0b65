// Incremental SHA-256 (libsodium), used to identify imported files and evidence.
//
// Thread-compatible: one hasher per thread.
#pragma once

#include <sodium.h>

#include <string>
#include <string_view>

#include "common/status.h"

namespace reckon {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // Finishes the hash and returns it as 64 lowercase hex digits. Call once.
  std::string HexDigest();

 private:
  crypto_hash_sha256_state state_;
};

// Hashes a whole file, streaming. Errors name the path.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace reckon
