// Explaining a pair: each field's level and weight, adding up to the total
// (Splink's "waterfall", as text), with the term-frequency adjustments and the
// household rule.
//
// Thread-safety: pure function of a loaded LinkContext.
#pragma once

#include <string>
#include <vector>

#include "link/linker.h"

namespace reckon::link {

struct ExplanationLine {
  std::string label;   // "given name" / "prior" / "term frequency: given name"
  std::string detail;  // the level or the values compared
  double weight = 0;
};

struct Explanation {
  std::vector<ExplanationLine> lines;
  double total_weight = 0;
  double probability = 0;
  bool household = false;
  std::string relation;   // from the name chains
  std::string alignment;  // how the chains were aligned
};

// `settings` are the link run's own (term frequencies, competition).
Explanation ExplainPair(const LinkContext& context, size_t a, size_t b,
                        const LinkSettings& settings);

}  // namespace reckon::link
