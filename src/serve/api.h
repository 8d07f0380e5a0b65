// What the API handlers share: the server's state, a request's context, and
// replies. Internal to src/serve/.
//
// Thread-safety: ServerState members are each thread-safe; an ApiContext
// belongs to one request.
#pragma once

#include <httplib.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "secure/case_key.h"
#include "serve/figures_cache.h"
#include "serve/login_throttle.h"
#include "serve/register_index.h"
#include "serve/server.h"
#include "serve/sessions.h"
#include "serve/store_pool.h"

namespace reckon::serve {

struct ServerState {
  explicit ServerState(ServeOptions o)
      : options(std::move(o)),
        pool(options.case_path),
        sessions(std::chrono::hours(options.session_hours)) {}
  ServeOptions options;
  StorePool pool;
  SessionManager sessions;
  LoginThrottle throttle;
  std::unique_ptr<RegisterIndex> index;
  FiguresCache figures;  // /api/stats and the charts; refreshed after every change
  std::optional<CaseKey> case_key;
  link::LinkSettings link_settings;  // of the latest link run, for explanations
  // Pairs each user skipped in the review queue (not stored: a skip decides nothing).
  std::mutex skip_mutex;
  std::map<std::string, std::set<std::pair<int64_t, int64_t>>> skipped;
};

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

struct ApiContext {
  const httplib::Request& request;
  ServerState& state;
  std::optional<SessionInfo> session;  // set on every route but login
  std::vector<std::string> params;     // the route's {x} values
  Role role() const { return session ? session->role : Role::kViewer; }
  const std::string& user() const { return session->user; }
};

using ApiHandler = std::function<Reply(ApiContext&)>;

Reply JsonReply(const nlohmann::ordered_json& body, int status = 200);
Reply ErrorReply(int status, const std::string& message);
// 400 for InvalidArgument/DataError, 404 NotFound, 409 AlreadyExists, else 500
// with a generic message (internal messages stay in the server).
Reply StatusReply(const Status& status);
// The request body as a JSON object, or InvalidArgument.
Result<nlohmann::json> JsonBody(const httplib::Request& request);
// A query parameter, or "".
std::string Param(const httplib::Request& request, const std::string& name);
Result<int64_t> ParseId(const std::string& text);
// A record's canonical fields with its source, record_id and record_pk.
nlohmann::ordered_json RecordJson(const StoredRecord& record);
// A pair's explanation lines (link/explain.h) as JSON.
nlohmann::ordered_json ExplanationJson(const RegisterSnapshot& snapshot,
                                       const link::LinkSettings& settings, size_t a, size_t b);

// Handlers, by route pattern (server.cc binds them to routes.h).
std::map<std::string, ApiHandler> AuthHandlers();      // login, logout, me, users
std::map<std::string, ApiHandler> RegisterHandlers();  // stats, charts, sources, persons
std::map<std::string, ApiHandler> ReviewHandlers();    // review queue
std::map<std::string, ApiHandler> CaseworkHandlers();  // evidence, incidents, verification,
                                                       // witnesses, estimates

}  // namespace reckon::serve
