// reckon report CASE --out report.html [--policy public|internal]
// [--include-minor-names] [--title TEXT] — the case's self-contained HTML report
// (report/html_report.h, docs/report.md).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "report/html_report.h"
#include "report/redaction.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string out;
  std::string policy = "public";
  bool include_minor_names = false;
  std::string title = "Report on the victims of the case";
};

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &tm);
  return buffer;
}

int Run(const Options& o) {
  auto policy = report::PolicyNamed(o.policy);
  if (!policy.ok()) return ReportError(policy.status());
  policy->include_minor_names = o.include_minor_names;
  auto store = OpenSqliteStore(o.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto data = report::LoadReportData(**store);
  if (!data.ok()) return ReportError(data.status().WithContext(o.case_path));
  report::ReportOptions options;
  options.title = o.title;
  options.case_name = o.case_path.substr(o.case_path.find_last_of('/') + 1);
  options.generated_at = NowUtc();
  options.policy = *policy;
  const std::string html = report::RenderHtmlReport(*data, options);
  const std::string tmp = o.out + ".partial";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return ReportError(Status::IoError("cannot write " + tmp));
    out << html;
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return ReportError(Status::IoError("error writing " + tmp));
    }
  }
  if (std::rename(tmp.c_str(), o.out.c_str()) != 0) {
    return ReportError(Status::IoError("cannot rename " + tmp + " to " + o.out));
  }
  std::cout << "wrote the " << policy->name << " report on " << data->figures.unique_persons
            << " persons (" << html.size() / 1024 << " KiB) to " << o.out << "\n";
  return 0;
}

}  // namespace

Command RegisterReport(CLI::App& root) {
  auto o = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("report", "Write the case's self-contained HTML report");
  app->add_option("CASE", o->case_path, "Case file")->required();
  app->add_option("--out", o->out, "Output file (.html)")->required();
  app->add_option("--policy", o->policy, "Redaction policy: public (default) or internal")
      ->check(CLI::IsMember({"public", "internal"}));
  app->add_flag("--include-minor-names", o->include_minor_names,
                "Show the names of minors (withheld by default)");
  app->add_option("--title", o->title, "Title of the report");
  return {app, [o] { return Run(*o); }};
}

}  // namespace reckon::cli
