#include "text/utf8.h"

#include <gtest/gtest.h>

namespace reckon::text {
namespace {

TEST(Utf8Test, RoundTripsArabicAndLatin) {
  const std::string s = "محمد Muḥammad";
  const std::u32string decoded = DecodeUtf8(s);
  EXPECT_EQ(decoded.size(), 13u);
  EXPECT_EQ(decoded[0], U'م');
  EXPECT_EQ(EncodeUtf8(decoded), s);
}

TEST(Utf8Test, MalformedBytesBecomeReplacementCharacters) {
  const std::u32string decoded = DecodeUtf8(std::string("a\xC3") + "b\xFF");
  EXPECT_EQ(decoded, U"a\uFFFDb\uFFFD");
}

TEST(Utf8Test, SurrogatesAreNotEncoded) {
  std::string out;
  AppendUtf8(static_cast<char32_t>(0xD800), out);
  EXPECT_EQ(out, "\xEF\xBF\xBD");
}

}  // namespace
}  // namespace reckon::text
