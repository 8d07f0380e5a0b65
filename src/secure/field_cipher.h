// Encryption of single protected values (witness identity fields).
//
// Each value is sealed with XChaCha20-Poly1305 under the case key with a fresh
// random 24-byte nonce, so equal values give unrelated ciphertexts. The
// associated data names the value's place (e.g. "witness:7:name"): a
// ciphertext moved to another witness or another field fails to open.
// Stored layout: nonce || ciphertext || 16-byte tag (raw bytes).
//
// Thread-safe: stateless apart from libsodium's thread-safe random source.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "secure/case_key.h"

namespace reckon {

Result<std::string> EncryptField(const CaseKey& key, std::string_view plaintext,
                                 std::string_view associated_data);

// Corruption if the value was altered, moved (other associated data) or was
// sealed under another key. The message never contains the value.
Result<std::string> DecryptField(const CaseKey& key, std::string_view sealed,
                                 std::string_view associated_data);

}  // namespace reckon
