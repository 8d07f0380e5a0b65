// The case key and how it is wrapped.
//
// Every protected value in a case (witness identities) is encrypted with one
// random 32-byte case key. The case key itself is stored only wrapped:
// encrypted with XChaCha20-Poly1305 under a key-encryption key (KEK) that
// comes from the user, either
//  - a passphrase, stretched with Argon2id (crypto_pwhash) using a random salt
//    and the opslimit/memlimit stored beside the wrapped key, or
//  - a key file holding 32 random bytes, used as the KEK directly (it already
//    has full entropy, so stretching would add nothing).
// Changing the passphrase or key file re-wraps the case key only; nothing
// encrypted with the case key changes. Losing every way to unwrap the case
// key loses every protected value: there is no recovery by design.
//
// Thread-compatible: values are independent; no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "secure/secret.h"

namespace reckon {

inline constexpr size_t kCaseKeyBytes = 32;

// Argon2id cost parameters. Stored with the wrapped key, so a case opened
// later uses the cost it was created with.
struct KdfLimits {
  uint64_t opslimit = 0;
  uint64_t memlimit = 0;  // bytes

  // libsodium's MODERATE (3 passes, 256 MiB): the default for real cases.
  static KdfLimits Moderate();
  // libsodium's INTERACTIVE (2 passes, 64 MiB): faster, weaker against guessing.
  static KdfLimits Interactive();
  // The smallest limits libsodium accepts. Tests only: it makes a weak
  // passphrase cheap to guess.
  static KdfLimits TestOnlyMinimum();
};

// Where the key-encryption key comes from. Holds its secret in guarded memory.
class KeySource {
 public:
  enum class Kind { kPassphrase, kKeyFile };

  // Fails with InvalidArgument on an empty passphrase.
  static Result<KeySource> FromPassphrase(std::string_view passphrase);
  // `key` must be exactly kCaseKeyBytes raw bytes.
  static Result<KeySource> FromKeyBytes(std::string_view key);

  Kind kind() const { return kind_; }
  const Secret& secret() const { return secret_; }

 private:
  KeySource(Kind kind, Secret secret) : kind_(kind), secret_(std::move(secret)) {}
  Kind kind_;
  Secret secret_;
};

std::string_view KeySourceKindName(KeySource::Kind kind);  // "passphrase", "key_file"

// The case key as stored in the case file. None of these fields is secret.
struct WrappedCaseKey {
  std::string kind;     // KeySourceKindName of the source that wraps it
  std::string salt;     // crypto_pwhash_SALTBYTES raw bytes (empty for a key file)
  KdfLimits limits;     // zero for a key file
  std::string wrapped;  // nonce || ciphertext || tag, raw bytes
};

// The unwrapped case key, in guarded memory; move-only.
class CaseKey {
 public:
  // A fresh random key.
  static Result<CaseKey> Generate();
  const Secret& secret() const { return secret_; }

 private:
  friend Result<CaseKey> UnwrapCaseKey(const WrappedCaseKey&, const KeySource&);
  explicit CaseKey(Secret secret) : secret_(std::move(secret)) {}
  Secret secret_;
};

// Wraps `key` under `source`. `limits` applies to passphrases only.
Result<WrappedCaseKey> WrapCaseKey(const CaseKey& key, const KeySource& source,
                                   const KdfLimits& limits);

// Unwraps. A source of the wrong kind, a wrong passphrase or key file, and a
// tampered wrapped key all give InvalidArgument "the key does not open this
// case" (the AEAD cannot tell them apart, and the message must not help a
// guesser). Corruption if the stored record is malformed.
Result<CaseKey> UnwrapCaseKey(const WrappedCaseKey& wrapped, const KeySource& source);

}  // namespace reckon
