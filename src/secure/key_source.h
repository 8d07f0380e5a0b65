// Reading the user's key: a key file or a passphrase from the environment.
//
// Passphrases are never taken from the command line (they would show in `ps`
// and shell history). Thread-compatible: reads the process environment.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "secure/case_key.h"

namespace reckon {

inline constexpr const char* kPassphraseEnv = "RECKON_PASSPHRASE";
inline constexpr const char* kNewPassphraseEnv = "RECKON_NEW_PASSPHRASE";

// A key file holds 32 raw bytes, or 64 hex digits (surrounding whitespace
// ignored). Errors name the path, never the contents.
Result<KeySource> ReadKeyFile(const std::string& path);

// The key from `key_file` if non-empty, else from the environment variable
// `env_name` if set and non-empty, else nullopt (no key given).
Result<std::optional<KeySource>> ResolveKeySource(const std::string& key_file,
                                                  const char* env_name);

// Writes a fresh random key file as 64 hex digits and a newline, readable by
// the owner only. Refuses to overwrite an existing file.
Status WriteNewKeyFile(const std::string& path);

}  // namespace reckon
