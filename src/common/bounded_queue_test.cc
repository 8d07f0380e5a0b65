#include "common/bounded_queue.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace reckon {
namespace {

TEST(BoundedQueueTest, PreservesOrderAcrossThreads) {
  BoundedQueue<int> queue(4);
  std::thread producer([&] {
    for (int i = 0; i < 10000; ++i) ASSERT_TRUE(queue.Push(i));
    queue.Close();
  });
  std::vector<int> seen;
  while (auto item = queue.Pop()) seen.push_back(*item);
  producer.join();
  ASSERT_EQ(seen.size(), 10000u);
  for (int i = 0; i < 10000; ++i) EXPECT_EQ(seen[static_cast<size_t>(i)], i);
}

TEST(BoundedQueueTest, CloseUnblocksProducer) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.Push(1));
  std::thread producer([&] { EXPECT_FALSE(queue.Push(2)); });
  queue.Close();
  producer.join();
  EXPECT_EQ(queue.Pop(), 1);
  EXPECT_EQ(queue.Pop(), std::nullopt);
}

}  // namespace
}  // namespace reckon
