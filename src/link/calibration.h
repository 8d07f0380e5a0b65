// Whether the linker's match probabilities mean what they say: of the pairs
// given 0.8, about 80% should be the same person (issue 18, item 1).
//
// A reliability table puts the scored pairs in equal-width probability bins
// and sets each bin's mean predicted probability beside the share of its
// pairs that truly match. The expected calibration error (ECE) is the
// pair-weighted mean of the gaps, |mean predicted - observed|, over bins;
// the maximum calibration error (MCE) the largest gap in a bin of at least
// kMinPairsForMaxGap pairs; the Brier score the mean squared difference
// between probability and outcome (Naeini et al. 2015; Guo et al. 2017).
//
// From the same pairs, the register's expected link errors at a threshold:
// expected false links = sum over pairs at or above it of (1 - p), expected
// missed links = sum over pairs below it of p, beside the counts truth gives.
// Only honest when the probabilities are calibrated; comparing the two
// columns is itself a calibration check.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <vector>

namespace reckon::link {

struct ScoredPairOutcome {
  double probability = 0;
  bool same_person = false;
};

struct ReliabilityBin {
  double low = 0, high = 0;  // [low, high); the last bin includes 1
  int64_t pairs = 0;
  int64_t matches = 0;
  double mean_predicted = 0;  // 0 for an empty bin
  double observed = 0;        // matches / pairs; 0 for an empty bin
};

inline constexpr int64_t kMinPairsForMaxGap = 30;

struct CalibrationReport {
  int64_t pairs = 0;
  int64_t matches = 0;
  double ece = 0;
  double mce = 0;
  double brier = 0;
  std::vector<ReliabilityBin> bins;
};

// Requires bins >= 1; probabilities outside [0, 1] are clamped.
CalibrationReport MeasureCalibration(const std::vector<ScoredPairOutcome>& pairs, int bins = 10);

struct LinkErrorCounts {
  double threshold = 0;
  double expected_false = 0;   // sum of (1 - p) over pairs with p >= threshold
  double expected_missed = 0;  // sum of p over pairs with p < threshold
  int64_t false_links = 0;     // pairs at or above the threshold that are not a match
  int64_t missed_links = 0;    // matching pairs below the threshold
};

LinkErrorCounts CountLinkErrors(const std::vector<ScoredPairOutcome>& pairs, double threshold);

// Recalibration from reviewed pairs (Platt scaling): p' = 1 / (1 + exp(-(a x
// + b))) with x = logit(p) of the model. Fellegi-Sunter weights add field
// evidence as if fields were independent, so the model is overconfident
// (measured on the realistic profile, 5,000 people: pairs given 0.75 match
// 16% of the time); a slope a below 1 tempers it. The fit maximises the
// likelihood of the reviewers' decisions plus a ridge pulling (a, b) towards
// (1, 0), the identity, so that a few decisions move the map only a little.
struct CalibrationMap {
  double slope = 1;
  double intercept = 0;
  int64_t labels = 0;   // decisions it was fitted on; 0 = the identity
  int64_t matches = 0;  // of which "same person"
  double Apply(double probability) const;
  bool identity() const { return labels == 0; }
};

// Decisions needed before a map is fitted, and of each kind.
inline constexpr int64_t kMinCalibrationLabels = 50;
inline constexpr int64_t kMinCalibrationLabelsEach = 10;
inline constexpr double kCalibrationRidge = 1.0;

// Fits the map to reviewed pairs (probability: the model's, before the
// decision; same_person: the reviewer's verdict). Returns the identity when
// there are too few decisions (see the constants above).
CalibrationMap FitCalibrationMap(const std::vector<ScoredPairOutcome>& reviewed);

}  // namespace reckon::link
