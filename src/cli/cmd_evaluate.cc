// reckon evaluate CASE --truth FILE.csv [--pairs PAIRS.csv] [--json] — scores
// the case's register against ground truth (truth.csv of `reckon simulate`:
// record_id,person_id,...): pairwise and B-cubed precision, recall and F1
// (link/evaluation.h); with the compared pairs of `reckon link --pairs-out`,
// the calibration of their match probabilities (link/calibration.h).
#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "common/strings.h"
#include "ingest/csv_reader.h"
#include "ingest/text_source.h"
#include "link/blocking.h"
#include "link/calibration.h"
#include "link/evaluation.h"
#include "link/linker.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string truth;
  std::string pairs;
  bool json = false;
};

// The compared pairs of a pairs file with their truth: household pairs
// (probability 0 by rule, not by the model) and pairs with a record the
// truth does not know are counted and left out.
struct PairOutcomes {
  int64_t decided = 0;  // pairs a person decided: no longer the model's, left out
  std::vector<link::ScoredPairOutcome> scored;
  // The same pairs' recalibrated probabilities, when the file has them.
  std::vector<link::ScoredPairOutcome> recalibrated;
  int64_t household = 0;
  int64_t unknown = 0;
};

constexpr size_t kIdsShown = 10;  // unmatched ids listed in the text output

// A CSV file opened with its header row read: the source outlives the reader.
struct CsvFile {
  std::unique_ptr<FileTextSource> source;
  std::optional<CsvReader> reader;
  CsvRecord header;
};

// Opens `path` and reads its header; a file without one is a DataError that
// says what was `expected`.
Result<std::unique_ptr<CsvFile>> OpenCsvWithHeader(const std::string& path,
                                                   const std::string& expected) {
  auto file = std::make_unique<CsvFile>();
  RECKON_ASSIGN_OR_RETURN(file->source, FileTextSource::Open(path, std::nullopt));
  Result<CsvReader> created = CsvReader::Create(file->source.get(), std::nullopt);
  if (!created.ok()) return created.status().WithContext(path);
  file->reader.emplace(std::move(created).value());
  Result<bool> has_header = file->reader->Next(file->header);
  if (!has_header.ok()) return has_header.status().WithContext(path);
  if (!*has_header) return Status::DataError(path + ": empty file, expected " + expected);
  return file;
}

// record_id -> person_id from a truth CSV whose header has both columns (others
// are ignored). Errors name the file and line: a missing column, an empty id,
// a record listed twice.
Result<std::unordered_map<std::string, std::string>> ReadTruth(const std::string& path) {
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<CsvFile> file,
                          OpenCsvWithHeader(path, "record_id,person_id"));
  CsvReader& reader = *file->reader;
  CsvRecord record = std::move(file->header);
  std::optional<size_t> record_column;
  std::optional<size_t> person_column;
  for (size_t column_idx = 0; column_idx < record.fields.size(); ++column_idx) {
    const std::string name = AsciiLower(Trim(record.fields[column_idx]));
    if (name == "record_id" && !record_column) record_column = column_idx;
    if (name == "person_id" && !person_column) person_column = column_idx;
  }
  if (!record_column || !person_column) {
    return Status::DataError(path + ":" + std::to_string(record.line) +
                             ": the header needs the columns record_id and person_id");
  }
  std::unordered_map<std::string, std::string> truth;
  std::unordered_map<std::string, int64_t> lines;
  while (true) {
    Result<bool> has_row = reader.Next(record);
    if (!has_row.ok()) return has_row.status().WithContext(path);
    if (!*has_row) break;
    const std::string where = path + ":" + std::to_string(record.line) + ": ";
    if (std::max(*record_column, *person_column) >= record.fields.size()) {
      return Status::DataError(where + "the row has " + std::to_string(record.fields.size()) +
                               " fields, too few for record_id and person_id");
    }
    const std::string record_id(Trim(record.fields[*record_column]));
    const std::string person_id(Trim(record.fields[*person_column]));
    if (record_id.empty()) return Status::DataError(where + "empty record_id");
    if (person_id.empty()) return Status::DataError(where + "empty person_id for " + record_id);
    const auto [line, inserted] = lines.emplace(record_id, record.line);
    if (!inserted) {
      return Status::DataError(where + "record " + record_id + " is listed again (first on line " +
                               std::to_string(line->second) + ")");
    }
    truth.emplace(record_id, person_id);
  }
  return truth;
}

// Reads `reckon link --pairs-out` output (columns record_a, record_b,
// household, probability; others ignored). Errors name the file and line.
Result<PairOutcomes> ReadPairOutcomes(
    const std::string& path, const std::unordered_map<std::string, std::string>& truth,
    const std::set<std::pair<std::string, std::string>>& decided) {
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<CsvFile> file, OpenCsvWithHeader(path, "a pairs file"));
  CsvReader& reader = *file->reader;
  CsvRecord record = std::move(file->header);
  std::unordered_map<std::string, size_t> column;
  for (size_t column_idx = 0; column_idx < record.fields.size(); ++column_idx) {
    column.emplace(AsciiLower(Trim(record.fields[column_idx])), column_idx);
  }
  for (const char* name : {"record_a", "record_b", "household", "probability"}) {
    if (!column.count(name)) {
      return Status::DataError(path + ":" + std::to_string(record.line) +
                               ": the header needs the column " + name +
                               " (a file written by reckon link --pairs-out)");
    }
  }
  const size_t a_col = column["record_a"], b_col = column["record_b"];
  const size_t household_col = column["household"], p_col = column["probability"];
  const size_t needed = std::max({a_col, b_col, household_col, p_col}) + 1;
  const auto recalibrated_col = column.find("calibrated_probability");
  PairOutcomes out;
  while (true) {
    Result<bool> has_row = reader.Next(record);
    if (!has_row.ok()) return has_row.status().WithContext(path);
    if (!*has_row) break;
    const std::string where = path + ":" + std::to_string(record.line) + ": ";
    if (record.fields.size() < needed) {
      return Status::DataError(where + "the row has " + std::to_string(record.fields.size()) +
                               " fields, expected at least " + std::to_string(needed));
    }
    if (Trim(record.fields[household_col]) == "1") {
      ++out.household;
      continue;
    }
    double probability = 0;
    const std::string text(Trim(record.fields[p_col]));
    char* end = nullptr;
    probability = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !(probability >= 0) ||
        !(probability <= 1)) {
      return Status::DataError(where + "probability: '" + text + "' is not a number in [0, 1]");
    }
    const std::string id_a(Trim(record.fields[a_col]));
    const std::string id_b(Trim(record.fields[b_col]));
    if (decided.count({std::min(id_a, id_b), std::max(id_a, id_b)})) {
      ++out.decided;
      continue;
    }
    const auto a = truth.find(id_a);
    const auto b = truth.find(id_b);
    if (a == truth.end() || b == truth.end()) {
      ++out.unknown;
      continue;
    }
    const bool same = a->second == b->second;
    out.scored.push_back({probability, same});
    if (recalibrated_col != column.end() && recalibrated_col->second < record.fields.size()) {
      const std::string value(Trim(record.fields[recalibrated_col->second]));
      char* value_end = nullptr;
      const double recalibrated = std::strtod(value.c_str(), &value_end);
      if (value.empty() || value_end != value.c_str() + value.size() || !(recalibrated >= 0) ||
          !(recalibrated <= 1)) {
        return Status::DataError(where + "calibrated_probability: '" + value +
                                 "' is not a number in [0, 1]");
      }
      out.recalibrated.push_back({recalibrated, same});
    }
  }
  if (out.recalibrated.size() != out.scored.size()) out.recalibrated.clear();
  return out;
}

// record_id -> person_id of the register. A record id used by two sources is
// keyed "SOURCE:ID" (as `reckon explain` names it) so neither shadows the other.
std::unordered_map<std::string, int64_t> PredictedPersons(
    const std::vector<ClusterAssignment>& assignments) {
  std::unordered_map<std::string, int> uses;
  for (const ClusterAssignment& a : assignments) ++uses[a.record_id];
  std::unordered_map<std::string, int64_t> predicted;
  for (const ClusterAssignment& a : assignments) {
    predicted.emplace(uses[a.record_id] > 1 ? a.source + ":" + a.record_id : a.record_id,
                      a.person_id);
  }
  return predicted;
}

std::string Fixed(double value) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(4) << value;
  return out.str();
}

std::string FirstIds(const std::vector<std::string>& ids) {
  std::string text;
  for (size_t id_idx = 0; id_idx < ids.size() && id_idx < kIdsShown; ++id_idx) {
    text += (id_idx == 0 ? "" : ", ") + ids[id_idx];
  }
  if (ids.size() > kIdsShown) text += ", ... (" + std::to_string(ids.size()) + " in all)";
  return text;
}

// Blocking recall: the candidate pairs the linker would compare today (same
// blocking settings as the run), against the true pairs.
Result<link::BlockingScores> MeasureBlocking(
    Store& store, const LinkRunInfo& run,
    const std::unordered_map<std::string, std::string>& truth) {
  RECKON_ASSIGN_OR_RETURN(link::LinkSettings settings,
                          link::LinkSettingsFromJson(run.settings_json));
  link::LinkContext context;
  RECKON_RETURN_IF_ERROR(link::LoadLinkRecords(store, context, 2));
  const link::BlockingResult blocks =
      link::BlockPairs(context.records, *context.tokens, settings.blocking);
  std::vector<std::string> truth_cluster(context.records.size());
  for (size_t i = 0; i < context.stored.size(); ++i) {
    const StoredRecord& record = context.stored[i];
    auto it = truth.find(record.source + ":" + record.fields.record_id);
    if (it == truth.end()) it = truth.find(record.fields.record_id);
    if (it != truth.end()) truth_cluster[i] = it->second;
  }
  std::vector<std::pair<uint32_t, uint32_t>> candidates;
  candidates.reserve(blocks.pairs.size());
  for (const uint64_t pair : blocks.pairs) {
    candidates.emplace_back(link::PairFirst(pair), link::PairSecond(pair));
  }
  return link::BlockingRecall(candidates, truth_cluster);
}

// What --pairs adds: the reliability table and the register's expected
// against actual link errors at the run's threshold.
struct CalibrationFigures {
  link::CalibrationReport report;
  link::LinkErrorCounts errors;
  int64_t household = 0;
  int64_t unknown = 0;
  int64_t decided = 0;
  // The same over the pairs the model gives at least 0.01: the bulk of
  // compared pairs sits near 0 and makes any ECE look small.
  link::CalibrationReport plausible;
  // After the run's recalibration from reviewed pairs, when it had one.
  std::optional<link::CalibrationReport> recalibrated_plausible;
  std::optional<link::LinkErrorCounts> recalibrated_errors;
};

constexpr double kPlausible = 0.01;

// The pairs of `column` whose *model* probability (in `model`) is at least
// `floor`: the model and its recalibration are scored on the same pairs.
std::vector<link::ScoredPairOutcome> Plausible(const std::vector<link::ScoredPairOutcome>& model,
                                               const std::vector<link::ScoredPairOutcome>& column,
                                               double floor) {
  std::vector<link::ScoredPairOutcome> out;
  for (size_t idx = 0; idx < model.size() && idx < column.size(); ++idx) {
    if (model[idx].probability >= floor) out.push_back(column[idx]);
  }
  return out;
}

nlohmann::ordered_json CalibrationJson(const CalibrationFigures& c) {
  nlohmann::ordered_json j;
  j["pairs"] = c.report.pairs;
  j["matches"] = c.report.matches;
  j["household_pairs_left_out"] = c.household;
  j["pairs_without_truth"] = c.unknown;
  j["decided_pairs_left_out"] = c.decided;
  j["ece"] = c.report.ece;
  j["mce"] = c.report.mce;
  j["brier"] = c.report.brier;
  j["plausible_pairs"] = {{"floor", kPlausible},
                          {"pairs", c.plausible.pairs},
                          {"ece", c.plausible.ece},
                          {"mce", c.plausible.mce}};
  if (c.recalibrated_plausible) {
    j["recalibrated"] = {{"plausible_pairs", c.recalibrated_plausible->pairs},
                         {"ece", c.recalibrated_plausible->ece},
                         {"mce", c.recalibrated_plausible->mce},
                         {"expected_false_links", c.recalibrated_errors->expected_false},
                         {"false_links", c.recalibrated_errors->false_links},
                         {"expected_missed_links", c.recalibrated_errors->expected_missed},
                         {"missed_links", c.recalibrated_errors->missed_links}};
  }
  j["bins"] = nlohmann::ordered_json::array();
  for (const link::ReliabilityBin& b : c.report.bins) {
    j["bins"].push_back({{"low", b.low},
                         {"high", b.high},
                         {"pairs", b.pairs},
                         {"matches", b.matches},
                         {"mean_predicted", b.mean_predicted},
                         {"observed", b.observed}});
  }
  j["at_threshold"] = {{"threshold", c.errors.threshold},
                       {"expected_false_links", c.errors.expected_false},
                       {"false_links", c.errors.false_links},
                       {"expected_missed_links", c.errors.expected_missed},
                       {"missed_links", c.errors.missed_links}};
  return j;
}

void PrintCalibration(const CalibrationFigures& c) {
  std::cout << "\ncalibration of " << c.report.pairs << " compared pairs (" << c.report.matches
            << " truly one person; " << c.household << " household pairs, " << c.decided
            << " pairs a person decided and " << c.unknown << " pairs without truth left out)\n";
  TablePrinter table({"probability", "pairs", "mean predicted", "observed", "gap"});
  for (const link::ReliabilityBin& b : c.report.bins) {
    if (b.pairs == 0) continue;
    std::ostringstream range;
    range << std::fixed << std::setprecision(1) << b.low << "-" << b.high;
    table.AddRow({range.str(), std::to_string(b.pairs), Fixed(b.mean_predicted), Fixed(b.observed),
                  Fixed(b.observed - b.mean_predicted)});
  }
  table.Print(std::cout);
  std::cout << "expected calibration error " << Fixed(c.report.ece) << " over all compared pairs, "
            << Fixed(c.plausible.ece) << " over the " << c.plausible.pairs
            << " pairs given at least " << kPlausible << "; largest gap " << Fixed(c.report.mce)
            << ", Brier score " << Fixed(c.report.brier) << "\n";
  std::cout << "at the run's threshold " << c.errors.threshold << ": expected false links "
            << Fixed(c.errors.expected_false) << " (truth: " << c.errors.false_links
            << "), expected missed links " << Fixed(c.errors.expected_missed)
            << " (truth: " << c.errors.missed_links << "), among compared pairs\n";
  if (c.recalibrated_plausible) {
    std::cout << "recalibrated from reviewed pairs: expected calibration error "
              << Fixed(c.recalibrated_plausible->ece) << " over the same "
              << c.recalibrated_plausible->pairs << " pairs (the model gives them at least "
              << kPlausible << ")"
              << "; expected false links " << Fixed(c.recalibrated_errors->expected_false)
              << " (truth: " << c.recalibrated_errors->false_links << "), expected missed "
              << Fixed(c.recalibrated_errors->expected_missed)
              << " (truth: " << c.recalibrated_errors->missed_links << ")\n";
  }
}

void PrintJson(const link::ClusteringScores& s, const LinkRunInfo& run,
               const std::optional<link::BlockingScores>& blocking,
               const std::optional<CalibrationFigures>& calibration) {
  nlohmann::ordered_json j;
  j["link_run"] = run.run_id;
  j["records"] = s.records;
  j["true_persons"] = s.true_persons;
  j["predicted_persons"] = s.predicted_persons;
  j["pairwise"] = {{"precision", s.pairwise_precision},
                   {"recall", s.pairwise_recall},
                   {"f1", s.pairwise_f1},
                   {"true_pairs", s.true_pairs},
                   {"predicted_pairs", s.predicted_pairs},
                   {"correct_pairs", s.correct_pairs}};
  j["bcubed"] = {
      {"precision", s.bcubed_precision}, {"recall", s.bcubed_recall}, {"f1", s.bcubed_f1}};
  j["only_in_truth"] = s.only_in_truth;
  j["only_in_register"] = s.only_in_predicted;
  if (blocking) {
    j["blocking"] = {{"recall", blocking->recall},
                     {"true_pairs", blocking->true_pairs},
                     {"found_pairs", blocking->found_pairs},
                     {"candidate_pairs", blocking->candidate_pairs}};
  }
  if (calibration) j["calibration"] = CalibrationJson(*calibration);
  std::cout << j.dump(2) << "\n";
}

void PrintText(const link::ClusteringScores& s, const LinkRunInfo& run,
               const std::optional<link::BlockingScores>& blocking,
               const std::optional<CalibrationFigures>& calibration) {
  std::cout << "register of link run " << run.run_id << " (" << run.created_at << ")\n"
            << s.records << " records evaluated; persons: " << s.true_persons << " true, "
            << s.predicted_persons << " in the register\n\n";
  TablePrinter table({"measure", "precision", "recall", "F1"});
  table.AddRow(
      {"pairwise", Fixed(s.pairwise_precision), Fixed(s.pairwise_recall), Fixed(s.pairwise_f1)});
  table.AddRow({"B-cubed", Fixed(s.bcubed_precision), Fixed(s.bcubed_recall), Fixed(s.bcubed_f1)});
  table.Print(std::cout);
  std::cout << "\npairs: " << s.true_pairs << " true, " << s.predicted_pairs << " in the register, "
            << s.correct_pairs << " correct\n";
  std::cout << "only in the truth: " << s.only_in_truth.size() << " records";
  if (!s.only_in_truth.empty()) std::cout << " (" << FirstIds(s.only_in_truth) << ")";
  std::cout << "\nonly in the register: " << s.only_in_predicted.size() << " records";
  if (!s.only_in_predicted.empty()) std::cout << " (" << FirstIds(s.only_in_predicted) << ")";
  std::cout << "\n";
  if (blocking) {
    std::cout << "blocking: " << blocking->candidate_pairs << " candidate pairs hold "
              << blocking->found_pairs << " of the " << blocking->true_pairs
              << " true pairs (recall " << Fixed(blocking->recall) << ")\n";
  }
  if (calibration) PrintCalibration(*calibration);
}

int Run(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto run = (*store)->LatestLinkRun();
  if (!run.ok()) return ReportError(run.status());
  if (!*run) {
    return ReportError(
        Status::NotFound(options.case_path + " has no register yet: run `reckon link` first"));
  }
  auto truth = ReadTruth(options.truth);
  if (!truth.ok()) return ReportError(truth.status());
  auto assignments = (*store)->ClusterAssignments();
  if (!assignments.ok()) return ReportError(assignments.status());
  const link::ClusteringScores scores =
      link::EvaluateClustering(*truth, PredictedPersons(*assignments));
  auto blocking = MeasureBlocking(**store, **run, *truth);
  if (!blocking.ok()) return ReportError(blocking.status());
  std::optional<CalibrationFigures> calibration;
  if (!options.pairs.empty()) {
    // The pairs a person decided, by record id: their probabilities in the
    // file are the decision, not the model's, and they trained any map.
    auto decisions = (*store)->ReviewDecisions();
    if (!decisions.ok()) return ReportError(decisions.status());
    std::unordered_map<int64_t, std::string> id_of;
    for (const ClusterAssignment& a : *assignments) id_of[a.record_pk] = a.record_id;
    std::set<std::pair<std::string, std::string>> decided;
    for (const ReviewDecision& d : *decisions) {
      const std::string& x = id_of[d.record_pk_a];
      const std::string& y = id_of[d.record_pk_b];
      decided.emplace(std::min(x, y), std::max(x, y));
    }
    auto outcomes = ReadPairOutcomes(options.pairs, *truth, decided);
    if (!outcomes.ok()) return ReportError(outcomes.status());
    auto settings = link::LinkSettingsFromJson((*run)->settings_json);
    if (!settings.ok()) return ReportError(settings.status());
    calibration = CalibrationFigures{
        link::MeasureCalibration(outcomes->scored),
        link::CountLinkErrors(outcomes->scored, settings->threshold),
        outcomes->household,
        outcomes->unknown,
        outcomes->decided,
        link::MeasureCalibration(Plausible(outcomes->scored, outcomes->scored, kPlausible)),
        std::nullopt,
        std::nullopt};
    bool moved = false;
    for (size_t idx = 0; idx < outcomes->recalibrated.size() && !moved; ++idx) {
      moved = outcomes->recalibrated[idx].probability != outcomes->scored[idx].probability;
    }
    if (moved) {
      calibration->recalibrated_plausible =
          link::MeasureCalibration(Plausible(outcomes->scored, outcomes->recalibrated, kPlausible));
      calibration->recalibrated_errors =
          link::CountLinkErrors(outcomes->recalibrated, settings->threshold);
    }
  }
  if (options.json) {
    PrintJson(scores, **run, *blocking, calibration);
  } else {
    PrintText(scores, **run, *blocking, calibration);
  }
  return 0;
}

}  // namespace

Command RegisterEvaluate(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app =
      root.add_subcommand("evaluate", "Score the register against ground truth (truth.csv)");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("--truth", options->truth, "CSV with the columns record_id,person_id")
      ->required();
  app->add_option("--pairs", options->pairs,
                  "The run's compared pairs (reckon link --pairs-out): also measure how well "
                  "their match probabilities are calibrated");
  app->add_flag("--json", options->json, "Print the scores as JSON");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
