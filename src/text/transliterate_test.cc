#include "text/transliterate.h"

#include <gtest/gtest.h>

namespace reckon::text {
namespace {

TEST(TransliterateTest, ArabicToLatinSkeleton) {
  auto t = ArabicLatinTransliterator::Create();
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ((*t)->Transliterate("محمد"), "mḥmd");
  EXPECT_EQ((*t)->Transliterate("Ali"), "Ali");
}

}  // namespace
}  // namespace reckon::text
