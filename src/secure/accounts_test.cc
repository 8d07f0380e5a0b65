#include "secure/accounts.h"

#include <gtest/gtest.h>

namespace reckon {
namespace {

TEST(AccountsTest, PasswordHashIsArgon2idAndVerifies) {
  auto hash = HashPassword("correct horse battery", PasswordCost::TestOnlyMinimum());
  ASSERT_TRUE(hash.ok()) << hash.status().message();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(hash->find("correct"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("", "correct horse battery"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
}

TEST(AccountsTest, SaltMakesEqualPasswordsHashDifferently) {
  auto a = HashPassword("same password here", PasswordCost::TestOnlyMinimum());
  auto b = HashPassword("same password here", PasswordCost::TestOnlyMinimum());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
}

TEST(AccountsTest, ShortPasswordsAreRefused) {
  auto hash = HashPassword("short", PasswordCost::TestOnlyMinimum());
  EXPECT_FALSE(hash.ok());
}

TEST(AccountsTest, TokensAreRandomHexAndStoredHashed) {
  const std::string a = NewRandomToken();
  const std::string b = NewRandomToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(TokenSha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_NE(TokenSha256(a), a);
}

TEST(AccountsTest, RolesAreOrdered) {
  EXPECT_EQ(ParseRole("admin"), Role::kAdmin);
  EXPECT_EQ(ParseRole("Admin"), std::nullopt);
  EXPECT_EQ(RoleName(Role::kAnalyst), "analyst");
  EXPECT_TRUE(RoleAtLeast(Role::kAdmin, Role::kViewer));
  EXPECT_TRUE(RoleAtLeast(Role::kInvestigator, Role::kInvestigator));
  EXPECT_FALSE(RoleAtLeast(Role::kAnalyst, Role::kInvestigator));
}

TEST(AccountsTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace reckon
