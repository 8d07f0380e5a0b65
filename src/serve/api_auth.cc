// Login, logout, the session's user, and accounts (admin).
#include <semaphore>

#include "serve/api.h"

namespace reckon::serve {
namespace {

// Argon2id at the interactive cost takes 64 MiB per check: at most two at once.
std::counting_semaphore<2> password_checks(2);

// Checked when the user does not exist, so that a missing name takes as long
// as a wrong password.
const std::string& DummyHash() {
  static const std::string hash = [] {
    auto h = HashPassword(NewRandomToken());
    return h.ok() ? *h : std::string();
  }();
  return hash;
}

bool CheckPassword(const std::string& hash, const std::string& password) {
  password_checks.acquire();
  const bool ok = VerifyPassword(hash, password);
  password_checks.release();
  return ok;
}

Status ValidUserName(const std::string& name) {
  if (name.empty() || name.size() > 64) {
    return Status::InvalidArgument("a user name has 1 to 64 characters");
  }
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f || c == ' ') {
      return Status::InvalidArgument("a user name has no spaces or control characters");
    }
  }
  return Status::Ok();
}

std::string SessionCookie(const ServerState& state, const std::string& token, int64_t max_age) {
  std::string cookie = "reckon_session=" + token +
                       "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age);
  if (state.options.secure_cookie) cookie += "; Secure";
  return cookie;
}

nlohmann::ordered_json Me(const SessionInfo& s) {
  return {{"name", s.user}, {"role", RoleName(s.role)}, {"csrf_token", s.csrf_token}};
}

Reply Login(ApiContext& ctx) {
  // A JSON body cannot be sent cross-site without a CORS preflight, which
  // this server never grants: login needs no CSRF token of its own.
  if (ctx.request.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    return ErrorReply(400, "login expects application/json");
  }
  auto body = JsonBody(ctx.request);
  if (!body.ok()) return StatusReply(body.status());
  if (!body->contains("name") || !body->contains("password") || !(*body)["name"].is_string() ||
      !(*body)["password"].is_string()) {
    return ErrorReply(400, "login needs name and password");
  }
  const std::string name = (*body)["name"];
  const std::string password = (*body)["password"];
  const std::string user_key = "user:" + name;
  const std::string addr_key = "addr:" + ctx.request.remote_addr;
  ServerState& state = ctx.state;
  const int64_t wait =
      std::max(state.throttle.RetryAfter(user_key), state.throttle.RetryAfter(addr_key));
  if (wait > 0) {
    Reply reply = ErrorReply(429, "too many failed logins; try again later");
    reply.headers.emplace_back("Retry-After", std::to_string(wait));
    return reply;
  }
  auto store = state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto user = (*store)->FindUser(name);
  if (!user.ok()) return StatusReply(user.status());
  const bool ok = *user ? CheckPassword((*user)->password_hash, password)
                        : (CheckPassword(DummyHash(), password), false);
  if (!ok || (*user)->disabled) {
    state.throttle.RecordFailure(user_key);
    state.throttle.RecordFailure(addr_key);
    if (*user && state.throttle.RetryAfter(user_key) > 0) {
      // Throttling began or continues for an existing account: worth an audit line.
      AuditEntry entry;
      entry.actor = "reckon-serve";
      entry.action = "user.login_throttled";
      entry.entity = "user";
      entry.entity_id = (*user)->user_id;
      entry.details_json = "{}";
      (void)(*store)->AppendAudit(entry);
    }
    return ErrorReply(401, "wrong name or password");
  }
  state.throttle.RecordSuccess(user_key);
  auto created = state.sessions.Create(**store, **user);
  if (!created.ok()) return StatusReply(created.status());
  Reply reply = JsonReply(Me(created->second));
  reply.headers.emplace_back(
      "Set-Cookie", SessionCookie(state, created->first, state.sessions.lifetime().count()));
  return reply;
}

Reply Logout(ApiContext& ctx) {
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  if (Status s = ctx.state.sessions.End(**store, ctx.session->token_sha256); !s.ok()) {
    return StatusReply(s);
  }
  Reply reply = JsonReply({{"logged_out", true}});
  reply.headers.emplace_back("Set-Cookie", SessionCookie(ctx.state, "", 0));
  return reply;
}

Reply GetMe(ApiContext& ctx) { return JsonReply(Me(*ctx.session)); }

Reply ListUsers(ApiContext& ctx) {
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto users = (*store)->ListUsers();
  if (!users.ok()) return StatusReply(users.status());
  nlohmann::ordered_json out = nlohmann::json::array();
  for (const User& u : *users) {
    out.push_back({{"name", u.name},
                   {"role", u.role},
                   {"disabled", u.disabled},
                   {"created_at", u.created_at}});
  }
  return JsonReply({{"users", out}});
}

Reply AddUser(ApiContext& ctx) {
  auto body = JsonBody(ctx.request);
  if (!body.ok()) return StatusReply(body.status());
  const std::string name = body->value("name", "");
  const std::string role = body->value("role", "");
  const std::string password = body->value("password", "");
  if (Status s = ValidUserName(name); !s.ok()) return StatusReply(s);
  if (!ParseRole(role)) return ErrorReply(400, "role is admin, investigator, analyst or viewer");
  auto hash = HashPassword(password);
  if (!hash.ok()) return StatusReply(hash.status());
  auto store = ctx.state.pool.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  User user;
  user.name = name;
  user.role = role;
  user.password_hash = *hash;
  auto id = (*store)->AddUser(user, ctx.user());
  if (!id.ok()) return StatusReply(id.status());
  return JsonReply({{"name", name}, {"role", role}}, 201);
}

}  // namespace

std::map<std::string, ApiHandler> AuthHandlers() {
  return {{"POST /api/login", Login},
          {"POST /api/logout", Logout},
          {"GET /api/me", GetMe},
          {"GET /api/users", ListUsers},
          {"POST /api/users", AddUser}};
}

}  // namespace reckon::serve
