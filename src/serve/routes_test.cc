#include "serve/routes.h"

#include <gtest/gtest.h>

#include <set>

namespace reckon::serve {
namespace {

TEST(RoutesTest, EveryRouteIsUniqueAndOnlyLoginIsPublic) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const Route& r : ApiRoutes()) {
    EXPECT_TRUE(seen.insert({r.method, r.pattern}).second) << r.pattern;
    EXPECT_EQ(r.pattern.substr(0, 5), "/api/");
    if (!r.minimum) {
      EXPECT_EQ(r.pattern, "/api/login");
    }
  }
}

TEST(RoutesTest, RoleMatrix) {
  struct Case {
    const char* method;
    const char* path;
    Role minimum;
  };
  for (const Case& c :
       {Case{"GET", "/api/persons", Role::kViewer}, Case{"GET", "/api/persons/17", Role::kViewer},
        Case{"POST", "/api/persons/17/verification", Role::kInvestigator},
        Case{"GET", "/api/review", Role::kInvestigator},
        Case{"POST", "/api/review", Role::kInvestigator},
        Case{"GET", "/api/estimates", Role::kAnalyst}, Case{"POST", "/api/users", Role::kAdmin},
        Case{"GET", "/api/witnesses", Role::kAdmin}}) {
    auto m = MatchRoute(c.method, c.path);
    ASSERT_TRUE(m && m->route) << c.path;
    ASSERT_TRUE(m->route->minimum.has_value());
    EXPECT_EQ(*m->route->minimum, c.minimum) << c.path;
    for (Role role : {Role::kViewer, Role::kAnalyst, Role::kInvestigator, Role::kAdmin}) {
      EXPECT_EQ(RoleAtLeast(role, *m->route->minimum),
                static_cast<int>(role) >= static_cast<int>(c.minimum));
    }
  }
}

TEST(RoutesTest, ParamsAndMethods) {
  auto m = MatchRoute("GET", "/api/persons/42");
  ASSERT_TRUE(m && m->route);
  ASSERT_EQ(m->params.size(), 1u);
  EXPECT_EQ(m->params[0], "42");
  auto wrong_method = MatchRoute("DELETE", "/api/persons/42");
  ASSERT_TRUE(wrong_method.has_value());
  EXPECT_EQ(wrong_method->route, nullptr);
  EXPECT_FALSE(MatchRoute("GET", "/api/nothing").has_value());
  EXPECT_FALSE(MatchRoute("GET", "/api/persons/").has_value());
  EXPECT_FALSE(MatchRoute("GET", "/api/persons/1/2").has_value());
}

TEST(RoutesTest, StateChangingMethods) {
  EXPECT_TRUE(IsStateChanging("POST"));
  EXPECT_TRUE(IsStateChanging("DELETE"));
  EXPECT_FALSE(IsStateChanging("GET"));
  EXPECT_FALSE(IsStateChanging("HEAD"));
}

}  // namespace
}  // namespace reckon::serve
