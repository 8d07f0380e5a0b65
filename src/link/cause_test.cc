#include "link/cause.h"

#include <gtest/gtest.h>

namespace reckon::link {
namespace {

TEST(CauseTest, WordsInEitherLanguageShareACategory) {
  EXPECT_EQ(CauseKey("إطلاق نار"), static_cast<uint32_t>(CauseCategory::kGunshot));
  EXPECT_EQ(CauseKey("Gunshot"), CauseKey("إطلاق نار"));
  EXPECT_EQ(CauseKey("shot by a sniper"), CauseKey("gunshot"));
  EXPECT_EQ(CauseKey("إعدام ميداني"), static_cast<uint32_t>(CauseCategory::kExecution));
  EXPECT_EQ(CauseKey("field execution"), CauseKey("إعدام ميداني"));
  EXPECT_EQ(CauseKey("قصف"), static_cast<uint32_t>(CauseCategory::kShelling));
  EXPECT_EQ(CauseKey("shelling"), CauseKey("قصف"));
}

TEST(CauseTest, TheMoreSpecificWordWins) {
  EXPECT_EQ(CauseKey("قصف جوي"), static_cast<uint32_t>(CauseCategory::kAirstrike));
  EXPECT_EQ(CauseKey("إعدام ميداني بالرصاص"), static_cast<uint32_t>(CauseCategory::kExecution));
}

TEST(CauseTest, OtherWordingIsKeptAsTextAndNothingIsNothing) {
  EXPECT_EQ(CauseKey(""), 0u);
  EXPECT_EQ(CauseKey("  "), 0u);
  const uint32_t drowned = CauseKey("Drowned");
  EXPECT_FALSE(IsCategory(drowned));
  EXPECT_NE(drowned, 0u);
  EXPECT_EQ(drowned, CauseKey("  drowned "));
  EXPECT_NE(drowned, CauseKey("unknown"));
}

}  // namespace
}  // namespace reckon::link
