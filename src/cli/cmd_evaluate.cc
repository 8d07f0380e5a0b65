// reckon evaluate CASE --truth FILE.csv [--json] — scores the case's register
// against ground truth (truth.csv of `reckon simulate`: record_id,person_id,...):
// pairwise and B-cubed precision, recall and F1 (link/evaluation.h).
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "common/strings.h"
#include "ingest/csv_reader.h"
#include "ingest/text_source.h"
#include "link/blocking.h"
#include "link/evaluation.h"
#include "link/linker.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string truth;
  bool json = false;
};

constexpr size_t kIdsShown = 10;  // unmatched ids listed in the text output

// record_id -> person_id from a truth CSV whose header has both columns (others
// are ignored). Errors name the file and line: a missing column, an empty id,
// a record listed twice.
Result<std::unordered_map<std::string, std::string>> ReadTruth(const std::string& path) {
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<FileTextSource> source,
                          FileTextSource::Open(path, std::nullopt));
  Result<CsvReader> created = CsvReader::Create(source.get(), std::nullopt);
  if (!created.ok()) return created.status().WithContext(path);
  CsvReader reader = std::move(created).value();
  CsvRecord record;
  Result<bool> has_header = reader.Next(record);
  if (!has_header.ok()) return has_header.status().WithContext(path);
  if (!*has_header) return Status::DataError(path + ": empty file, expected record_id,person_id");
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

void PrintJson(const link::ClusteringScores& s, const LinkRunInfo& run,
               const std::optional<link::BlockingScores>& blocking) {
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
  std::cout << j.dump(2) << "\n";
}

void PrintText(const link::ClusteringScores& s, const LinkRunInfo& run,
               const std::optional<link::BlockingScores>& blocking) {
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
  if (options.json) {
    PrintJson(scores, **run, *blocking);
  } else {
    PrintText(scores, **run, *blocking);
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
  app->add_flag("--json", options->json, "Print the scores as JSON");
  return {app, [options] { return Run(*options); }};
}

}  // namespace reckon::cli
