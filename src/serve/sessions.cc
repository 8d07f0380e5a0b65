#include "serve/sessions.h"

#include <ctime>

namespace reckon::serve {
namespace {

std::optional<std::chrono::system_clock::time_point> ParseIsoUtc(const std::string& text) {
  std::tm tm{};
  if (strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm) == nullptr) return std::nullopt;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace

std::string IsoUtc(std::chrono::system_clock::time_point t) {
  const std::time_t time = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Result<std::pair<std::string, SessionInfo>> SessionManager::Create(Store& store, const User& user) {
  auto role = ParseRole(user.role);
  if (!role) return Status::Corruption("user has an unknown role");
  const auto now = std::chrono::system_clock::now();
  std::string token = NewRandomToken();
  SessionInfo info{TokenSha256(token), user.user_id,   user.name, *role,
                   NewRandomToken(),   now + lifetime_};
  RECKON_RETURN_IF_ERROR(store.SaveSession(
      {info.token_sha256, user.user_id, info.csrf_token, IsoUtc(now), IsoUtc(info.expires)}));
  (void)store.DeleteExpiredSessions(IsoUtc(now));
  std::lock_guard lock(mutex_);
  for (auto it = cache_.begin(); it != cache_.end();) {
    it = it->second.expires <= now ? cache_.erase(it) : std::next(it);
  }
  cache_[info.token_sha256] = info;
  return std::make_pair(std::move(token), std::move(info));
}

Result<std::optional<SessionInfo>> SessionManager::Find(Store& store, const std::string& token) {
  if (token.size() != 64) return std::optional<SessionInfo>();
  const std::string hash = TokenSha256(token);
  const auto now = std::chrono::system_clock::now();
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(hash);
    if (it != cache_.end()) {
      if (it->second.expires > now) return std::optional<SessionInfo>(it->second);
      cache_.erase(it);
      return std::optional<SessionInfo>();
    }
  }
  // A session from before a restart.
  RECKON_ASSIGN_OR_RETURN(auto found, store.FindSession(hash, IsoUtc(now)));
  if (!found || found->second.disabled) return std::optional<SessionInfo>();
  auto role = ParseRole(found->second.role);
  auto expires = ParseIsoUtc(found->first.expires_at);
  if (!role || !expires) return std::optional<SessionInfo>();
  SessionInfo info{hash,  found->second.user_id,   found->second.name,
                   *role, found->first.csrf_token, *expires};
  std::lock_guard lock(mutex_);
  cache_[hash] = info;
  return std::optional<SessionInfo>(std::move(info));
}

Status SessionManager::End(Store& store, const std::string& token_sha256) {
  {
    std::lock_guard lock(mutex_);
    cache_.erase(token_sha256);
  }
  return store.DeleteSession(token_sha256);
}

}  // namespace reckon::serve
