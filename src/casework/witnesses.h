// Protected witnesses: pseudonyms in the clear, identities sealed with the
// case key (secure/field_cipher.h), and the case key's life cycle.
//
// Each identity field is sealed separately with associated data
// "reckon-witness-v1|<witness_id>|<field>", so a ciphertext copied to another
// witness or another field does not open. Plaintext identities exist only in
// the WitnessIdentity values returned to the caller, who must not log them.
//
// Not thread-safe (uses one Store).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "secure/case_key.h"
#include "store/store.h"

namespace reckon {

struct WitnessIdentity {
  std::string name;
  std::string contact;
  std::string location;
  std::string risk;  // notes on the risks the witness faces
};

// Creates the case key and stores it wrapped under `source`. AlreadyExists if
// the case has a key.
Status InitCaseKey(Store& store, const KeySource& source, const KdfLimits& limits,
                   const std::string& actor);

// Unwraps the case key. NotFound when the case has no key yet; InvalidArgument
// "the key does not open this case" for a wrong passphrase or key file.
Result<CaseKey> OpenCaseKey(Store& store, const KeySource& source);

// Re-wraps the case key under `next` (checking `current` first). Nothing
// sealed with the case key changes; on any error the old key stays in force.
Status ChangeCaseKey(Store& store, const KeySource& current, const KeySource& next,
                     const KdfLimits& limits, const std::string& actor);

// Seals and adds a witness; returns its id.
Result<int64_t> AddProtectedWitness(Store& store, const CaseKey& key, const std::string& pseudonym,
                                    const WitnessIdentity& identity, const std::string& actor);

struct WitnessView {
  int64_t witness_id = 0;
  std::string pseudonym;
  std::string created_at;
  std::optional<WitnessIdentity> identity;  // only when a key was given
};

// Lists witnesses; identities are opened only when `key` is non-null, and
// then the reveal is recorded in the audit log (action "witness.reveal", with
// the number of witnesses shown, never who they are) under `actor`.
// Corruption (naming the witness by id and pseudonym) if a field does not open.
Result<std::vector<WitnessView>> ListProtectedWitnesses(Store& store, const CaseKey* key,
                                                        const std::string& actor);

}  // namespace reckon
