#include "secure/key_source.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace reckon {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("reckon_key_source_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

TEST(KeySourceTest, ReadsRawAndHexKeyFiles) {
  const std::string raw_path = TempPath("raw");
  {
    std::ofstream out(raw_path, std::ios::binary);
    out << std::string(32, '\x01');
  }
  auto raw = ReadKeyFile(raw_path);
  ASSERT_TRUE(raw.ok()) << raw.status().message();
  EXPECT_EQ(raw->kind(), KeySource::Kind::kKeyFile);
  EXPECT_EQ(raw->secret().view(), std::string(32, '\x01'));

  const std::string hex_path = TempPath("hex");
  std::filesystem::remove(hex_path);
  ASSERT_TRUE(WriteNewKeyFile(hex_path).ok());
  EXPECT_FALSE(WriteNewKeyFile(hex_path).ok());
  auto hex = ReadKeyFile(hex_path);
  ASSERT_TRUE(hex.ok()) << hex.status().message();
  EXPECT_EQ(hex->secret().size(), 32u);

  const std::string bad_path = TempPath("bad");
  {
    std::ofstream out(bad_path, std::ios::binary);
    out << "not a key\n";
  }
  auto bad = ReadKeyFile(bad_path);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().find("not a key"), std::string::npos);
  std::filesystem::remove(raw_path);
  std::filesystem::remove(hex_path);
  std::filesystem::remove(bad_path);
}

TEST(KeySourceTest, EnvironmentPassphraseAndNone) {
  ::unsetenv("RECKON_TEST_PASS");
  auto none = ResolveKeySource("", "RECKON_TEST_PASS");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  ::setenv("RECKON_TEST_PASS", "hunter2", 1);
  auto some = ResolveKeySource("", "RECKON_TEST_PASS");
  ASSERT_TRUE(some.ok());
  ASSERT_TRUE(some->has_value());
  EXPECT_EQ((*some)->kind(), KeySource::Kind::kPassphrase);
  ::unsetenv("RECKON_TEST_PASS");
}

}  // namespace
}  // namespace reckon
