#include "serve/routes.h"

#include <nlohmann/json.hpp>

namespace reckon::serve {
namespace {

constexpr Role kViewer = Role::kViewer;
constexpr Role kAnalyst = Role::kAnalyst;
constexpr Role kInvestigator = Role::kInvestigator;
constexpr Role kAdmin = Role::kAdmin;

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool Matches(std::string_view pattern, std::string_view path, std::vector<std::string>& params) {
  const auto want = Segments(pattern);
  const auto have = Segments(path);
  if (want.size() != have.size()) return false;
  params.clear();
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      if (have[i].empty()) return false;
      params.emplace_back(have[i]);
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::vector<Route>& ApiRoutes() {
  static const std::vector<Route> kRoutes = {
      {"POST", "/api/login", std::nullopt, "log in: {name, password} -> {name, role, csrf_token}"},
      {"POST", "/api/logout", kViewer, "end the session"},
      {"GET", "/api/me", kViewer, "the session's user: {name, role, csrf_token}"},
      {"GET", "/api/stats", kViewer, "the case's figures"},
      {"GET", "/api/charts/{name}", kViewer, "timeline.svg, places.svg, overlap.svg"},
      {"GET", "/api/sources", kViewer, "the sources, for filters"},
      {"GET", "/api/persons", kViewer, "search the register (viewers: published persons only)"},
      {"GET", "/api/persons/{id}", kViewer, "one person's file (viewers: published summary)"},
      {"POST", "/api/persons/{id}/verification", kInvestigator, "decide a person's status"},
      {"GET", "/api/review", kInvestigator, "uncertain pairs, most useful first"},
      {"POST", "/api/review", kInvestigator, "decide a pair: match, nonmatch or skip"},
      {"GET", "/api/incidents", kInvestigator, "incidents"},
      {"POST", "/api/incidents", kInvestigator, "add an incident"},
      {"GET", "/api/incidents/{id}", kInvestigator, "one incident"},
      {"GET", "/api/evidence", kInvestigator, "evidence files with custody"},
      {"POST", "/api/evidence", kInvestigator, "upload evidence (multipart, field file)"},
      {"GET", "/api/estimates", kAnalyst, "the latest stored estimate"},
      {"GET", "/api/users", kAdmin, "accounts"},
      {"POST", "/api/users", kAdmin, "add an account"},
      {"GET", "/api/witnesses", kAdmin, "witnesses; identities with ?reveal=1 and the case key"},
  };
  return kRoutes;
}

std::optional<RouteMatch> MatchRoute(std::string_view method, std::string_view path) {
  std::optional<RouteMatch> found;
  std::vector<std::string> params;
  for (const Route& route : ApiRoutes()) {
    if (!Matches(route.pattern, path, params)) continue;
    if (route.method == method) return RouteMatch{&route, params};
    found = RouteMatch{nullptr, {}};
  }
  return found;
}

bool IsStateChanging(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string RoutesJson() {
  nlohmann::ordered_json out = nlohmann::json::array();
  for (const Route& r : ApiRoutes()) {
    out.push_back({{"method", r.method},
                   {"pattern", r.pattern},
                   {"minimum_role", r.minimum ? std::string(RoleName(*r.minimum)) : "public"},
                   {"summary", r.summary}});
  }
  return out.dump(2);
}

}  // namespace reckon::serve
