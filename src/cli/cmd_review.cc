// reckon review CASE — decide the uncertain pairs of the register, most useful first.
//
// Interactive on a terminal: the two records side by side with the field-by-
// field explanation; keys m (same person), n (different people), s (skip),
// q (quit). Each decision is stored at once with the reviewer's name and
// survives every later `reckon link`. Non-interactive:
//   reckon review CASE --decide RECORD_A RECORD_B match|nonmatch --reviewer NAME
#include <unistd.h>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <unordered_map>

#include "cli/command.h"
#include "cli/table_printer.h"
#include "link/explain.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string reviewer;
  std::vector<std::string> decide;  // A B match|nonmatch
  std::string note;
  int64_t limit = 0;
};

std::string Cell(const std::string& value) { return value.empty() ? "-" : value; }

void PrintSideBySide(const StoredRecord& a, const StoredRecord& b) {
  TablePrinter table({"", "A", "B"});
  auto row = [&](const char* label, const std::string& x, const std::string& y) {
    table.AddRow({label, Cell(x), Cell(y)});
  };
  row("source / id", a.source + " " + a.fields.record_id, b.source + " " + b.fields.record_id);
  row("full name", a.fields.full_name, b.fields.full_name);
  row("given", a.fields.given_name, b.fields.given_name);
  row("father", a.fields.father_name, b.fields.father_name);
  row("grandfather", a.fields.grandfather_name, b.fields.grandfather_name);
  row("family", a.fields.family_name, b.fields.family_name);
  row("mother", a.fields.mother_name, b.fields.mother_name);
  row("sex", a.fields.sex, b.fields.sex);
  row("age", AgeText(a.fields), AgeText(b.fields));
  row("death date", a.fields.death_date, b.fields.death_date);
  row("place", a.fields.locality + " " + a.fields.district + " " + a.fields.governorate,
      b.fields.locality + " " + b.fields.district + " " + b.fields.governorate);
  table.Print(std::cout, 45);
}

int Decide(Store& store, const Options& options) {
  if (options.reviewer.empty()) {
    return ReportError(Status::InvalidArgument("--reviewer NAME is required for a decision"));
  }
  const std::string& verdict = options.decide[2];
  if (verdict != "match" && verdict != "nonmatch") {
    return ReportError(
        Status::InvalidArgument("a decision is 'match' or 'nonmatch', not '" + verdict + "'"));
  }
  auto a = store.FindRecord(options.decide[0]);
  if (!a.ok()) return ReportError(a.status());
  auto b = store.FindRecord(options.decide[1]);
  if (!b.ok()) return ReportError(b.status());
  if (a->record_pk == b->record_pk) {
    return ReportError(Status::InvalidArgument("a decision needs two different records"));
  }
  ReviewDecision decision;
  decision.record_pk_a = std::min(a->record_pk, b->record_pk);
  decision.record_pk_b = std::max(a->record_pk, b->record_pk);
  decision.match = verdict == "match";
  decision.reviewer = options.reviewer;
  decision.note = options.note;
  if (Status status = store.SaveReviewDecision(decision); !status.ok()) return ReportError(status);
  std::cout << "recorded: " << options.decide[0] << " and " << options.decide[1] << " are "
            << (decision.match ? "the same person" : "different people") << " (by "
            << options.reviewer << "); it applies from the next `reckon link`\n";
  return 0;
}

int Interactive(Store& store, const Options& options) {
  if (options.reviewer.empty()) {
    return ReportError(Status::InvalidArgument("--reviewer NAME is required"));
  }
  auto run = store.LatestLinkRun();
  if (!run.ok()) return ReportError(run.status());
  if (!*run) {
    return ReportError(Status::NotFound("the case has no register yet; run `reckon link` first"));
  }
  auto pairs = store.ReviewPairs();
  if (!pairs.ok()) return ReportError(pairs.status());
  auto decisions = store.ReviewDecisions();
  if (!decisions.ok()) return ReportError(decisions.status());
  // Explanations score as the run did (its term-frequency setting).
  auto settings = link::LinkSettingsFromJson((*run)->settings_json);
  if (!settings.ok()) return ReportError(settings.status());
  link::LinkContext context;
  auto model = link::FellegiSunterModel::FromJson((*run)->model_json);
  if (!model.ok()) return ReportError(model.status());
  context.model = *model;
  if (Status status = link::LoadLinkRecords(store, context, 2); !status.ok()) {
    return ReportError(status);
  }
  std::unordered_map<int64_t, size_t> index_of_pk;
  for (size_t i = 0; i < context.records.size(); ++i) index_of_pk[context.records[i].record_pk] = i;
  std::set<std::pair<int64_t, int64_t>> decided;
  for (const auto& d : *decisions) decided.emplace(d.record_pk_a, d.record_pk_b);
  size_t shown = 0;
  size_t recorded = 0;
  for (const auto& pair : *pairs) {
    if (options.limit > 0 && static_cast<int64_t>(shown) >= options.limit) break;
    if (decided.count({pair.record_pk_a, pair.record_pk_b})) continue;
    const size_t a = index_of_pk[pair.record_pk_a];
    const size_t b = index_of_pk[pair.record_pk_b];
    ++shown;
    std::cout << "\n=== pair " << shown << " of " << pairs->size() << " (match probability "
              << std::fixed << std::setprecision(3) << pair.probability << ")\n";
    PrintSideBySide(context.stored[a], context.stored[b]);
    const link::Explanation e = link::ExplainPair(context, a, b, *settings);
    std::cout << "\n";
    for (const auto& line : e.lines) {
      std::ostringstream weight;
      weight << std::showpos << std::fixed << std::setprecision(2) << line.weight;
      std::cout << "  " << std::left << std::setw(28) << line.label << std::setw(9) << weight.str()
                << line.detail << "\n";
    }
    std::cout << "  name chains: " << e.relation << "\n";
    std::cout << "[m] same person  [n] different people  [s] skip  [q] quit > " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer) || answer == "q") break;
    if (answer != "m" && answer != "n") continue;
    ReviewDecision decision{pair.record_pk_a, pair.record_pk_b, answer == "m",
                            options.reviewer, options.note,     ""};
    if (Status status = store.SaveReviewDecision(decision); !status.ok()) {
      return ReportError(status);
    }
    ++recorded;
  }
  std::cout << "\n" << recorded << " decisions recorded; run `reckon link` to apply them\n";
  return 0;
}

}  // namespace

Command RegisterReview(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand(
      "review", "Decide uncertain pairs (interactive), or record one decision with --decide");
  app->add_option("CASE", options->case_path, "Case file")->required();
  app->add_option("--reviewer", options->reviewer, "Your name, stored with each decision");
  app->add_option("--decide", options->decide, "RECORD_A RECORD_B match|nonmatch")->expected(3);
  app->add_option("--note", options->note, "A note stored with the decision");
  app->add_option("--limit", options->limit, "Show at most N pairs");
  return {app, [options] {
            auto store = OpenSqliteStore(options->case_path, OpenMode::kOpenExisting);
            if (!store.ok()) return ReportError(store.status());
            if (!options->decide.empty()) return Decide(**store, *options);
            return Interactive(**store, *options);
          }};
}

}  // namespace reckon::cli
