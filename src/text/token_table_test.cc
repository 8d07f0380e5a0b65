#include "text/token_table.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace reckon::text {
namespace {

TEST(TokenTableTest, InternsOncePerDistinctToken) {
  TokenTable table;
  Result<TokenId> a = table.Intern("أحمد");
  Result<TokenId> b = table.Intern("أحمد");
  Result<TokenId> c = table.Intern("احمد");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_NE(*a, *c);
  EXPECT_EQ(table.size(), 2u);
  EXPECT_NE(table.Info(*a).strict_id, table.Info(*c).strict_id);
  EXPECT_EQ(table.Info(*a).folded_id, table.Info(*c).folded_id);
  EXPECT_EQ(table.Info(*a).analysis.script, Script::kArabic);
  EXPECT_FALSE(table.Info(*a).groups.empty());
}

TEST(TokenTableTest, RejectsInvalidUtf8) {
  TokenTable table;
  Result<TokenId> bad = table.Intern("\xFF");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_EQ(table.size(), 0u);
}

TEST(TokenTableTest, ConcurrentInternsAgree) {
  TokenTable table;
  const std::vector<std::string> names = {"محمد",   "Mohammed", "Hussein", "حسين",
                                          "Khatib", "الخطيب",   "Nour",    "نور"};
  std::vector<std::vector<TokenId>> seen(4);
  std::vector<std::thread> threads;
  for (size_t thread_idx = 0; thread_idx < seen.size(); ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int round = 0; round < 200; ++round) {
        for (const std::string& name : names) {
          Result<TokenId> id = table.Intern(name + std::to_string(round % 50));
          if (id.ok()) seen[thread_idx].push_back(*id);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(table.size(), names.size() * 50);
  for (size_t thread_idx = 1; thread_idx < seen.size(); ++thread_idx) {
    EXPECT_EQ(seen[thread_idx], seen[0]);
  }
}

TEST(TokenTableTest, GrowsPastOneChunk) {
  TokenTable table;
  for (size_t idx = 0; idx < TokenTable::kChunkSize + 10; ++idx) {
    ASSERT_TRUE(table.Intern("n" + std::to_string(idx)).ok());
  }
  Result<TokenId> last = table.Intern("n" + std::to_string(TokenTable::kChunkSize + 9));
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(table.Info(*last).analysis.strict, "n" + std::to_string(TokenTable::kChunkSize + 9));
}

}  // namespace
}  // namespace reckon::text
