#include "common/strings.h"

#include <gtest/gtest.h>

namespace reckon {
namespace {

TEST(TrimTest, RemovesAsciiAndBidiMarks) {
  EXPECT_EQ(Trim("  abc \t"), "abc");
  EXPECT_EQ(Trim("\u200Fمحمد\u200E"), "محمد");
  EXPECT_EQ(Trim("\u00A0x\u00A0"), "x");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(FoldDigitsTest, ArabicIndicAndPersian) {
  EXPECT_EQ(FoldDigits("٢٠٢٥/٠٣/٠٨"), "2025/03/08");
  EXPECT_EQ(FoldDigits("۱۲"), "12");
  EXPECT_EQ(FoldDigits("٣٫٥"), "3.5");
  EXPECT_EQ(FoldDigits("abc محمد"), "abc محمد");
}

TEST(IsValidUtf8Test, AcceptsAndRejects) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("محمد"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE3\xE1\xCD"));  // Windows-1256 bytes
}

TEST(SplitTest, KeepsEmptyPieces) {
  auto parts = Split("a,,b,", ',');
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(parts[3], "");
}

}  // namespace
}  // namespace reckon
