// The web API's routes and who may call them: the ONE table the server
// enforces (server.cc dispatches every /api/ request through it) and the
// tests iterate.
//
// Roles are ordered (secure/accounts.h): a route open to a role is open to
// every role above it. A route with no minimum role is public (only login).
// State-changing methods (POST, PUT, PATCH, DELETE) on authenticated routes
// need the session's CSRF token in the X-CSRF-Token header.
//
// Thread-safety: the table is immutable; MatchRoute is a pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "secure/accounts.h"

namespace reckon::serve {

struct Route {
  std::string_view method;      // "GET", "POST"
  std::string_view pattern;     // "/api/persons/{id}": {x} matches one path segment
  std::optional<Role> minimum;  // nullopt: public
  std::string_view summary;
};

const std::vector<Route>& ApiRoutes();

// The route for a method and path, with the values of its {x} segments.
struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::string> params;
};
// nullopt when no route has this path; a match with route == nullptr when the
// path exists but not with this method (405).
std::optional<RouteMatch> MatchRoute(std::string_view method, std::string_view path);

bool IsStateChanging(std::string_view method);

// The table as JSON, for `reckon serve --list-routes` and the tests.
std::string RoutesJson();

}  // namespace reckon::serve
