// Login sessions: a random 32-byte token in the `reckon_session` cookie,
// stored in the case by its SHA-256 with a CSRF token and an expiry, and
// cached in memory so that a request does not read the case to authenticate.
//
// Thread-safety: thread-safe (one mutex around the cache).
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/status.h"
#include "secure/accounts.h"
#include "store/store.h"

namespace reckon::serve {

struct SessionInfo {
  std::string token_sha256;
  int64_t user_id = 0;
  std::string user;
  Role role = Role::kViewer;
  std::string csrf_token;
  std::chrono::system_clock::time_point expires;
};

class SessionManager {
 public:
  explicit SessionManager(std::chrono::seconds lifetime) : lifetime_(lifetime) {}

  // Creates a session for `user`; returns the token (for the cookie only) and
  // the session.
  Result<std::pair<std::string, SessionInfo>> Create(Store& store, const User& user);
  // The live session for a cookie token, or nullopt (unknown, expired, or its
  // user disabled).
  Result<std::optional<SessionInfo>> Find(Store& store, const std::string& token);
  Status End(Store& store, const std::string& token_sha256);

  std::chrono::seconds lifetime() const { return lifetime_; }

 private:
  std::chrono::seconds lifetime_;
  std::mutex mutex_;
  std::unordered_map<std::string, SessionInfo> cache_;  // by token hash
};

// "YYYY-MM-DDTHH:MM:SSZ" for a time point, as the store compares them.
std::string IsoUtc(std::chrono::system_clock::time_point t);

}  // namespace reckon::serve
