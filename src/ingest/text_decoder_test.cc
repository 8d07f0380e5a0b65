#include "ingest/text_decoder.h"

#include <gtest/gtest.h>

#include <string>

namespace reckon {
namespace {

// Decodes `bytes` fed in pieces of `piece` bytes.
Result<std::string> DecodeAll(TextEncoding encoding, const std::string& bytes, size_t piece) {
  auto decoder = TextDecoder::Create(encoding);
  if (!decoder.ok()) return decoder.status();
  std::string out;
  for (size_t pos = 0; pos < bytes.size(); pos += piece) {
    const bool last = pos + piece >= bytes.size();
    RECKON_RETURN_IF_ERROR(
        (*decoder)->Decode(std::string_view(bytes).substr(pos, piece), last, out));
  }
  if (bytes.empty()) RECKON_RETURN_IF_ERROR((*decoder)->Decode("", true, out));
  return out;
}

// "محمد,34\n" in Windows-1256: م=0xE3 ح=0xCD م=0xE3 د=0xCF.
const std::string kCp1256 = "\xE3\xCD\xE3\xCF,34\n";
// The same text in UTF-16LE and UTF-16BE.
const std::string kUtf16Le = std::string(
    "\x45\x06\x2D\x06\x45\x06\x2F\x06,\0"
    "3\0"
    "4\0\n\0",
    16);
const std::string kUtf16Be = std::string(
    "\x06\x45\x06\x2D\x06\x45\x06\x2F\0,\0"
    "3\0"
    "4\0\n",
    16);

TEST(TextDecoderTest, Utf8SplitAcrossPieces) {
  for (size_t piece = 1; piece < 6; ++piece) {
    auto out = DecodeAll(TextEncoding::kUtf8, "محمد,34\n", piece);
    ASSERT_TRUE(out.ok()) << out.status().message();
    EXPECT_EQ(*out, "محمد,34\n");
  }
}

TEST(TextDecoderTest, InvalidUtf8NamesTheLine) {
  auto out = DecodeAll(TextEncoding::kUtf8, "a,b\nok\n" + kCp1256, 4);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("line 3"), std::string::npos) << out.status().message();
  EXPECT_NE(out.status().message().find("0xE3"), std::string::npos);
}

TEST(TextDecoderTest, TruncatedUtf8AtEndIsAnError) {
  auto out = DecodeAll(TextEncoding::kUtf8, "abc\xD9", 2);
  EXPECT_FALSE(out.ok());
}

TEST(TextDecoderTest, Windows1256) {
  auto out = DecodeAll(TextEncoding::kWindows1256, kCp1256, 3);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, "محمد,34\n");
}

TEST(TextDecoderTest, Utf16BothEndiannessesInOddPieces) {
  for (size_t piece : {size_t{1}, size_t{3}, size_t{64}}) {
    auto le = DecodeAll(TextEncoding::kUtf16Le, kUtf16Le, piece);
    ASSERT_TRUE(le.ok()) << le.status().message();
    EXPECT_EQ(*le, "محمد,34\n");
    auto be = DecodeAll(TextEncoding::kUtf16Be, kUtf16Be, piece);
    ASSERT_TRUE(be.ok()) << be.status().message();
    EXPECT_EQ(*be, "محمد,34\n");
  }
}

TEST(TextDecoderTest, Utf16SurrogatePairs) {
  // U+1F600 as D83D DE00 in UTF-16LE.
  auto out = DecodeAll(TextEncoding::kUtf16Le, std::string("\x3D\xD8\x00\xDE", 4), 1);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, "\xF0\x9F\x98\x80");
}

TEST(TextDecoderTest, Utf16UnpairedSurrogateIsAnError) {
  auto out = DecodeAll(TextEncoding::kUtf16Le,
                       std::string("a\0\n\0\x00\xDC"
                                   "b\0",
                                   8),
                       8);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("line 2"), std::string::npos) << out.status().message();
}

TEST(DetectEncodingTest, BomsAndHeuristics) {
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBFname").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBFname").bom_length, 3u);
  EXPECT_EQ(DetectEncoding("\xFF\xFE" + kUtf16Le).encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(DetectEncoding("\xFE\xFF" + kUtf16Be).encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(DetectEncoding(std::string("n\0a\0m\0e\0,\0", 10)).encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(DetectEncoding("name,محمد\n").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("name," + kCp1256).encoding, TextEncoding::kWindows1256);
  EXPECT_EQ(DetectEncoding("plain ascii").encoding, TextEncoding::kUtf8);
  // Arabic UTF-8 with one corrupt byte stays UTF-8 (the decoder reports the line).
  EXPECT_EQ(DetectEncoding("محمد,علي\nحسن\xFF\n").encoding, TextEncoding::kUtf8);
}

TEST(ParseEncodingNameTest, Aliases) {
  EXPECT_EQ(ParseEncodingName("UTF8"), TextEncoding::kUtf8);
  EXPECT_EQ(ParseEncodingName("cp1256"), TextEncoding::kWindows1256);
  EXPECT_EQ(ParseEncodingName("UTF-16BE"), TextEncoding::kUtf16Be);
  EXPECT_EQ(ParseEncodingName("latin1"), std::nullopt);
}

}  // namespace
}  // namespace reckon
