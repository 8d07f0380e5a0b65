#include "serve/login_throttle.h"

#include <gtest/gtest.h>

namespace reckon::serve {
namespace {

using std::chrono::seconds;

TEST(LoginThrottleTest, FiveFreeFailuresThenDoublingDelay) {
  LoginThrottle throttle;
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 4; ++i) {
    throttle.RecordFailure("user:a", t0);
    EXPECT_EQ(throttle.RetryAfter("user:a", t0), 0);
  }
  throttle.RecordFailure("user:a", t0);  // fifth
  EXPECT_EQ(throttle.RetryAfter("user:a", t0), 1);
  EXPECT_EQ(throttle.RetryAfter("user:a", t0 + seconds(1)), 0);
  throttle.RecordFailure("user:a", t0 + seconds(1));  // sixth: 2 s
  EXPECT_EQ(throttle.RetryAfter("user:a", t0 + seconds(1)), 2);
  throttle.RecordFailure("user:a", t0 + seconds(3));  // seventh: 4 s
  EXPECT_EQ(throttle.RetryAfter("user:a", t0 + seconds(3)), 4);
  EXPECT_EQ(throttle.RetryAfter("user:b", t0), 0);  // keys are separate
}

TEST(LoginThrottleTest, DelayIsCappedAndForgotten) {
  LoginThrottle throttle;
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 40; ++i) throttle.RecordFailure("addr:x", t0);
  EXPECT_EQ(throttle.RetryAfter("addr:x", t0), LoginThrottle::kMaxDelay.count());
  EXPECT_EQ(throttle.RetryAfter("addr:x", t0 + LoginThrottle::kForgetAfter), 0);
}

TEST(LoginThrottleTest, SuccessClears) {
  LoginThrottle throttle;
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 6; ++i) throttle.RecordFailure("user:a", t0);
  EXPECT_GT(throttle.RetryAfter("user:a", t0), 0);
  throttle.RecordSuccess("user:a");
  EXPECT_EQ(throttle.RetryAfter("user:a", t0), 0);
}

}  // namespace
}  // namespace reckon::serve
