#include "secure/field_cipher.h"

#include <sodium.h>

namespace reckon {
namespace {
constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
}  // namespace

Result<std::string> EncryptField(const CaseKey& key, std::string_view plaintext,
                                 std::string_view associated_data) {
  RECKON_RETURN_IF_ERROR(InitSodium());
  std::string sealed(kNonce + plaintext.size() + kTag, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out + kNonce, &written, Bytes(plaintext), plaintext.size(), Bytes(associated_data),
      associated_data.size(), nullptr, out, key.secret().data());
  sealed.resize(kNonce + static_cast<size_t>(written));
  return sealed;
}

Result<std::string> DecryptField(const CaseKey& key, std::string_view sealed,
                                 std::string_view associated_data) {
  RECKON_RETURN_IF_ERROR(InitSodium());
  if (sealed.size() < kNonce + kTag) {
    return Status::Corruption("a protected value is too short to be a ciphertext");
  }
  std::string plain(sealed.size() - kNonce - kTag, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &written, nullptr, Bytes(sealed) + kNonce,
          sealed.size() - kNonce, Bytes(associated_data), associated_data.size(), Bytes(sealed),
          key.secret().data()) != 0) {
    return Status::Corruption("a protected value (" + std::string(associated_data) +
                              ") does not open: it was altered or moved from elsewhere");
  }
  plain.resize(static_cast<size_t>(written));
  return plain;
}

}  // namespace reckon
