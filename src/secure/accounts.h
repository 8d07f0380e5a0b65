// Accounts of the web application: roles, password hashes and session tokens.
//
// Passwords are hashed with Argon2id (libsodium's crypto_pwhash_str: a random
// salt and the cost are inside the stored string). Session and CSRF tokens are
// 32 random bytes as 64 hex digits; a session is stored by the SHA-256 of its
// token, so a copy of the case file does not hold live session tokens.
//
// Thread-safety: pure functions over libsodium, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace reckon {

// Ordered: each role may do everything the roles below it may.
enum class Role { kViewer = 0, kAnalyst = 1, kInvestigator = 2, kAdmin = 3 };

std::string_view RoleName(Role role);  // "viewer", "analyst", "investigator", "admin"
std::optional<Role> ParseRole(std::string_view name);
inline bool RoleAtLeast(Role role, Role minimum) {
  return static_cast<int>(role) >= static_cast<int>(minimum);
}

// Argon2id cost of a password hash.
struct PasswordCost {
  unsigned long long opslimit = 0;
  size_t memlimit = 0;
  static PasswordCost Interactive();      // 2 passes, 64 MiB: the default
  static PasswordCost TestOnlyMinimum();  // for unit tests only
};

inline constexpr size_t kMinPasswordLength = 10;

// InvalidArgument when the password is shorter than kMinPasswordLength bytes
// or longer than 1024; Internal when hashing fails (out of memory).
Result<std::string> HashPassword(std::string_view password,
                                 const PasswordCost& cost = PasswordCost::Interactive());
// True when `password` matches `hash` (constant-time in libsodium).
bool VerifyPassword(std::string_view hash, std::string_view password);

// 32 random bytes as 64 lowercase hex digits.
std::string NewRandomToken();
// SHA-256 of a token as 64 lowercase hex digits: what the store keeps.
std::string TokenSha256(std::string_view token);
// Compares two strings in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace reckon
