#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace reckon {
namespace {

struct Parsed {
  std::vector<std::vector<std::string>> rows;
  std::vector<int64_t> lines;
  Status status;
  char delimiter = 0;
};

// Parses `text` delivered in chunks of `chunk` bytes, so every test also
// exercises records and quotes split across chunk boundaries.
Parsed ParseAll(const std::string& text, size_t chunk = 3) {
  StringTextSource source(text, chunk);
  Parsed parsed;
  auto reader = CsvReader::Create(&source, std::nullopt);
  if (!reader.ok()) {
    parsed.status = reader.status();
    return parsed;
  }
  parsed.delimiter = reader->delimiter();
  CsvRecord record;
  while (true) {
    auto more = reader->Next(record);
    if (!more.ok()) {
      parsed.status = more.status();
      break;
    }
    if (!*more) break;
    parsed.rows.emplace_back(record.fields.begin(), record.fields.end());
    parsed.lines.push_back(record.line);
  }
  return parsed;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReaderTest, SimpleRowsWithAndWithoutFinalNewline) {
  for (const char* text : {"a,b\n1,2\n", "a,b\n1,2"}) {
    for (size_t chunk : {size_t{1}, size_t{2}, size_t{1000}}) {
      Parsed p = ParseAll(text, chunk);
      ASSERT_TRUE(p.status.ok()) << p.status.message();
      EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"1", "2"}}));
    }
  }
}

TEST(CsvReaderTest, QuotedFieldsWithDelimitersNewlinesAndDoubledQuotes) {
  Parsed p = ParseAll("name,note\n\"Nasser, Rami\",\"said \"\"no\"\"\nthen left\"\nx,\"\"\n");
  ASSERT_TRUE(p.status.ok()) << p.status.message();
  EXPECT_EQ(p.rows,
            (Rows{{"name", "note"}, {"Nasser, Rami", "said \"no\"\nthen left"}, {"x", ""}}));
  EXPECT_EQ(p.lines, (std::vector<int64_t>{1, 2, 4}));
}

TEST(CsvReaderTest, CrLfAndLoneCrLineEndings) {
  Parsed p = ParseAll("a,b\r\n1,2\r\n3,4\r5,6\r\n");
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}, {"5", "6"}}));
  EXPECT_EQ(p.lines, (std::vector<int64_t>{1, 2, 3, 4}));
}

TEST(CsvReaderTest, EmptyFieldsAndTrailingDelimiter) {
  Parsed p = ParseAll("a,b,c\n,,\n1,,\n");
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.rows, (Rows{{"a", "b", "c"}, {"", "", ""}, {"1", "", ""}}));
}

TEST(CsvReaderTest, BlankLinesAreSkippedButCounted) {
  Parsed p = ParseAll("a,b\n\n1,2\n   \n3,4\n\n");
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(p.lines, (std::vector<int64_t>{1, 3, 5}));
}

TEST(CsvReaderTest, DetectsSemicolonAndTab) {
  EXPECT_EQ(ParseAll("a;b;c\n1;2,5;3\n").delimiter, ';');
  EXPECT_EQ(ParseAll("a\tb\n1\t2\n").delimiter, '\t');
  EXPECT_EQ(ParseAll("a,b\n").delimiter, ',');
  EXPECT_EQ(ParseAll("\"x;y;z\",b\n").delimiter, ',');  // quoted delimiters do not count
  Parsed p = ParseAll("a;b\n\"1;1\";2,5\n");
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"1;1", "2,5"}}));
}

TEST(CsvReaderTest, ArabicText) {
  Parsed p = ParseAll("الاسم,العمر\nمحمد علي,٣٤\n", 1);
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.rows, (Rows{{"الاسم", "العمر"}, {"محمد علي", "٣٤"}}));
}

TEST(CsvReaderTest, UnterminatedQuoteNamesItsStartLine) {
  Parsed p = ParseAll("a,b\n1,2\n3,\"never closed\n4,5\n");
  ASSERT_FALSE(p.status.ok());
  EXPECT_EQ(p.status.code(), StatusCode::kDataError);
  EXPECT_NE(p.status.message().find("line 3"), std::string::npos) << p.status.message();
  EXPECT_NE(p.status.message().find("never closed"), std::string::npos);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  Parsed p = ParseAll("a,b\n\"x\"y,2\n");
  ASSERT_FALSE(p.status.ok());
  EXPECT_NE(p.status.message().find("line 2"), std::string::npos);
}

TEST(CsvReaderTest, SpacesAfterClosingQuoteAreTolerated) {
  Parsed p = ParseAll("a,b\n\"x\"  ,2\n");
  ASSERT_TRUE(p.status.ok()) << p.status.message();
  EXPECT_EQ(p.rows[1], (std::vector<std::string>{"x", "2"}));
}

TEST(CsvReaderTest, QuoteInsideUnquotedFieldIsLiteral) {
  Parsed p = ParseAll("a,b\nab\"c,2\n");
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.rows[1][0], "ab\"c");
}

TEST(CsvReaderTest, EmptyInput) {
  Parsed p = ParseAll("");
  EXPECT_TRUE(p.status.ok());
  EXPECT_TRUE(p.rows.empty());
}

TEST(CsvReaderTest, HugeUnterminatedFieldIsBounded) {
  std::string text = "a\n\"" + std::string(CsvReader::kMaxFieldBytes + 10, 'x');
  Parsed p = ParseAll(text, 1 << 16);
  ASSERT_FALSE(p.status.ok());
  EXPECT_NE(p.status.message().find("1 MiB"), std::string::npos);
}

}  // namespace
}  // namespace reckon
