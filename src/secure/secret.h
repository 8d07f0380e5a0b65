// Secret: key material and passphrases in memory that libsodium guards.
//
// The bytes live in a sodium_malloc'd region (guard pages, locked against
// swapping where the system allows it) and are zeroed with sodium_memzero
// before the region is freed. A Secret is move-only so that exactly one owner
// wipes it. Thread-compatible: one owner at a time.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/status.h"

namespace reckon {

// Initialises libsodium once per process; safe to call from any thread and
// any number of times. Returns Internal if the library cannot start.
Status InitSodium();

class Secret {
 public:
  Secret() = default;
  ~Secret();
  Secret(Secret&& other) noexcept;
  Secret& operator=(Secret&& other) noexcept;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;

  // A zeroed secret of `size` bytes (size may be 0). Fails only when memory
  // cannot be allocated or libsodium cannot start.
  static Result<Secret> Allocate(size_t size);
  // Copies `bytes` into guarded memory. The caller still owns (and should
  // wipe) its own copy.
  static Result<Secret> CopyOf(std::string_view bytes);

  unsigned char* data() { return data_; }
  const unsigned char* data() const { return data_; }
  size_t size() const { return size_; }
  std::string_view view() const;

 private:
  void Wipe();

  unsigned char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace reckon
