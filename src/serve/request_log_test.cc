#include "serve/request_log.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace reckon::serve {
namespace {

TEST(RequestLogTest, EveryLineIsWrittenOnceAndWholeFromManyThreads) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  {
    RequestLog log(file, /*capacity=*/16);  // small: writers must wait, never drop
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&log, t] {
        for (int i = 0; i < 500; ++i) {
          log.Write("thread " + std::to_string(t) + " line " + std::to_string(i) + "\n");
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }
  std::rewind(file);
  std::vector<int> next(4, 0);
  char buffer[128];
  int lines = 0;
  while (std::fgets(buffer, sizeof buffer, file)) {
    int t = -1;
    int i = -1;
    ASSERT_EQ(std::sscanf(buffer, "thread %d line %d", &t, &i), 2) << buffer;
    ASSERT_GE(t, 0);
    ASSERT_LT(t, 4);
    EXPECT_EQ(i, next[static_cast<size_t>(t)]++);  // each thread's lines in order
    ++lines;
  }
  EXPECT_EQ(lines, 2000);
  std::fclose(file);
}

}  // namespace
}  // namespace reckon::serve
