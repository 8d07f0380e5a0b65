#include "secure/case_key.h"

#include <sodium.h>

namespace reckon {
namespace {

constexpr std::string_view kWrongKey = "the key does not open this case";

// The associated data binds the wrapped key to how its KEK was made, so the
// salt, limits or kind cannot be changed without the unwrap failing.
std::string WrapAssociatedData(const WrappedCaseKey& w) {
  return "reckon case key v1|" + w.kind + "|" + std::to_string(w.limits.opslimit) + "|" +
         std::to_string(w.limits.memlimit) + "|" + w.salt;
}

Result<Secret> DeriveKek(const KeySource& source, const std::string& salt,
                         const KdfLimits& limits) {
  RECKON_ASSIGN_OR_RETURN(Secret kek,
                          Secret::Allocate(crypto_aead_xchacha20poly1305_ietf_KEYBYTES));
  if (source.kind() == KeySource::Kind::kKeyFile) {
    if (source.secret().size() != kek.size()) return Status::Internal("key file of the wrong size");
    for (size_t byte_idx = 0; byte_idx < kek.size(); ++byte_idx) {
      kek.data()[byte_idx] = source.secret().data()[byte_idx];
    }
    return kek;
  }
  if (salt.size() != crypto_pwhash_SALTBYTES) {
    return Status::Corruption("the case key's salt has the wrong length");
  }
  if (limits.opslimit < crypto_pwhash_OPSLIMIT_MIN ||
      limits.memlimit < crypto_pwhash_MEMLIMIT_MIN ||
      limits.opslimit > crypto_pwhash_OPSLIMIT_MAX ||
      limits.memlimit > static_cast<uint64_t>(crypto_pwhash_MEMLIMIT_MAX)) {
    return Status::Corruption("the case key's Argon2id limits are out of range");
  }
  const Secret& pass = source.secret();
  if (crypto_pwhash(kek.data(), kek.size(), reinterpret_cast<const char*>(pass.data()), pass.size(),
                    reinterpret_cast<const unsigned char*>(salt.data()), limits.opslimit,
                    static_cast<size_t>(limits.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("Argon2id ran out of memory deriving the key-encryption key");
  }
  return kek;
}

}  // namespace

KdfLimits KdfLimits::Moderate() {
  return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}
KdfLimits KdfLimits::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
KdfLimits KdfLimits::TestOnlyMinimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

std::string_view KeySourceKindName(KeySource::Kind kind) {
  return kind == KeySource::Kind::kPassphrase ? "passphrase" : "key_file";
}

Result<KeySource> KeySource::FromPassphrase(std::string_view passphrase) {
  if (passphrase.empty()) return Status::InvalidArgument("the passphrase is empty");
  RECKON_ASSIGN_OR_RETURN(Secret secret, Secret::CopyOf(passphrase));
  return KeySource(Kind::kPassphrase, std::move(secret));
}

Result<KeySource> KeySource::FromKeyBytes(std::string_view key) {
  if (key.size() != kCaseKeyBytes) {
    return Status::InvalidArgument("a key file must hold exactly 32 bytes (or 64 hex digits)");
  }
  RECKON_ASSIGN_OR_RETURN(Secret secret, Secret::CopyOf(key));
  return KeySource(Kind::kKeyFile, std::move(secret));
}

Result<CaseKey> CaseKey::Generate() {
  RECKON_ASSIGN_OR_RETURN(Secret secret, Secret::Allocate(kCaseKeyBytes));
  randombytes_buf(secret.data(), secret.size());
  return CaseKey(std::move(secret));
}

Result<WrappedCaseKey> WrapCaseKey(const CaseKey& key, const KeySource& source,
                                   const KdfLimits& limits) {
  RECKON_RETURN_IF_ERROR(InitSodium());
  WrappedCaseKey w;
  w.kind = std::string(KeySourceKindName(source.kind()));
  if (source.kind() == KeySource::Kind::kPassphrase) {
    w.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(w.salt.data(), w.salt.size());
    w.limits = limits;
  }
  RECKON_ASSIGN_OR_RETURN(Secret kek, DeriveKek(source, w.salt, w.limits));
  const std::string ad = WrapAssociatedData(w);
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  w.wrapped.resize(kNonce + kCaseKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  auto* out = reinterpret_cast<unsigned char*>(w.wrapped.data());
  randombytes_buf(out, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out + kNonce, &written, key.secret().data(), key.secret().size(),
      reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, out, kek.data());
  w.wrapped.resize(kNonce + static_cast<size_t>(written));
  return w;
}

Result<CaseKey> UnwrapCaseKey(const WrappedCaseKey& wrapped, const KeySource& source) {
  RECKON_RETURN_IF_ERROR(InitSodium());
  if (wrapped.kind != KeySourceKindName(source.kind())) {
    return Status::InvalidArgument(std::string(kWrongKey) + " (it is locked with a " +
                                   (wrapped.kind == "passphrase" ? "passphrase" : "key file") +
                                   ")");
  }
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (wrapped.wrapped.size() !=
      kNonce + kCaseKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return Status::Corruption("the stored case key has the wrong length");
  }
  RECKON_ASSIGN_OR_RETURN(Secret kek, DeriveKek(source, wrapped.salt, wrapped.limits));
  RECKON_ASSIGN_OR_RETURN(Secret key, Secret::Allocate(kCaseKeyBytes));
  const std::string ad = WrapAssociatedData(wrapped);
  const auto* in = reinterpret_cast<const unsigned char*>(wrapped.wrapped.data());
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          key.data(), &written, nullptr, in + kNonce, wrapped.wrapped.size() - kNonce,
          reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), in, kek.data()) != 0) {
    return Status::InvalidArgument(std::string(kWrongKey));
  }
  return CaseKey(std::move(key));
}

}  // namespace reckon
