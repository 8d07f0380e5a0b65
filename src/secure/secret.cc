#include "secure/secret.h"

#include <sodium.h>

#include <utility>

namespace reckon {

Status InitSodium() {
  // sodium_init is itself thread-safe and idempotent (returns 1 when already done).
  if (sodium_init() < 0) return Status::Internal("libsodium could not be initialised");
  return Status::Ok();
}

Secret::~Secret() { Wipe(); }

Secret::Secret(Secret&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    Wipe();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void Secret::Wipe() {
  if (data_ == nullptr) return;
  sodium_memzero(data_, size_);
  sodium_free(data_);  // also wipes, unlocks and releases the guard pages
  data_ = nullptr;
  size_ = 0;
}

Result<Secret> Secret::Allocate(size_t size) {
  RECKON_RETURN_IF_ERROR(InitSodium());
  // sodium_malloc(0) is valid but allocate one byte so data() is never null.
  void* memory = sodium_malloc(size == 0 ? 1 : size);
  if (memory == nullptr) return Status::Internal("cannot allocate protected memory for a key");
  Secret secret;
  secret.data_ = static_cast<unsigned char*>(memory);
  secret.size_ = size;
  sodium_memzero(secret.data_, size == 0 ? 1 : size);
  return secret;
}

Result<Secret> Secret::CopyOf(std::string_view bytes) {
  RECKON_ASSIGN_OR_RETURN(Secret secret, Allocate(bytes.size()));
  for (size_t byte_idx = 0; byte_idx < bytes.size(); ++byte_idx) {
    secret.data_[byte_idx] = static_cast<unsigned char>(bytes[byte_idx]);
  }
  return secret;
}

std::string_view Secret::view() const {
  if (data_ == nullptr) return {};
  return {reinterpret_cast<const char*>(data_), size_};
}

}  // namespace reckon
