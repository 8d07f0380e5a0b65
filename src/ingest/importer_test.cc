#include "ingest/importer.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/strings.h"
#include "store/sqlite_store.h"

namespace reckon {
namespace {

// Converts UTF-8 test text to another encoding with ICU.
std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode error = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t length =
      ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                   static_cast<int32_t>(utf8.size()), &error);
  EXPECT_TRUE(U_SUCCESS(error)) << u_errorName(error);
  out.resize(static_cast<size_t>(length));
  return out;
}

const char kArabicList[] =
    "record_id,full_name,sex,age,death_date,locality\n"
    "B1,محمد علي حسن,ذكر,٣٤,٠٨/٠٣/٢٠٢٥,بانياس\n"
    "B2,\"فاطمة، بنت أحمد\",أنثى,طفل,2025-03-09,جبلة\n";

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("reckon_import_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = OpenSqliteStore((dir_ / "case.reckon").string(), OpenMode::kCreateNew);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
    ASSERT_TRUE(store_->AddSource({"S", SourceKind::kNgoList, "", std::nullopt}).ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  Result<ImportReport> Import(const std::string& path, const std::string& source = "S") {
    ImportRequest request;
    request.file_path = path;
    request.source_name = source;
    return ImportList(*store_, request);
  }

  std::vector<StoredRecord> Records() {
    std::vector<StoredRecord> records;
    EXPECT_TRUE(store_
                    ->ScanRecords({},
                                  [&](const StoredRecord& r) {
                                    records.push_back(r);
                                    return Status::Ok();
                                  })
                    .ok());
    return records;
  }

  void ExpectArabicRecords() {
    auto records = Records();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields.record_id, "B1");
    EXPECT_EQ(records[0].fields.full_name, "محمد علي حسن");
    EXPECT_EQ(records[0].fields.sex, "M");
    EXPECT_EQ(records[0].fields.age, 34);
    EXPECT_EQ(records[0].fields.death_date, "2025-03-08");
    EXPECT_EQ(records[1].fields.full_name, "فاطمة، بنت أحمد");
    EXPECT_EQ(records[1].fields.age_max, 17);
    EXPECT_EQ(records[1].fields.locality, "جبلة");
    EXPECT_EQ(records[1].line_number, 3);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ImporterTest, Utf8WithoutBom) {
  auto report = Import(Write("a.csv", kArabicList));
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->encoding, "UTF-8");
  ExpectArabicRecords();
}

TEST_F(ImporterTest, Utf8WithBom) {
  auto report = Import(Write("a.csv", "\xEF\xBB\xBF" + std::string(kArabicList)));
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->encoding, "UTF-8 (BOM)");
  ExpectArabicRecords();
  // The BOM must not leak into the first header.
  EXPECT_EQ(report->mapped.front().first, "record_id");
}

TEST_F(ImporterTest, Utf16LittleAndBigEndianWithBom) {
  auto le = Import(Write("le.csv", Encode("\uFEFF" + std::string(kArabicList), "UTF-16LE")));
  ASSERT_TRUE(le.ok()) << le.status().message();
  EXPECT_EQ(le->encoding, "UTF-16LE (BOM)");
  ExpectArabicRecords();
  auto be = Import(Write("be.csv", Encode("\uFEFF" + std::string(kArabicList), "UTF-16BE")), "S");
  ASSERT_TRUE(be.ok()) << be.status().message();
  EXPECT_EQ(be->encoding, "UTF-16BE (BOM)");
}

TEST_F(ImporterTest, Windows1256DetectedAndNamed) {
  // Windows-1256 has no Arabic-Indic digits: such lists use ASCII ones.
  const std::string bytes = Encode(
      "record_id,full_name,sex,age,death_date,locality\n"
      "B1,محمد علي حسن,ذكر,34,08/03/2025,بانياس\n"
      "B2,\"فاطمة، بنت أحمد\",أنثى,طفل,2025-03-09,جبلة\n",
      "windows-1256");
  ASSERT_FALSE(IsValidUtf8(bytes));
  auto detected = Import(Write("w.csv", bytes));
  ASSERT_TRUE(detected.ok()) << detected.status().message();
  EXPECT_EQ(detected->encoding, "windows-1256");
  ExpectArabicRecords();

  ImportRequest named;
  named.file_path = Write("w2.csv", bytes + "B3,x,M,1,2025,y\n");
  named.source_name = "S";
  named.encoding = TextEncoding::kWindows1256;
  ASSERT_TRUE(ImportList(*store_, named).ok());
}

TEST_F(ImporterTest, SemicolonAndTabDelimiters) {
  auto semi = Import(Write("s.csv", "record_id;full_name;age\nS1;\"a;b\";4,5\n"));
  ASSERT_TRUE(semi.ok()) << semi.status().message();
  EXPECT_EQ(semi->delimiter, ';');
  auto tab = Import(Write("t.csv", "record_id\tfull_name\nT1\tx, y\n"));
  ASSERT_TRUE(tab.ok()) << tab.status().message();
  EXPECT_EQ(tab->delimiter, '\t');
  auto records = Records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields.full_name, "a;b");
  EXPECT_EQ(records[0].fields.age, std::nullopt);  // "4,5" is no age: flagged, kept raw
  ASSERT_EQ(records[0].flags.size(), 1u);
  EXPECT_EQ(records[0].flags[0].raw_value, "4,5");
}

TEST_F(ImporterTest, UnparseableValuesAreKeptRawAndFlagged) {
  auto report = Import(Write("f.csv",
                             "full_name,sex,age,death_date,extra\n"
                             "X,Q,about 30,31/02/2025,kept\n"));
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->flagged_rows, 1);
  auto records = Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields.record_id, "S:1");  // no id column: SOURCE:ROW
  EXPECT_EQ(records[0].fields.sex, "");
  ASSERT_EQ(records[0].flags.size(), 3u);
  EXPECT_EQ(records[0].flags[0].field, "sex");
  EXPECT_EQ(records[0].flags[0].raw_value, "Q");
  EXPECT_EQ(records[0].flags[2].raw_value, "31/02/2025");
  EXPECT_EQ(records[0].raw_json, R"(["X","Q","about 30","31/02/2025","kept"])");
}

TEST_F(ImporterTest, DuplicateFileRefusedUnlessForced) {
  const std::string path = Write("a.csv", kArabicList);
  ASSERT_TRUE(Import(path).ok());
  auto again = Import(path);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("--force"), std::string::npos);
  EXPECT_EQ(Records().size(), 2u);
  ImportRequest forced;
  forced.file_path = path;
  forced.source_name = "S";
  forced.force = true;
  ASSERT_TRUE(ImportList(*store_, forced).ok());
  EXPECT_EQ(Records().size(), 4u);
  // The same file into another source is a different claim, not a duplicate.
  ASSERT_TRUE(store_->AddSource({"T", SourceKind::kMediaMonitoring, "", std::nullopt}).ok());
  EXPECT_TRUE(Import(path, "T").ok());
}

TEST_F(ImporterTest, BrokenFileLeavesCaseUnchanged) {
  ASSERT_TRUE(Import(Write("a.csv", kArabicList)).ok());
  const auto before = Records();
  // Enough rows that several batches are stored before the broken row.
  std::string big = "record_id,full_name\n";
  for (int i = 0; i < 5000; ++i) big += "X" + std::to_string(i) + ",محمد\n";
  for (const std::string& broken : {big + "Y1,\"unterminated\n", big + "Y2,a,b\n",
                                    big + "X17,again\n", big + "Y3,\xE3\xCD\n"}) {
    auto report = Import(Write("broken.csv", broken));
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.status().message().find("broken.csv"), std::string::npos)
        << report.status().message();
    EXPECT_NE(report.status().message().find("line 5002"), std::string::npos)
        << report.status().message();
    const auto after = Records();
    ASSERT_EQ(after.size(), before.size());
    EXPECT_EQ(store_->Stats().value().imports, 1);
  }
}

TEST_F(ImporterTest, FailedImportDoesNotCreateItsSource) {
  ImportRequest request;
  request.file_path = Write("b.csv", "full_name\n\"open\n");
  request.source_name = "NEW";
  request.create_source = NewSource{"NEW", SourceKind::kOfficial, "", std::nullopt};
  ASSERT_FALSE(ImportList(*store_, request).ok());
  EXPECT_FALSE(store_->FindSource("NEW").value().has_value());
  request.file_path = Write("c.csv", "full_name\nok\n");
  auto report = ImportList(*store_, request);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_TRUE(report->created_source);
  EXPECT_TRUE(store_->FindSource("NEW").value().has_value());
}

TEST_F(ImporterTest, MissingInputsAreClearErrors) {
  EXPECT_EQ(Import((dir_ / "nope.csv").string()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Import(Write("a.csv", kArabicList), "Unknown").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Import(Write("e.csv", "")).status().code(), StatusCode::kDataError);
  ImportRequest request;
  request.file_path = Write("a.csv", kArabicList);
  request.source_name = "S";
  request.mapping_path = (dir_ / "missing.map").string();
  EXPECT_EQ(ImportList(*store_, request).status().code(), StatusCode::kNotFound);
}

TEST_F(ImporterTest, ArabicHeadersThroughMappingFile) {
  const std::string mapping = Write("ar.map",
                                    "الاسم = full_name\n"
                                    "اسم الأب = father_name\n"
                                    "الجنس = sex\n"
                                    "العمر = age\n"
                                    "تاريخ الوفاة = death_date\n"
                                    "المنطقة = locality\n");
  ImportRequest request;
  request.file_path = Write("ar.csv",
                            "الاسم,اسم الأب,الجنس,العمر,تاريخ الوفاة,المنطقة,ملاحظات\n"
                            "محمد,علي,ذكر,٣٤,٨ آذار ٢٠٢٥,بانياس,شاهد\n");
  request.source_name = "S";
  request.mapping_path = mapping;
  auto report = ImportList(*store_, request);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->unmapped_columns, (std::vector<std::string>{"ملاحظات"}));
  auto records = Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields.father_name, "علي");
  EXPECT_EQ(records[0].fields.death_date, "2025-03-08");
  EXPECT_EQ(records[0].fields.locality, "بانياس");
}

}  // namespace
}  // namespace reckon
