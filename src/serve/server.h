// `reckon serve`: the team's web application on one case file.
//
// One HTTP server (cpp-httplib) serves the JSON API under /api/ (routes.h,
// docs/serve.md) and the application's embedded assets (assets.h). Every
// /api/ request goes through the route table: session from the cookie, role
// check, CSRF check on state-changing methods, then its handler. Handlers
// never throw across the boundary; errors are {"error": "..."} with 4xx.
//
// Thread-safety: RunServer blocks until SIGINT/SIGTERM (or an error).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "common/status.h"
#include "secure/case_key.h"

namespace reckon::serve {

struct ServeOptions {
  std::string case_path;
  std::string bind = "127.0.0.1";
  int port = 8080;
  size_t threads = 64;           // request threads (a keep-alive connection holds one)
  int session_hours = 12;        // absolute session lifetime
  bool secure_cookie = false;    // add `Secure` (behind a TLS proxy)
  std::optional<KeySource> key;  // unlocks witness identities for admins
};

// Serves until SIGINT or SIGTERM; prints "serving http://HOST:PORT" on stdout
// once listening and one line per request on stderr.
Status RunServer(ServeOptions options);

}  // namespace reckon::serve
