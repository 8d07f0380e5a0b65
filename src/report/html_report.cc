#include "report/html_report.h"

#include <cmath>
#include <cstdio>

#include "casework/verification.h"
#include "report/estimate_headline.h"
#include "report/html_escape.h"
#include "report/svg_chart.h"

namespace reckon::report {
namespace {

// "95% interval LOW–HIGH", or says plainly that no interval was computed
// (e.g. an estimate run with --no-ci) instead of printing dashes.
std::string IntervalText(const EstimateHeadline& headline) {
  if (headline.low == "-" || headline.high == "-" || headline.low.empty()) {
    return "no interval computed";
  }
  if (headline.provisional) {
    return "provisional 95% interval " + headline.low + "–" + headline.high + ": " +
           headline.caveat;
  }
  return "95% interval " + headline.low + "–" + headline.high;
}

using Json = nlohmann::json;

constexpr const char* kStyle = R"css(
:root { --ink: #1d2730; --muted: #5b6670; --rule: #d5dbe0; --accent: #4b6c8f; }
* { box-sizing: border-box; }
body { font-family: "Noto Naskh Arabic", "Noto Sans", "DejaVu Sans", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 2em; }
h3 { margin-top: 1.4em; }
.meta, .note { color: var(--muted); font-size: 0.92em; }
.policy { border: 1px solid var(--rule); background: #f6f8fa; padding: 8px 12px; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; }
.summary div { border: 1px solid var(--rule); border-radius: 6px; padding: 10px; }
.summary .big { font-size: 1.9em; font-weight: bold; display: block; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92em; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: start;
         vertical-align: top; }
td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
.two { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
svg.chart { max-width: 100%; height: auto; }
.caution { border-inline-start: 4px solid #b26b00; background: #fff7e8; padding: 6px 12px; }
.victims td { font-size: 0.88em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-before: page; }
  h2.first { break-before: auto; }
  table, svg, .summary div { break-inside: avoid; }
  .victims tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string E(std::string_view text) { return EscapeHtml(text); }

std::string Fixed(double v, int digits) {
  if (!std::isfinite(v)) return "-";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

std::string JsonNumber(const Json& j, const char* key, int digits = 0) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return "-";
  return Fixed(j[key].get<double>(), digits);
}

// A figure cell: the number, marked with its key in CaseFiguresJson.
std::string FigureCell(const std::string& key, int64_t value) {
  return "<td class=\"n\" data-figure=\"" + E(key) + "\">" + std::to_string(value) + "</td>";
}

std::string Percent(int64_t part, int64_t whole) {
  return whole == 0
             ? "-"
             : Fixed(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + "%";
}

// A table of one breakdown, keyed `prefix.value`.
std::string CountsTable(const std::string& heading, const std::string& prefix,
                        const std::vector<ValueCount>& counts, int64_t total) {
  std::string h = "<table><thead><tr><th>" + E(heading) +
                  "</th><th class=\"n\">persons</th><th class=\"n\">%</th></tr></thead><tbody>";
  for (const ValueCount& c : counts) {
    h += "<tr><td dir=\"auto\">" + E(c.value) + "</td>" +
         FigureCell(prefix + "." + c.value, c.persons) + "<td class=\"n\">" +
         Percent(c.persons, total) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

std::vector<ChartValue> Known(const std::vector<ValueCount>& counts, size_t limit) {
  std::vector<ChartValue> out;
  for (const ValueCount& c : counts) {
    if (c.value == "unknown" || out.size() >= limit) continue;
    out.push_back({c.value, c.persons});
  }
  return out;
}

std::vector<ChartValue> All(const std::vector<ValueCount>& counts) {
  std::vector<ChartValue> out;
  for (const ValueCount& c : counts) out.push_back({c.value, c.persons});
  return out;
}

int64_t StatusCount(const CaseFigures& f, const std::string& status) {
  for (const ValueCount& c : f.by_status) {
    if (c.value == status) return c.persons;
  }
  return 0;
}

std::string WarningsList(const Json& j, const std::string& label) {
  std::string h;
  if (!j.is_object() || !j.contains("warnings") || !j["warnings"].is_array()) return h;
  for (const Json& w : j["warnings"]) {
    if (w.is_string()) h += "<li>" + E(label) + ": " + E(w.get<std::string>()) + "</li>";
  }
  return h;
}

// One stratum (or the unstratified result) of a stored estimate.
std::string StratumHtml(const Json& s) {
  std::string h;
  if (s.contains("estimable") && !s["estimable"].get<bool>()) {
    return "<p>Not estimable: " + E(s.value("reason", "")) + " (" + JsonNumber(s, "observed") +
           " persons observed count as a floor).</p>";
  }
  if (s.contains("lists_used")) {
    h += "<p class=\"note\">Lists used: ";
    for (const Json& l : s["lists_used"]) h += E(l.get<std::string>()) + " ";
    h += "</p>";
  }
  std::string warnings;
  if (s.contains("models") && s["models"].is_array()) {
    const std::string selected = s.contains("loglinear") && s["loglinear"]["selected"].is_string()
                                     ? s["loglinear"]["selected"].get<std::string>()
                                     : "";
    h += "<h4>Log-linear models (model comparison)</h4><table><thead><tr><th>model</th>"
         "<th class=\"n\">estimate</th><th class=\"n\">95% interval</th><th "
         "class=\"n\">deviance</th>"
         "<th class=\"n\">df</th><th class=\"n\">AIC</th><th class=\"n\">BIC</th><th></th></tr>"
         "</thead><tbody>";
    for (const Json& m : s["models"]) {
      const std::string name = m.value("name", "");
      h += "<tr><td>" + E(name) + "</td><td class=\"n\">" + JsonNumber(m, "abundance") +
           "</td><td class=\"n\">" +
           (m.contains("ci_low") ? JsonNumber(m, "ci_low") + "–" + JsonNumber(m, "ci_high") : "") +
           "</td><td class=\"n\">" + JsonNumber(m, "deviance", 2) + "</td><td class=\"n\">" +
           JsonNumber(m, "df") + "</td><td class=\"n\">" + JsonNumber(m, "aic", 2) +
           "</td><td class=\"n\">" + JsonNumber(m, "bic", 2) + "</td><td>" +
           (name == selected ? "selected" : E(m.value("reason", ""))) + "</td></tr>";
      warnings += WarningsList(m, name);
    }
    h += "</tbody></table>";
    warnings += WarningsList(s["loglinear"], "log-linear");
  }
  if (s.contains("lcmcr") && s["lcmcr"].is_object()) {
    const Json& l = s["lcmcr"];
    h += "<h4>LCMCR (latent classes)</h4><table><thead><tr><th class=\"n\">median</th>"
         "<th class=\"n\">2.5%</th><th class=\"n\">97.5%</th><th class=\"n\">R-hat</th>"
         "<th class=\"n\">effective sample size</th></tr></thead><tbody><tr><td class=\"n\">" +
         JsonNumber(l, "median") + "</td><td class=\"n\">" + JsonNumber(l, "q025") +
         "</td><td class=\"n\">" + JsonNumber(l, "q975") + "</td><td class=\"n\">" +
         JsonNumber(l, "rhat", 3) + "</td><td class=\"n\">" + JsonNumber(l, "ess") +
         "</td></tr></tbody></table>";
    if (l.contains("chains") && l["chains"].is_array() && !l["chains"].empty()) {
      h += "<table><thead><tr><th>chain</th><th class=\"n\">median</th><th class=\"n\">2.5%</th>"
           "<th class=\"n\">97.5%</th><th class=\"n\">effective draws</th><th "
           "class=\"n\">alpha</th></tr></thead><tbody>";
      int chain_number = 0;
      for (const Json& c : l["chains"]) {
        h += "<tr><td>" + std::to_string(++chain_number) + "</td><td class=\"n\">" +
             JsonNumber(c, "median") + "</td><td class=\"n\">" + JsonNumber(c, "q025") +
             "</td><td class=\"n\">" + JsonNumber(c, "q975") + "</td><td class=\"n\">" +
             JsonNumber(c, "ess") + "</td><td class=\"n\">" + JsonNumber(c, "alpha_median", 4) +
             "</td></tr>";
      }
      h += "</tbody></table>";
    }
    const bool checked = l.contains("converged") && l["converged"].is_boolean();
    const bool disagree = checked && !l["converged"].get<bool>();
    h += !checked ? "<p class=\"note\">Convergence: stored before Reckon checked it; R-hat near 1 "
                    "and an effective sample size in the hundreds mean the chains agree.</p>"
         : disagree
             ? "<p class=\"note\" data-figure=\"estimate.lcmcr.provisional\"><strong>The "
               "sampler has not converged: this interval is provisional.</strong> Chains "
               "started apart should end in the same posterior, each with at least 100 "
               "effective draws; these did not (see the warnings), so the estimate must be "
               "run longer before it is published.</p>"
             : "<p class=\"note\">Convergence: independently started chains agree (split "
               "R-hat of N, alpha and the largest class's weight below 1.05) and each has at "
               "least 100 effective draws.</p>";
    warnings += WarningsList(l, "LCMCR");
  }
  if (s.contains("dga") && s["dga"].is_object()) {
    const Json& d = s["dga"];
    h += "<h4>dga (model averaging over decomposable graphs)</h4><table><thead><tr>"
         "<th class=\"n\">median</th><th class=\"n\">2.5%</th><th class=\"n\">97.5%</th>"
         "<th class=\"n\">graphs</th></tr></thead><tbody><tr><td class=\"n\">" +
         JsonNumber(d, "median") + "</td><td class=\"n\">" + JsonNumber(d, "q025") +
         "</td><td class=\"n\">" + JsonNumber(d, "q975") + "</td><td class=\"n\">" +
         JsonNumber(d, "graphs") + "</td></tr></tbody></table>";
    warnings += WarningsList(d, "dga");
  }
  if (s.contains("errors") && s["errors"].is_array()) {
    for (const Json& e : s["errors"])
      warnings += "<li>not run: " + E(e.get<std::string>()) + "</li>";
  }
  if (!warnings.empty()) h += "<p>Warnings:</p><ul>" + warnings + "</ul>";
  return h;
}

std::string EstimateSection(const ReportData& data) {
  std::string h = "<section id=\"estimate\"><h2>Estimated total</h2>";
  if (!data.estimate) {
    return h +
           "<p>No estimate is stored in this case. Run <code>reckon estimate CASE</code> to "
           "estimate how many victims no list recorded.</p></section>";
  }
  const StoredEstimateView& e = *data.estimate;
  const Json& r = e.result;
  h += "<p class=\"meta\">Stored estimate " + std::to_string(e.id) + " of " + E(e.created_at) +
       ", method " + E(e.method) +
       (e.stratify_by.empty() ? "" : ", stratified by " + E(e.stratify_by)) +
       (e.link_run_id ? ", on link run " + std::to_string(*e.link_run_id) : "") + ".</p>";
  if (data.figures.estimate && !data.figures.estimate->on_latest_register) {
    h += "<p class=\"caution\">This estimate was computed on an earlier register than the one "
         "the figures above describe: run <code>reckon estimate</code> again.</p>";
  }
  if (auto headline = EstimateHeadlineOf(r)) {
    h += "<p>Estimated total: <strong data-figure=\"estimate.headline.total\">" + headline->value +
         "</strong> (" + IntervalText(*headline) + "), " + E(headline->method) + ".</p>";
  }
  if (r.contains("strata") && r["strata"].is_array()) {
    for (const Json& s : r["strata"]) {
      h += "<h3 dir=\"auto\">Stratum " + E(s.value("stratum", "")) + " (" +
           JsonNumber(s, "observed") + " observed)</h3>" + StratumHtml(s);
    }
    if (r.contains("total")) {
      const Json& t = r["total"];
      h += "<h3>Total over strata</h3><table><thead><tr><th>method</th><th class=\"n\">estimate"
           "</th><th class=\"n\">2.5%</th><th class=\"n\">97.5%</th></tr></thead><tbody>";
      if (t.contains("loglinear")) {
        const double n = t["loglinear"].value("abundance", 0.0);
        const double se = t["loglinear"].value("stderr", 0.0);
        h += "<tr><td>log-linear</td><td class=\"n\">" + Fixed(n, 0) + "</td><td class=\"n\">" +
             Fixed(n - 1.96 * se, 0) + "</td><td class=\"n\">" + Fixed(n + 1.96 * se, 0) +
             "</td></tr>";
      }
      for (const char* m : {"lcmcr", "dga"}) {
        if (!t.contains(m)) continue;
        h += std::string("<tr><td>") + m + "</td><td class=\"n\">" + JsonNumber(t[m], "median") +
             "</td><td class=\"n\">" + JsonNumber(t[m], "q025") + "</td><td class=\"n\">" +
             JsonNumber(t[m], "q975") + "</td></tr>";
      }
      h += "</tbody></table>";
    }
  } else {
    h += StratumHtml(r);
  }
  const Json* sensitivity = nullptr;
  if (data.linkage_sensitivity) sensitivity = &*data.linkage_sensitivity;
  if (sensitivity && sensitivity->is_array()) {
    h += "<h3>Sensitivity to linkage</h3><table><thead><tr><th class=\"n\">match threshold</th>"
         "<th class=\"n\">persons</th><th class=\"n\">log-linear</th><th class=\"n\">LCMCR</th>"
         "<th class=\"n\">dga</th></tr></thead><tbody>";
    for (const Json& row : *sensitivity) {
      h += "<tr><td class=\"n\">" + JsonNumber(row, "threshold", 2) +
           (row.value("chosen", false) ? " (chosen)" : "") + "</td><td class=\"n\">" +
           JsonNumber(row, "observed") + "</td><td class=\"n\">" + JsonNumber(row, "loglinear") +
           "</td><td class=\"n\">" + JsonNumber(row, "lcmcr") + "</td><td class=\"n\">" +
           JsonNumber(row, "dga") + "</td></tr>";
    }
    h += "</tbody></table>";
  }
  if (r.contains("notes") && r["notes"].is_array() && !r["notes"].empty()) {
    h += "<ul class=\"note\">";
    for (const Json& n : r["notes"]) h += "<li>" + E(n.get<std::string>()) + "</li>";
    h += "</ul>";
  }
  h += R"(<div class="caution"><p><strong>How to read these estimates.</strong> They infer how
many victims no list recorded from how the lists overlap. They assume the lists are a fair picture
of the same population: lists that depend on each other (one copying another, or recording the same
kind of victim) and victims who are much easier to record than others can move the answer by a
factor of two. Different methods make different assumptions; where they disagree, the disagreement
is part of the uncertainty. Errors in linking records to persons bias the estimate: missed links
raise it, wrong merges lower it. An estimate is not a count of named victims.</p></div>)";
  return h + "</section>";
}

std::string Header(const ReportData& data, const ReportOptions& options) {
  std::string h = "<header><h1 dir=\"auto\">" + E(options.title) + "</h1><p class=\"meta\">";
  if (!options.case_name.empty()) h += "Case file " + E(options.case_name) + ". ";
  if (!options.generated_at.empty()) h += "Generated " + E(options.generated_at) + " (UTC). ";
  if (data.link_run) {
    h += "Register of link run " + std::to_string(data.link_run->run_id) + " (" +
         E(data.link_run->created_at) + ").";
  }
  h += "</p><p class=\"policy\" data-policy=\"" + E(options.policy.name) + "\">" +
       E(PolicyStatement(options.policy)) + "</p></header>";
  return h;
}

std::string SummarySection(const ReportData& data) {
  const CaseFigures& f = data.figures;
  auto box = [](const std::string& label, const std::string& key, const std::string& value) {
    return "<div><span class=\"big\" data-figure=\"" + key + "\">" + value + "</span>" + label +
           "</div>";
  };
  std::string h = "<section id=\"summary\"><h2 class=\"first\">Summary</h2><div class=\"summary\">";
  h += box("records received", "records_received", std::to_string(f.records_received));
  h += box("unique persons", "unique_persons", std::to_string(f.unique_persons));
  if (!f.by_status.empty()) {
    h += box("corroborated", "by_status.corroborated",
             std::to_string(StatusCount(f, "corroborated")));
    h += box("verified", "by_status.verified", std::to_string(StatusCount(f, "verified")));
  }
  h += box("minors (under 18)", "minors", std::to_string(f.minors));
  if (data.estimate) {
    if (auto headline = EstimateHeadlineOf(data.estimate->result)) {
      h += "<div><span class=\"big\">" + headline->value + "</span>estimated total (" +
           IntervalText(*headline) + "; " + E(data.estimate->method) + ")</div>";
    }
  }
  h += "</div>";
  if (!f.link_run_id) {
    h += "<p>The records have not been linked into a register yet: figures about persons are "
         "empty. Run <code>reckon link</code>.</p>";
  }
  return h + "</section>";
}

std::string SourcesSection(const ReportData& data) {
  const CaseFigures& f = data.figures;
  std::string h =
      "<section id=\"sources\"><h2>Sources</h2><table><thead><tr><th>source</th><th>kind</th>"
      "<th class=\"n\">records</th><th>derived from</th><th>independent</th></tr></thead><tbody>";
  for (const SourceFigures& s : f.sources) {
    h += "<tr><td dir=\"auto\">" + E(s.name) + "</td><td>" + E(s.kind) + "</td>" +
         FigureCell("sources." + s.name + ".records", s.records) + "<td dir=\"auto\">" +
         E(s.derived_from.value_or("")) + "</td><td>" + (s.independent ? "yes" : "no") +
         "</td></tr>";
  }
  h += "</tbody></table><p class=\"note\">A source derived from another copies it: it is not "
       "independent evidence, and estimation merges it into the source it derives from.</p>";
  h += "<h3>Overlap between sources</h3><p>How many persons each combination of sources names "
       "(capture patterns).</p>";
  std::vector<std::string> names;
  for (const SourceFigures& s : f.sources) names.push_back(s.name);
  std::vector<UpsetColumn> columns;
  for (const SourceCombination& c : f.overlap) columns.push_back({c.member, c.persons});
  if (columns.size() > 40) columns.resize(40);
  h += UpsetSvg(names, columns, {"Persons by combination of sources", 900});
  h += "<table><thead><tr><th>sources naming the person</th><th class=\"n\">persons</th>"
       "<th class=\"n\">%</th></tr></thead><tbody>";
  for (const SourceCombination& c : f.overlap) {
    const std::string name = CombinationName(f, c);
    h += "<tr><td dir=\"auto\">" + E(name) + "</td>" + FigureCell("overlap." + name, c.persons) +
         "<td class=\"n\">" + Percent(c.persons, f.unique_persons) + "</td></tr>";
  }
  return h + "</tbody></table></section>";
}

std::string DeathsSection(const ReportData& data) {
  const CaseFigures& f = data.figures;
  const int64_t n = f.unique_persons;
  std::string h = "<section id=\"deaths\"><h2>Deaths by date, place, sex and age</h2>";
  if (!f.by_status.empty()) {
    h += "<h3>Verification status</h3>" + BarChartSvg(All(f.by_status), {"Persons by status"}) +
         CountsTable("status", "by_status", f.by_status, n);
  }
  h += "<h3>By date of death</h3>" + TimelineSvg(All(f.by_death_date), {"Deaths by day", 900}) +
       CountsTable("date of death", "by_death_date", f.by_death_date, n);
  h += "<h3>By place</h3><div class=\"two\"><div>" +
       BarChartSvg(Known(f.by_governorate, 25), {"Persons by governorate", 480}) +
       CountsTable("governorate", "by_governorate", f.by_governorate, n) + "</div><div>" +
       BarChartSvg(Known(f.by_district, 25), {"Persons by district", 480}) +
       CountsTable("district", "by_district", f.by_district, n) + "</div></div>";
  h += "<p class=\"note\">A person's place is the most common among their records, after "
       "resolving each record's place through the gazetteer (docs/report.md).</p>";
  h += "<h3>By sex and age group</h3><div class=\"two\"><div>" +
       BarChartSvg(All(f.by_sex), {"Persons by sex", 480}) +
       CountsTable("sex", "by_sex", f.by_sex, n) + "</div><div>" +
       BarChartSvg(All(f.by_age_group), {"Persons by age group", 480}) +
       CountsTable("age group", "by_age_group", f.by_age_group, n) + "</div></div>";
  return h + "</section>";
}

std::string IncidentsSection(const ReportData& data, const ReportOptions& options) {
  std::string h = "<section id=\"incidents\"><h2>Incidents</h2>";
  if (data.incidents.empty()) return h + "<p>No incidents are recorded in this case.</p></section>";
  const bool internal = options.policy.name == "internal";
  h += "<table><thead><tr><th>incident</th><th>type</th><th>dates</th><th>place</th>"
       "<th>alleged perpetrator</th><th>basis of the attribution</th>"
       "<th class=\"n\">persons linked</th>";
  if (internal) h += "<th>description</th>";
  h += "</tr></thead><tbody>";
  for (const Incident& incident : data.incidents) {
    int64_t persons = 0;
    for (const IncidentFigure& i : data.figures.by_incident) {
      if (i.incident_id == incident.incident_id) persons = i.persons;
    }
    std::string dates = incident.start_date;
    if (!incident.end_date.empty() && incident.end_date != incident.start_date) {
      dates += " – " + incident.end_date;
    }
    h += "<tr><td dir=\"auto\">" + E(incident.title) + "</td><td>" + E(incident.incident_type) +
         "</td><td>" + E(dates) + "</td><td dir=\"auto\">" + E(incident.place) +
         "</td><td dir=\"auto\">" + E(incident.perpetrator) + "</td><td dir=\"auto\">" +
         E(incident.attribution_basis) + "</td>" +
         FigureCell("by_incident." + std::to_string(incident.incident_id) + ".persons", persons);
    if (internal) h += "<td dir=\"auto\">" + E(incident.description) + "</td>";
    h += "</tr>";
  }
  h += "</tbody></table><p class=\"note\">Attributions are allegations with the basis stated; "
       "they are not findings of responsibility.</p>";
  return h + "</section>";
}

std::string MethodSection(const ReportData& data) {
  std::string h = R"(<section id="method"><h2>Method</h2>
<h3>Inclusion</h3><p>Every row of every list received is kept as a record, with its source, the
file's SHA-256 hash and its row number; values that could not be read are kept as given and
flagged, never dropped. A person enters the register when at least one record names them. Sources
declare their kind and whether they copy another source.</p>
<h3>Linkage</h3><p>Records describing the same person are linked into one person: candidate pairs
from several blocking rules (names, father's name, month and day of death, place), compared field by
field with Arabic-aware name comparison (orthographic variants, compound names, name chains, Latin
transliterations), scored with a Fellegi–Sunter model whose parameters are estimated by EM with
term-frequency adjustment, and clustered without merging records that contradict each other
(households: relatives killed together are kept apart). Human review decisions override the model
and survive re-linking.</p>)";
  if (data.link_run) {
    Json summary = Json::parse(data.link_run->summary_json, nullptr, false);
    Json settings = Json::parse(data.link_run->settings_json, nullptr, false);
    h += "<table><tbody>";
    auto row = [&](const std::string& label, const Json& j, const char* key, int digits = 0) {
      if (j.is_object() && j.contains(key) && j[key].is_number()) {
        h += "<tr><td>" + E(label) + "</td><td class=\"n\">" + JsonNumber(j, key, digits) +
             "</td></tr>";
      }
    };
    row("match threshold (probability)", settings, "threshold", 2);
    row("records linked", summary, "records");
    row("persons", summary, "persons");
    row("persons named by several sources", summary, "persons_on_several_sources");
    row("candidate pairs compared", summary, "candidate_pairs");
    row("pairs linked", summary, "matched_pairs");
    row("pairs left for review", summary, "review_pairs");
    row("merges refused (contradictions)", summary, "refused_merges");
    h += "<tr><td>human review decisions</td><td class=\"n\">" +
         std::to_string(data.review_decisions) + "</td></tr></tbody></table>";
    h += "<p class=\"note\">The linkage's accuracy against labelled pairs is not stored in the "
         "case; <code>reckon evaluate</code> measures it when a truth file exists.</p>";
  }
  h += R"(<h3>Verification</h3><p>Each person's status is computed from the register and can be
overridden by an investigator's decision with a written rationale, kept with its history:
<em>reported</em> (named by one primary origin only), <em>corroborated</em> (named by two or more
independent sources — sources that copy another count once), <em>verified</em> (an investigator
confirmed the case on evidence or testimony), <em>disputed</em> (conflicting information under
review), <em>rejected</em> (found not to be a victim of these events, or a duplicate). Only
investigators' decisions make a case verified, disputed or rejected.</p>
<h3>Which value a person gets</h3><p>When a person's records disagree, the report shows the most
common value among them (place, sex, date of death, age); names are shown in each script as the
most common full name. Figures by date count only dates known to the day.</p></section>)";
  return h;
}

std::string VictimsSection(const ReportData& data, const ReportOptions& options) {
  std::string h = "<section id=\"victims\"><h2>List of victims</h2><p class=\"note\">" +
                  E(PolicyStatement(options.policy)) + " " + std::to_string(data.persons.size()) +
                  " persons, by register id.</p><table class=\"victims\"><thead><tr>"
                  "<th class=\"n\">id</th><th>name (Arabic)</th><th>name (Latin)</th><th>sex</th>"
                  "<th class=\"n\">age</th><th>date of death</th><th>place</th>";
  const bool with_status = !data.status_of_person.empty();
  if (with_status) h += "<th>status</th>";
  h += "<th>sources</th></tr></thead><tbody>";
  for (const PersonSummary& p : data.persons) {
    const DisplayNames names = NamesFor(p, options.policy);
    std::string place = p.locality;
    for (const std::string* part : {&p.district, &p.governorate}) {
      if (part->empty() || *part == place) continue;
      place += (place.empty() ? "" : ", ") + *part;
    }
    std::string sources;
    for (const std::string& s : p.sources) sources += (sources.empty() ? "" : ", ") + s;
    h += "<tr><td class=\"n\">" + std::to_string(p.person_id) +
         "</td><td dir=\"rtl\" lang=\"ar\">" + E(names.arabic) + "</td><td dir=\"auto\">" +
         E(names.latin) + "</td><td>" + E(p.sex) + "</td><td class=\"n\">" + E(p.age_text) +
         "</td><td>" + E(p.death_date) + "</td><td dir=\"auto\">" + E(place) + "</td>";
    if (with_status) {
      const auto it = data.status_of_person.find(p.person_id);
      h += "<td>" + E(it == data.status_of_person.end() ? "" : it->second) + "</td>";
    }
    h += "<td dir=\"auto\">" + E(sources) + "</td></tr>";
  }
  return h + "</tbody></table></section>";
}

}  // namespace

Result<ReportData> LoadReportData(Store& store) {
  ReportData data;
  RECKON_ASSIGN_OR_RETURN(data.persons, SummarisePersons(store));
  RECKON_ASSIGN_OR_RETURN(data.link_run, store.LatestLinkRun());
  std::vector<PersonVerification> statuses;
  if (data.link_run) {
    RECKON_ASSIGN_OR_RETURN(statuses, ComputePersonStatuses(store));
  }
  for (const PersonVerification& v : statuses) {
    data.status_of_person[v.person_id] = std::string(PersonStatusName(v.status));
  }
  RECKON_ASSIGN_OR_RETURN(data.figures, ComputeCaseFigures(store, data.persons, statuses));
  RECKON_ASSIGN_OR_RETURN(std::vector<ReviewDecision> decisions, store.ReviewDecisions());
  data.review_decisions = static_cast<int64_t>(decisions.size());
  RECKON_ASSIGN_OR_RETURN(data.incidents, store.ListIncidents());
  RECKON_ASSIGN_OR_RETURN(std::vector<EstimateRun> estimates, store.EstimateRuns());
  for (const EstimateRun& run : estimates) {  // newest first
    Json result = Json::parse(run.result_json, nullptr, false);
    if (run.input == "linkage_sensitivity" && !data.linkage_sensitivity &&
        result.contains("linkage_sensitivity")) {
      data.linkage_sensitivity = result["linkage_sensitivity"];
    }
    if (run.input == "register" && !data.estimate && data.figures.estimate &&
        data.figures.estimate->estimate_run_id == run.estimate_run_id) {
      data.estimate = StoredEstimateView{run.estimate_run_id, run.created_at,  run.method,
                                         run.stratify_by,     run.link_run_id, std::move(result)};
    }
  }
  return data;
}

std::string RenderHtmlReport(const ReportData& data, const ReportOptions& options) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"referrer\" content=\"no-referrer\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\"><title>" +
      E(options.title) + "</title><style>" + kStyle + "</style></head><body>";
  h += Header(data, options);
  h += SummarySection(data);
  h += SourcesSection(data);
  h += DeathsSection(data);
  h += IncidentsSection(data, options);
  h += EstimateSection(data);
  h += MethodSection(data);
  h += VictimsSection(data, options);
  h += "<footer class=\"note\"><p>Produced by Reckon from the case file; every figure above is "
       "computed by the same function as <code>reckon stats</code>.</p></footer></body></html>\n";
  return h;
}

}  // namespace reckon::report
