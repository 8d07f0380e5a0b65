#include "secure/case_key.h"

#include <gtest/gtest.h>

#include "secure/field_cipher.h"

namespace reckon {
namespace {

KeySource Pass(const char* text) { return std::move(KeySource::FromPassphrase(text)).value(); }

TEST(CaseKeyTest, PassphraseRoundTrip) {
  CaseKey key = std::move(CaseKey::Generate()).value();
  auto wrapped = WrapCaseKey(key, Pass("correct horse"), KdfLimits::TestOnlyMinimum());
  ASSERT_TRUE(wrapped.ok()) << wrapped.status().message();
  EXPECT_EQ(wrapped->kind, "passphrase");
  auto opened = UnwrapCaseKey(*wrapped, Pass("correct horse"));
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  EXPECT_EQ(opened->secret().view(), key.secret().view());
}

TEST(CaseKeyTest, WrongPassphraseIsAClearError) {
  CaseKey key = std::move(CaseKey::Generate()).value();
  auto wrapped = WrapCaseKey(key, Pass("right"), KdfLimits::TestOnlyMinimum());
  ASSERT_TRUE(wrapped.ok());
  auto opened = UnwrapCaseKey(*wrapped, Pass("wrong"));
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().message(), "the key does not open this case");
}

TEST(CaseKeyTest, KeyFileRoundTripAndWrongKind) {
  CaseKey key = std::move(CaseKey::Generate()).value();
  const std::string file_key(32, 'k');
  KeySource file = std::move(KeySource::FromKeyBytes(file_key)).value();
  auto wrapped = WrapCaseKey(key, file, KdfLimits::TestOnlyMinimum());
  ASSERT_TRUE(wrapped.ok());
  EXPECT_TRUE(wrapped->salt.empty());
  auto opened = UnwrapCaseKey(*wrapped, file);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->secret().view(), key.secret().view());
  auto by_passphrase = UnwrapCaseKey(*wrapped, Pass("anything"));
  ASSERT_FALSE(by_passphrase.ok());
  EXPECT_NE(by_passphrase.status().message().find("the key does not open this case"),
            std::string::npos);
  EXPECT_FALSE(KeySource::FromKeyBytes("short").ok());
}

TEST(CaseKeyTest, TamperedSaltOrLimitsDoNotOpen) {
  CaseKey key = std::move(CaseKey::Generate()).value();
  auto wrapped = WrapCaseKey(key, Pass("p"), KdfLimits::TestOnlyMinimum());
  ASSERT_TRUE(wrapped.ok());
  WrappedCaseKey salted = *wrapped;
  salted.salt[0] = static_cast<char>(salted.salt[0] ^ 1);
  EXPECT_FALSE(UnwrapCaseKey(salted, Pass("p")).ok());
  WrappedCaseKey costlier = *wrapped;
  costlier.limits.opslimit += 1;
  EXPECT_FALSE(UnwrapCaseKey(costlier, Pass("p")).ok());
}

TEST(CaseKeyTest, ChangingThePassphraseKeepsSealedValuesReadable) {
  CaseKey key = std::move(CaseKey::Generate()).value();
  auto sealed = EncryptField(key, "Witness Name", "witness:1:name");
  ASSERT_TRUE(sealed.ok());
  auto old_wrap = WrapCaseKey(key, Pass("old"), KdfLimits::TestOnlyMinimum());
  ASSERT_TRUE(old_wrap.ok());
  // Re-wrap: unwrap with the old passphrase, wrap under the new one.
  CaseKey opened = std::move(UnwrapCaseKey(*old_wrap, Pass("old"))).value();
  auto new_wrap = WrapCaseKey(opened, Pass("new"), KdfLimits::TestOnlyMinimum());
  ASSERT_TRUE(new_wrap.ok());
  EXPECT_FALSE(UnwrapCaseKey(*new_wrap, Pass("old")).ok());
  CaseKey reopened = std::move(UnwrapCaseKey(*new_wrap, Pass("new"))).value();
  auto plain = DecryptField(reopened, *sealed, "witness:1:name");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "Witness Name");
}

TEST(SecretTest, MoveLeavesSourceEmpty) {
  Secret a = std::move(Secret::CopyOf("abc")).value();
  Secret b = std::move(a);
  EXPECT_EQ(b.view(), "abc");
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): moved-from state is specified
  EXPECT_TRUE(a.view().empty());
}

}  // namespace
}  // namespace reckon
