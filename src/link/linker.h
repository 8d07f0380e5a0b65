// The linker: from every record of a case to a register of persons.
//
// Steps (docs/linkage.md): build link records (names parsed and keyed once,
// places resolved) → block → compare candidate pairs → estimate u from random
// pairs and m and the prior by EM → score with term-frequency adjustment →
// cluster under human decisions and household constraints → keep person ids
// stable → save the run (one transaction).
//
// Thread-safety: one Link call at a time per Store; it uses `threads` worker
// threads internally for parsing and comparison.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "link/blocking.h"
#include "link/calibration.h"
#include "link/fellegi_sunter.h"
#include "link/link_record.h"
#include "store/store.h"
#include "text/token_table.h"

namespace reckon::link {

struct LinkSettings {
  double threshold = 0.9;  // posterior match probability needed to join two records
  // Compared pairs across two clusters below this probability forbid merging
  // them: at 0.9 every compared pair across must itself be a match, which
  // stops chains (measured on the realistic profile: F1 0.79 at 0.1, 0.89 at 0.9).
  double contradiction = 0.9;
  // Two records of one list join a person only when their own pair reaches
  // this: a list names a person once, save for near-identical duplicates.
  // Measured on the realistic profile (20,000 people, seed 7): 0.9 (the
  // threshold) let namesakes from one list merge, pairwise F1 0.887; 0.9999
  // gave 0.902 (same-list false pairs 514 -> 67, true ones 548 -> 470).
  double same_list_threshold = 0.9999;
  uint64_t seed = 1;
  size_t random_pairs = 200000;  // for estimating u
  size_t threads = 2;
  bool term_frequency = true;
  // Weigh each pair against the other candidates from the same lists
  // (link/competition.h): a list names a person once.
  bool competition = true;
  // Retrain m from the human match decisions (when there are at least 20).
  bool train_from_labels = false;
  // Who runs the linkage, recorded in the audit log with the saved run.
  std::string actor;
  // False: compute the register but do not save it (linkage sensitivity).
  bool save = true;
  BlockingSettings blocking;
  std::function<void(const std::string& stage, double fraction)> progress;
  // When set, every compared pair is written there as CSV (record ids, each
  // field's level, household, weight, probability, same person in this run):
  // for a statistician's own analysis of the model and its errors.
  std::string pairs_out;
};

struct LinkSummary {
  int64_t run_id = 0;
  uint64_t records = 0;
  uint64_t persons = 0;
  uint64_t persons_on_several_sources = 0;
  uint64_t candidate_pairs = 0;
  uint64_t matched_pairs = 0;  // candidates at or above the threshold
  uint64_t household_pairs = 0;
  uint64_t review_pairs = 0;
  uint64_t must_links = 0;
  uint64_t cannot_links = 0;
  uint64_t must_links_refused = 0;
  uint64_t refused_merges = 0;
  uint64_t kept_ids = 0;  // persons whose id carried over from the previous run
  uint64_t new_ids = 0;
  int em_iterations = 0;
  int fields_trained_from_labels = 0;
  double prior = 0;
  std::vector<RuleReport> rules;
  std::vector<std::pair<std::string, double>> seconds;  // per stage
  // The reviewers' decisions as a recalibration of the match probabilities
  // (link/calibration.h; the identity with too few decisions), and the
  // register's expected false and missed links among the pairs the model
  // gives at least kCompetitionFloor, at the threshold, before and after it.
  // The map is reported and written to --pairs-out; clustering still uses
  // the model's own probabilities.
  CalibrationMap calibration;
  LinkErrorCounts expected_errors_model;
  LinkErrorCounts expected_errors_calibrated;
  // record_pk -> person_id of this run (not part of the JSON).
  std::vector<std::pair<int64_t, int64_t>> assignments;
  std::string ToJson() const;
};

// Shared state of a run that explanations also need.
struct LinkContext {
  std::unique_ptr<text::TokenTable> tokens = std::make_unique<text::TokenTable>();
  std::vector<LinkRecord> records;
  std::vector<StoredRecord> stored;  // same order as records
  FellegiSunterModel model;
  TermFrequencies given_frequencies;
  TermFrequencies family_frequencies;
  // Days of death (exact days only) and localities (most specific place), for
  // the term-frequency adjustment of "same day" and "same locality".
  TermFrequencies day_frequencies;
  TermFrequencies locality_frequencies;
  // Per record: how much agreeing on its whole chain (given, father and family
  // name) is worth less because many records carry that chain: log2(records
  // with the chain / number of sources), 0 when no more than one person's worth.
  std::vector<float> chain_penalty;
};

// Loads every record of the case into `context` (names, dates, places).
Status LoadLinkRecords(Store& store, LinkContext& context, size_t threads);

// Counts names, days of death and localities of context.records for the
// term-frequency adjustments (LoadLinkRecords does this).
void CountTermFrequencies(LinkContext& context);

// Total weight of a comparison of records a and b under the model: prior +
// levels + term frequencies (names and whole chains). Household relations
// return -infinity.
double ScoreComparison(const LinkContext& context, const ComparisonVector& comparison, size_t a,
                       size_t b, bool term_frequency);

// Term-frequency adjustments for agreeing on record r's exact day of death
// (date level kSameDayLevel) and on its locality (place level
// kSameLocalityLevel): most deaths fall on a few days in a few villages, and
// agreeing on those says less than on a quiet day or a small village. 0 when
// the record has no exact day or no locality.
double DayAdjustment(const LinkContext& context, size_t r);
double LocalityAdjustment(const LinkContext& context, size_t r);

// The chain-frequency penalty for a pair agreeing on given, father and family name.
double ChainPenalty(const LinkContext& context, size_t a, size_t b);

// The competing-candidates penalty of one pair (link/competition.h),
// recomputed from the pair's block neighbours for an explanation; the linker
// computes it for all pairs at once. `competitors` gets how many other strong
// candidates (duplicates counted once) the two records have in each other's
// lists. In blocks large enough for sorted neighbourhood the linker may have
// seen fewer of them.
double CompetitionPenaltyFor(const LinkContext& context, size_t a, size_t b,
                             const LinkSettings& settings, int* competitors);

Result<LinkSummary> LinkCase(Store& store, const LinkSettings& settings);

// The settings a run stores in link_runs.settings_json, and back: explain,
// review, evaluate and the linkage sensitivity reuse the run's own settings.
std::string LinkSettingsJson(const LinkSettings& settings);
Result<LinkSettings> LinkSettingsFromJson(const std::string& json);

}  // namespace reckon::link
