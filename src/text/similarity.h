// String similarity measures on folded forms.
//
// Both work on arrays of code units (ASCII bytes for folded Latin, UTF-32 for
// folded Arabic); callers compare like with like. Strings longer than
// kMaxSimilarityLength are compared on their first kMaxSimilarityLength units.
//
// Thread-safety: pure functions, safe from any thread; no allocation.
#pragma once

#include <cstddef>
#include <string_view>

namespace reckon::text {

inline constexpr size_t kMaxSimilarityLength = 64;

// Jaro-Winkler similarity in [0, 1] with the usual prefix scale 0.1 and a
// common prefix of at most 4 units. Two empty strings score 1.
double JaroWinkler(std::string_view a, std::string_view b);
double JaroWinkler(std::u32string_view a, std::u32string_view b);

// Optimal-string-alignment Damerau-Levenshtein distance (insertions,
// deletions, substitutions, adjacent transpositions), computed only up to
// `max_distance`: returns the distance when it is <= max_distance, otherwise
// max_distance + 1.
int BoundedDamerauLevenshtein(std::string_view a, std::string_view b, int max_distance);
int BoundedDamerauLevenshtein(std::u32string_view a, std::u32string_view b, int max_distance);

}  // namespace reckon::text
