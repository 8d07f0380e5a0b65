#include "common/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace reckon {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhenNeeded) {
  std::ostringstream out;
  CsvWriter writer(out);
  writer.WriteRow(std::vector<std::string>{"plain", "a,b", "say \"hi\"", "two\nlines", "محمد", ""});
  EXPECT_EQ(out.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",محمد,\n");
}

TEST(CsvWriterTest, SemicolonDelimiter) {
  std::ostringstream out;
  CsvWriter writer(out, ';');
  writer.WriteRow(std::vector<std::string>{"a;b", "c,d"});
  EXPECT_EQ(out.str(), "\"a;b\";c,d\n");
}

}  // namespace
}  // namespace reckon
