// Test helpers: the reference tables in tests/data/mse/ (see its README.md).
// Used by the unit tests only. Thread-safety: free functions, no state.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "estimate/capture_table.h"

namespace reckon::estimate::testing {

inline std::string MseDataPath(const std::string& name) {
  return std::string(RECKON_MSE_TEST_DATA) + "/" + name;
}

// The single (unstratified) table in tests/data/mse/NAME; fails the test when
// it cannot be read.
inline CaptureTable LoadTable(const std::string& name) {
  auto parsed = ReadCountsCsv(MseDataPath(name));
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  if (!parsed.ok() || parsed->strata.size() != 1) return CaptureTable({"a", "b"});
  return parsed->strata.front().table;
}

}  // namespace reckon::estimate::testing
