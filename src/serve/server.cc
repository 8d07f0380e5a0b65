#include "serve/server.h"

#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include "casework/witnesses.h"
#include "serve/api.h"
#include "serve/assets.h"
#include "serve/request_log.h"
#include "serve/routes.h"

namespace reckon::serve {

Reply JsonReply(const nlohmann::ordered_json& body, int status) {
  Reply reply;
  reply.status = status;
  reply.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return reply;
}

Reply ErrorReply(int status, const std::string& message) {
  return JsonReply({{"error", message}}, status);
}

Reply StatusReply(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataError:
      return ErrorReply(400, status.message());
    case StatusCode::kNotFound:
      return ErrorReply(404, status.message());
    case StatusCode::kAlreadyExists:
      return ErrorReply(409, status.message());
    default:
      return ErrorReply(500, "internal error");
  }
}

Result<nlohmann::json> JsonBody(const httplib::Request& request) {
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return Status::InvalidArgument("the request body must be a JSON object");
  }
  return body;
}

std::string Param(const httplib::Request& request, const std::string& name) {
  return request.has_param(name.c_str()) ? request.get_param_value(name.c_str()) : std::string();
}

Result<int64_t> ParseId(const std::string& text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Status::InvalidArgument("expected a number");
  }
  return value;
}

namespace {

// What the request log says about the request being handled on this thread:
// the route pattern (never the raw path, which could carry a name) and role.
struct LogState {
  std::chrono::steady_clock::time_point start;
  std::string label = "-";
  std::string role = "-";
};
thread_local LogState log_state;

std::string CookieValue(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

void Send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name.c_str(), value);
  res.set_content(reply.body, reply.content_type.c_str());
}

class Dispatcher {
 public:
  explicit Dispatcher(ServerState& state) : state_(state) {
    for (auto group : {AuthHandlers(), RegisterHandlers(), ReviewHandlers(), CaseworkHandlers()}) {
      handlers_.insert(group.begin(), group.end());
    }
  }

  // Every route in the table has a handler, and every handler a route.
  Status Check() const {
    for (const Route& r : ApiRoutes()) {
      if (!handlers_.count(std::string(r.method) + " " + std::string(r.pattern))) {
        return Status::Internal("no handler for " + std::string(r.pattern));
      }
    }
    if (handlers_.size() != ApiRoutes().size()) return Status::Internal("handler without a route");
    return Status::Ok();
  }

  void Handle(const httplib::Request& req, httplib::Response& res) {
    Reply reply;
    try {
      reply = Dispatch(req);
    } catch (...) {
      reply = ErrorReply(500, "internal error");
    }
    reply.headers.emplace_back("Cache-Control", "no-store");
    Send(res, reply);
  }

 private:
  Reply Dispatch(const httplib::Request& req) {
    auto match = MatchRoute(req.method, req.path);
    if (!match) {
      log_state.label = "/api/(unknown)";
      return ErrorReply(404, "no such endpoint");
    }
    if (match->route == nullptr) {
      log_state.label = "/api/(method not allowed)";
      return ErrorReply(405, "method not allowed");
    }
    const Route& route = *match->route;
    log_state.label = std::string(route.pattern);
    ApiContext ctx{req, state_, std::nullopt, std::move(match->params)};
    if (route.minimum) {
      const std::string token = CookieValue(req, "reckon_session");
      if (token.empty()) return ErrorReply(401, "log in first");
      auto store = state_.pool.Acquire();
      if (!store.ok()) return StatusReply(store.status());
      auto session = state_.sessions.Find(**store, token);
      if (!session.ok()) return StatusReply(session.status());
      if (!*session) return ErrorReply(401, "log in first");
      ctx.session = std::move(*session);
      log_state.role = std::string(RoleName(ctx.session->role));
      if (!RoleAtLeast(ctx.session->role, *route.minimum)) {
        return ErrorReply(403, "your role may not do this");
      }
      if (IsStateChanging(route.method) &&
          !ConstantTimeEquals(req.get_header_value("X-CSRF-Token"), ctx.session->csrf_token)) {
        return ErrorReply(403, "missing or wrong CSRF token");
      }
    }
    const auto it = handlers_.find(std::string(route.method) + " " + std::string(route.pattern));
    return it->second(ctx);
  }

  ServerState& state_;
  std::map<std::string, ApiHandler> handlers_;
};

void ServeAsset(const httplib::Request& req, httplib::Response& res) {
  std::optional<EmbeddedAsset> asset = FindAsset(req.path);
  // The application routes in the browser: paths without an extension get the page.
  if (!asset && req.path.find('.') == std::string::npos) asset = FindAsset("/");
  if (!asset) {
    log_state.label = "(no such file)";
    res.status = 404;
    res.set_content("not found", "text/plain; charset=utf-8");
    return;
  }
  log_state.label = req.path.size() <= 100 ? req.path : "(long path)";
  res.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
}

std::string LogTime() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

Status RunServer(ServeOptions serve_options) {
  ServerState state(std::move(serve_options));
  const ServeOptions& options = state.options;
  {
    auto store = state.pool.Acquire();
    if (!store.ok()) return store.status();
    auto started = std::chrono::steady_clock::now();
    auto index = RegisterIndex::Build(**store, 2);
    if (!index.ok()) return index.status().WithContext("loading the register");
    state.index = std::move(index).value();
    state.link_settings = state.index->link_settings();
    if (Status s = state.figures.Refresh(**store); !s.ok()) {
      return s.WithContext("computing the case's figures");
    }
    auto snap = state.index->Snapshot();
    std::cerr << "reckon serve: loaded " << snap->context->stored.size() << " records, "
              << snap->persons.size() << " persons in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - started)
                     .count()
              << " ms\n";
    if (options.key) {
      auto key = OpenCaseKey(**store, *options.key);
      if (!key.ok()) return key.status();
      state.case_key.emplace(std::move(key).value());
      std::cerr << "reckon serve: case key unlocked; admins can reveal witness identities\n";
    }
  }
  Dispatcher dispatcher(state);
  RECKON_RETURN_IF_ERROR(dispatcher.Check());

  httplib::Server server;
  const size_t threads = std::max<size_t>(options.threads, 4);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
  // algorithm and the client's delayed ACK add 40 ms to every response.
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(64u << 20);
  server.set_default_headers(
      {{"Content-Security-Policy",
        "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
       {"X-Content-Type-Options", "nosniff"},
       {"Referrer-Policy", "no-referrer"},
       {"X-Frame-Options", "DENY"}});
  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    log_state = LogState{std::chrono::steady_clock::now(), "-", "-"};
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto api = [&dispatcher](const httplib::Request& req, httplib::Response& res) {
    dispatcher.Handle(req, res);
  };
  server.Get(R"(/api/.*)", api);
  server.Post(R"(/api/.*)", api);
  server.Put(R"(/api/.*)", api);
  server.Patch(R"(/api/.*)", api);
  server.Delete(R"(/api/.*)", api);
  server.Get(R"(/.*)", ServeAsset);
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(R"({"error":"internal error"})", "application/json");
      });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      res.set_content(R"({"error":"request refused"})", "application/json");
    }
  });
  // Started below, once SIGINT and SIGTERM are blocked: a thread inherits
  // its creator's signal mask, and one that does not block them would be
  // killed by SIGTERM instead of the server stopping gracefully.
  std::optional<RequestLog> request_log;
  server.set_logger([&request_log](const httplib::Request& req, const httplib::Response& res) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                log_state.start)
                          .count();
    char line[512];
    std::snprintf(line, sizeof line, "%s %s %s %d %.1fms %s\n", LogTime().c_str(),
                  req.method.size() <= 7 ? req.method.c_str() : "OTHER", log_state.label.c_str(),
                  res.status, ms, log_state.role.c_str());
    request_log->Write(line);
  });

  // SIGINT/SIGTERM stop the server from a thread of their own: blocked here,
  // before the server's threads start, so that only sigwait sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  request_log.emplace(stderr);
  if (!server.bind_to_port(options.bind, options.port)) {
    return Status::IoError("cannot listen on " + options.bind + ":" + std::to_string(options.port));
  }
  std::thread stopper([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::cerr << "reckon serve: stopping\n";
    server.stop();
  });
  std::cout << "serving http://" << options.bind << ":" << options.port << "/" << std::endl;
  const bool ok = server.listen_after_bind();
  if (!ok && server.is_running()) server.stop();
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return Status::Ok();
}

}  // namespace reckon::serve
