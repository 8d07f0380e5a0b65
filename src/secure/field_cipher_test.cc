#include "secure/field_cipher.h"

#include <gtest/gtest.h>

namespace reckon {
namespace {

TEST(FieldCipherTest, RoundTripWithFreshNonces) {
  CaseKey key = std::move(CaseKey::Generate()).value();
  auto a = EncryptField(key, "Layla", "witness:3:name");
  auto b = EncryptField(key, "Layla", "witness:3:name");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_EQ(a->find("Layla"), std::string::npos);
  EXPECT_EQ(DecryptField(key, *a, "witness:3:name").value(), "Layla");
  EXPECT_EQ(DecryptField(key, *b, "witness:3:name").value(), "Layla");
  auto empty = EncryptField(key, "", "witness:3:contact");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(DecryptField(key, *empty, "witness:3:contact").value(), "");
}

TEST(FieldCipherTest, AssociatedDataPreventsSwapping) {
  CaseKey key = std::move(CaseKey::Generate()).value();
  auto sealed = EncryptField(key, "Layla", "witness:3:name");
  ASSERT_TRUE(sealed.ok());
  auto other_witness = DecryptField(key, *sealed, "witness:4:name");
  ASSERT_FALSE(other_witness.ok());
  EXPECT_EQ(other_witness.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(other_witness.status().message().find("Layla"), std::string::npos);
  EXPECT_FALSE(DecryptField(key, *sealed, "witness:3:contact").ok());
}

TEST(FieldCipherTest, WrongKeyAndTamperingFail) {
  CaseKey key = std::move(CaseKey::Generate()).value();
  CaseKey other = std::move(CaseKey::Generate()).value();
  std::string sealed = EncryptField(key, "secret", "ad").value();
  EXPECT_FALSE(DecryptField(other, sealed, "ad").ok());
  sealed[sealed.size() / 2] = static_cast<char>(sealed[sealed.size() / 2] ^ 0x40);
  EXPECT_FALSE(DecryptField(key, sealed, "ad").ok());
  EXPECT_FALSE(DecryptField(key, "short", "ad").ok());
}

}  // namespace
}  // namespace reckon
