// Incremental SHA-256, used to identify imported files and evidence.
//
// Backed by OpenSSL's EVP interface, which uses the CPU's SHA extensions
// where present (several times faster than a portable implementation; files
// and evidence can be gigabytes). Thread-compatible: one hasher per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

struct evp_md_ctx_st;

namespace reckon {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  // Finishes the hash and returns it as 64 lowercase hex digits. Call once.
  std::string HexDigest();

 private:
  struct ContextDeleter {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, ContextDeleter> context_;
};

// Hashes a whole file, streaming. Errors name the path.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace reckon
