#include "simulate/output_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace reckon::simulate {
namespace {

TEST(OutputFileTest, WritesAndCloses) {
  const std::filesystem::path path =
      std::filesystem::path(::testing::TempDir()) / "reckon_output_file_test.txt";
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path.string());
  ASSERT_TRUE(file.ok()) << file.status().message();
  (*file)->stream() << "a,b\n";
  EXPECT_TRUE((*file)->Close().ok());
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "a,b\n");
  std::filesystem::remove(path);
}

TEST(OutputFileTest, CreateFailureNamesThePath) {
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create("/nonexistent-dir/x.csv");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), StatusCode::kIoError);
  EXPECT_NE(file.status().message().find("/nonexistent-dir/x.csv"), std::string::npos);
}

TEST(OutputFileTest, WriteFailureIsReportedOnClose) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create("/dev/full");
  ASSERT_TRUE(file.ok());
  (*file)->stream() << std::string(4 << 20, 'x');  // more than the buffer holds
  const Status status = (*file)->Close();
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find("/dev/full"), std::string::npos);
}

}  // namespace
}  // namespace reckon::simulate
