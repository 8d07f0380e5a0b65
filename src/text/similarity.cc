#include "text/similarity.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>

namespace reckon::text {
namespace {

template <typename Char>
double JaroWinklerImpl(std::basic_string_view<Char> a, std::basic_string_view<Char> b) {
  a = a.substr(0, std::min(a.size(), kMaxSimilarityLength));
  b = b.substr(0, std::min(b.size(), kMaxSimilarityLength));
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const size_t longest = std::max(a.size(), b.size());
  const size_t window = longest / 2 > 0 ? longest / 2 - 1 : 0;
  // Matched positions as bit masks (strings are at most 64 units long).
  uint64_t a_matched = 0;
  uint64_t b_matched = 0;
  size_t matches = 0;
  for (size_t a_idx = 0; a_idx < a.size(); ++a_idx) {
    const size_t lo = a_idx > window ? a_idx - window : 0;
    const size_t hi = std::min(b.size(), a_idx + window + 1);
    for (size_t b_idx = lo; b_idx < hi; ++b_idx) {
      if ((b_matched >> b_idx & 1u) == 0 && a[a_idx] == b[b_idx]) {
        a_matched |= uint64_t{1} << a_idx;
        b_matched |= uint64_t{1} << b_idx;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  uint64_t a_left = a_matched;
  uint64_t b_left = b_matched;
  while (a_left != 0) {
    const auto a_idx = static_cast<size_t>(std::countr_zero(a_left));
    const auto b_idx = static_cast<size_t>(std::countr_zero(b_left));
    if (a[a_idx] != b[b_idx]) ++transpositions;
    a_left &= a_left - 1;
    b_left &= b_left - 1;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) /
                      3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

template <typename Char>
int BoundedDamerauLevenshteinImpl(std::basic_string_view<Char> a, std::basic_string_view<Char> b,
                                  int max_distance) {
  a = a.substr(0, std::min(a.size(), kMaxSimilarityLength));
  b = b.substr(0, std::min(b.size(), kMaxSimilarityLength));
  const int too_far = max_distance + 1;
  const int length_gap = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (std::abs(length_gap) > max_distance) return too_far;
  // Three rolling rows of the OSA matrix, rotated by pointer.
  std::array<std::array<int, kMaxSimilarityLength + 1>, 3> rows;
  int* prev2 = rows[0].data();
  int* prev = rows[1].data();
  int* cur = rows[2].data();
  for (size_t b_idx = 0; b_idx <= b.size(); ++b_idx) prev[b_idx] = static_cast<int>(b_idx);
  for (size_t a_idx = 1; a_idx <= a.size(); ++a_idx) {
    cur[0] = static_cast<int>(a_idx);
    int row_min = cur[0];
    for (size_t b_idx = 1; b_idx <= b.size(); ++b_idx) {
      const int cost = a[a_idx - 1] == b[b_idx - 1] ? 0 : 1;
      int best = std::min({prev[b_idx] + 1, cur[b_idx - 1] + 1, prev[b_idx - 1] + cost});
      if (a_idx > 1 && b_idx > 1 && a[a_idx - 1] == b[b_idx - 2] && a[a_idx - 2] == b[b_idx - 1]) {
        best = std::min(best, prev2[b_idx - 2] + 1);
      }
      cur[b_idx] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > max_distance) return too_far;
    int* recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  return std::min(prev[b.size()], too_far);
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) { return JaroWinklerImpl(a, b); }
double JaroWinkler(std::u32string_view a, std::u32string_view b) { return JaroWinklerImpl(a, b); }

int BoundedDamerauLevenshtein(std::string_view a, std::string_view b, int max_distance) {
  return BoundedDamerauLevenshteinImpl(a, b, max_distance);
}
int BoundedDamerauLevenshtein(std::u32string_view a, std::u32string_view b, int max_distance) {
  return BoundedDamerauLevenshteinImpl(a, b, max_distance);
}

}  // namespace reckon::text
