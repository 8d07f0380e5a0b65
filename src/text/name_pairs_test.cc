// The curated pair table: tests/data/names/pairs.csv.
//
// Each row is name_a,name_b,expected,phenomenon,note (RFC 4180 quoting).
// expected is "match" when CompareChains must report kSamePerson and
// "nonmatch" when it must not (documented thresholds: docs/names.md). A note
// starting with "known-failure:" marks a pair Reckon currently gets wrong; the
// test asserts it still does, so a fix is noticed and the row updated.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "text/chain_compare.h"

namespace reckon::text {
namespace {

std::vector<std::string> ParseCsvLine(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t idx = 0; idx < line.size(); ++idx) {
    const char c = line[idx];
    if (quoted) {
      if (c == '"' && idx + 1 < line.size() && line[idx + 1] == '"') {
        fields.back().push_back('"');
        ++idx;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return fields;
}

std::string PairsPath() {
  if (const char* dir = std::getenv("RECKON_TEST_DATA"))
    return std::string(dir) + "/names/pairs.csv";
  return std::string(RECKON_TEXT_TEST_DATA) + "/pairs.csv";
}

TEST(NamePairsTest, EveryPairHasTheExpectedOutcome) {
  std::ifstream in(PairsPath());
  ASSERT_TRUE(in.good()) << "cannot open " << PairsPath();
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(line.rfind("name_a,name_b,expected,phenomenon,note", 0), 0u);
  TokenTable table;
  int rows = 0;
  int matches = 0;
  int known_failures = 0;
  std::map<std::string, int> per_phenomenon;
  int line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = ParseCsvLine(line);
    ASSERT_EQ(f.size(), 5u) << "line " << line_no << ": " << line;
    ASSERT_TRUE(f[2] == "match" || f[2] == "nonmatch") << "line " << line_no;
    Result<NameChain> a = ParseChain(table, f[0]);
    Result<NameChain> b = ParseChain(table, f[1]);
    ASSERT_TRUE(a.ok() && b.ok()) << "line " << line_no;
    const ChainComparison c = CompareChains(table, *a, *b);
    const ChainComparison reverse = CompareChains(table, *b, *a);
    EXPECT_EQ(c.matches(), reverse.matches()) << "line " << line_no << ": not symmetric";
    const bool expected = f[2] == "match";
    const bool known_failure = f[4].rfind("known-failure:", 0) == 0;
    ++rows;
    ++per_phenomenon[f[3]];
    if (expected) ++matches;
    if (known_failure) {
      ++known_failures;
      EXPECT_NE(c.matches(), expected) << "line " << line_no << " (" << f[0] << " / " << f[1]
                                       << ") now passes: remove its known-failure note";
      continue;
    }
    EXPECT_EQ(c.matches(), expected)
        << "line " << line_no << " [" << f[3] << "] " << f[0] << " / " << f[1] << ": expected "
        << f[2] << ", got relation " << ChainRelationName(c.relation) << " (" << c.alignment_note
        << ") given " << TokenMatchName(c.positions[0].comparison.level) << "/"
        << AgreementName(c.positions[0].agreement);
  }
  EXPECT_GE(rows, 300);
  EXPECT_GE(matches, 100);
  EXPECT_GE(rows - matches, 100);
  EXPECT_LE(known_failures, 10);
  std::ostringstream summary;
  for (const auto& [phenomenon, count] : per_phenomenon)
    summary << phenomenon << "=" << count << " ";
  std::cout << rows << " pairs (" << matches << " match, " << known_failures
            << " known failures): " << summary.str() << "\n";
}

}  // namespace
}  // namespace reckon::text
