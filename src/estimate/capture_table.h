// Capture tables: how many people each combination of lists names.
//
// A capture table over t lists holds one count per capture pattern. A pattern
// is a bitmask: bit j is set when the person is on list j. The 2^t - 1
// non-zero patterns are observed; pattern 0 (people on no list) is what every
// estimator in this folder estimates, so its count is always 0 here.
//
// Tables come from two places: the linked register (one pattern per person,
// see FromHistories) and the statisticians' counts file (ParseCountsCsv):
//
//   EXH,ABA,OSCE,HRW,count      one 0/1 column per list, `count` the number
//   1,0,0,0,1131                of distinct people with exactly that pattern
//
// Thread-safety: plain values; safe to share for reading.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace reckon::estimate {

// Lists beyond this are refused: 2^t cells must stay small enough to fit
// models on (and 15 is already far beyond what any estimator here supports).
inline constexpr int kMaxLists = 15;

class CaptureTable {
 public:
  CaptureTable() = default;
  // Requires 1 <= lists.size() <= kMaxLists; all counts start at 0.
  explicit CaptureTable(std::vector<std::string> lists);

  int num_lists() const { return static_cast<int>(lists_.size()); }
  // Number of cells, 2^t (including the unobserved pattern 0).
  uint32_t num_cells() const { return static_cast<uint32_t>(counts_.size()); }
  const std::vector<std::string>& lists() const { return lists_; }
  // counts()[pattern]; counts()[0] == 0.
  const std::vector<int64_t>& counts() const { return counts_; }
  int64_t count(uint32_t pattern) const { return counts_[pattern]; }

  // Adds `n` people with `pattern`. Requires 0 < pattern < num_cells(), n >= 0.
  void Add(uint32_t pattern, int64_t n);

  // Distinct people on at least one list.
  int64_t Observed() const;
  // People on list `list`.
  int64_t ListTotal(int list) const;
  // People on two or more lists.
  int64_t OnSeveralLists() const;
  // People on both lists a and b.
  int64_t Overlap(int a, int b) const;

  // The table over a subset of the lists, in the order given (indices into
  // lists()); people on none of the kept lists drop out. Requires valid,
  // distinct indices.
  CaptureTable Select(const std::vector<int>& keep) const;

  // The table where list `from` is merged into list `into` (a person is on the
  // merged list when on either), as for a source derived from another.
  // Requires from != into, both valid.
  CaptureTable Merge(int from, int into) const;

  // Lists naming at least one person.
  std::vector<int> NonEmptyLists() const;

 private:
  std::vector<std::string> lists_;
  std::vector<int64_t> counts_;
};

// Builds a table from one capture pattern per person (the linked register's
// capture histories). Patterns equal to 0 are ignored (a person on no list
// cannot be in a register built from lists). Errors: more than kMaxLists
// lists, or a pattern with bits beyond the lists.
Result<CaptureTable> FromHistories(std::vector<std::string> lists,
                                   const std::vector<uint32_t>& patterns);

// One stratum of a stratified analysis: a name ("Homs", "2012-Q3") and its
// table. Unstratified input is a single stratum with an empty name.
struct Stratum {
  std::string name;
  CaptureTable table;
};

struct CountsCsvOptions {
  // Column whose values name strata; empty means none, unless a column is
  // literally called "stratum" or "strata" (then that one is used).
  std::string strata_column;
};

// What ParseCountsCsv found besides the tables: remarks worth showing the
// user (an ignored all-zero row, a row without a count).
struct CountsCsv {
  std::vector<Stratum> strata;  // in order of first appearance
  std::vector<std::string> notes;
};

// Parses the counts format: a header, then one row per pattern (per stratum).
// Columns: one per list holding 0 or 1; `count` (also `freq` or `Freq`)
// holding a non-negative integer; optionally a stratum column. Without a
// count column every row is one person (a file of capture histories). Rows
// with the same pattern (and stratum) are added up. An all-zero row is
// ignored with a note: people on no list are what is estimated. Quoted
// header and values (as R's write.csv writes them), CRLF and a UTF-8 BOM are
// accepted; the delimiter is ',' or, when the header has none, ';' or tab.
// Errors (kDataError) name the file, the line and the column.
Result<CountsCsv> ParseCountsCsv(std::string_view text, const std::string& file_name,
                                 const CountsCsvOptions& options = {});

// Reads `path` and parses it with ParseCountsCsv. kNotFound/kIoError when the
// file cannot be read.
Result<CountsCsv> ReadCountsCsv(const std::string& path, const CountsCsvOptions& options = {});

// Pattern as a 0/1 string in list order ("1010" = on lists 1 and 3).
std::string PatternString(uint32_t pattern, int num_lists);

}  // namespace reckon::estimate
