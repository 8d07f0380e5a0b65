#include "simulate/simulator.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "common/csv_writer.h"
#include "simulate/civil_date.h"
#include "simulate/gazetteer_data.h"
#include "simulate/list_model.h"
#include "simulate/name_tables.h"
#include "simulate/output_file.h"
#include "simulate/population.h"
#include "simulate/record_renderer.h"
#include "simulate/rng.h"

namespace reckon::simulate {
namespace {

// One row to write in a list: who, which report, and where it sorts.
struct Entry {
  uint64_t key = 0;
  uint32_t person = 0;
  uint16_t report = 0;  // 0 = first report, 1 = duplicate
  uint16_t copied = 0;  // 1 when the record is a copy from the parent list
};

std::string PaddedId(std::string_view prefix, uint64_t number) {
  char digits[24];
  std::snprintf(digits, sizeof(digits), "%07llu", static_cast<unsigned long long>(number));
  return std::string(prefix) + digits;
}

std::string PersonId(uint32_t person_idx) { return PaddedId("P", person_idx + 1ULL); }

std::string JoinPath(const std::string& dir, const std::string& file) {
  return (std::filesystem::path(dir) / file).string();
}

// The list whose own report a copy reproduces: follow copies up the chain.
size_t CopyOrigin(const SimulateConfig& config, const CaptureTable& captures, size_t list_idx,
                  uint32_t person_idx) {
  size_t origin = static_cast<size_t>(config.lists[list_idx].depends_on - 1);
  while ((captures.copied[person_idx] >> origin & 1u) != 0) {
    origin = static_cast<size_t>(config.lists[origin].depends_on - 1);
  }
  return origin;
}

std::vector<Entry> ListEntries(const SimulateConfig& config, const Population& population,
                               const CaptureTable& captures, size_t list_idx, int window_start) {
  const ListSpec& list = config.lists[list_idx];
  const std::vector<Person>& persons = population.persons();
  std::vector<Entry> entries;
  for (size_t person_idx = 0; person_idx < persons.size(); ++person_idx) {
    if ((captures.listed[person_idx] >> list_idx & 1u) == 0) continue;
    const auto person = static_cast<uint32_t>(person_idx);
    const bool copied = (captures.copied[person_idx] >> list_idx & 1u) != 0;
    Rng rng(StreamKey(config.seed, kStreamDuplicate, list_idx, person_idx));
    const uint16_t reports = rng.Bernoulli(list.duplicate_rate) ? 2 : 1;
    for (uint16_t report = 0; report < reports; ++report) {
      Entry entry;
      entry.person = person;
      entry.report = report;
      entry.copied = report == 0 && copied ? 1 : 0;
      entry.key = StreamKey(config.seed, kStreamOrder, list_idx, person_idx, report);
      if (list.order == RecordOrder::kPlaceDate) {
        const Person& subject = persons[person_idx];
        const auto day =
            static_cast<uint64_t>(std::clamp(subject.death_day - window_start, 0, 0xFFFF));
        entry.key = (uint64_t{subject.locality} << 48) | (day << 32) | (entry.key & 0xFFFFFFFFu);
      }
      entries.push_back(entry);
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.person != b.person) return a.person < b.person;
    return a.report < b.report;
  });
  return entries;
}

Status WriteList(const SimulateConfig& config, const Population& population,
                 const CaptureTable& captures, const RecordRenderer& renderer, size_t list_idx,
                 int window_start, const std::string& path, CsvWriter& truth,
                 ListSummary& summary) {
  const ListSpec& list = config.lists[list_idx];
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> file, OutputFile::Create(path));
  CsvWriter csv(file->stream());
  csv.WriteRow(RecordRenderer::Columns(list));

  const std::vector<Entry> entries =
      ListEntries(config, population, captures, list_idx, window_start);
  const std::string prefix = "L" + std::to_string(list_idx + 1) + "-";
  std::vector<std::string> cells;
  std::vector<std::string> row;
  std::vector<std::string> truth_row(5);
  for (size_t entry_idx = 0; entry_idx < entries.size(); ++entry_idx) {
    const Entry& entry = entries[entry_idx];
    const Person& person = population.persons()[entry.person];
    std::string record_id = PaddedId(prefix, entry_idx + 1);
    size_t origin = list_idx;
    if (entry.copied != 0) origin = CopyOrigin(config, captures, list_idx, entry.person);
    const NoisyRecord record =
        renderer.Render(origin, entry.person, person, entry.copied != 0 ? 0 : entry.report);
    renderer.Format(list_idx, entry.person, entry.report, record, cells);
    row.clear();
    row.push_back(record_id);
    row.insert(row.end(), std::make_move_iterator(cells.begin()),
               std::make_move_iterator(cells.end()));
    csv.WriteRow(row);

    truth_row[0] = std::move(record_id);
    truth_row[1] = PersonId(entry.person);
    truth_row[2] = list.name;
    truth_row[3] = std::to_string(entry.report);
    truth_row[4] = entry.copied != 0 ? config.lists[origin].name : std::string();
    truth.WriteRow(truth_row);

    ++summary.records;
    if (entry.report == 0)
      ++summary.persons;
    else
      ++summary.duplicates;
    if (entry.copied != 0) ++summary.copied;
  }
  return file->Close();
}

Status WritePopulation(const SimulateConfig& config, const Population& population,
                       const CaptureTable& captures, const Gazetteer& gazetteer,
                       const RecordRenderer& renderer, const std::string& path) {
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> file, OutputFile::Create(path));
  CsvWriter csv(file->stream());
  csv.WriteRow(std::vector<std::string>{"person_id",
                                        "household_id",
                                        "relation",
                                        "sex",
                                        "age",
                                        "given_name",
                                        "father_name",
                                        "grandfather_name",
                                        "family_name",
                                        "mother_name",
                                        "given_name_latin",
                                        "father_name_latin",
                                        "grandfather_name_latin",
                                        "family_name_latin",
                                        "mother_name_latin",
                                        "locality_pcode",
                                        "locality",
                                        "district",
                                        "governorate",
                                        "death_date",
                                        "capture_history"});
  const size_t list_count = config.lists.size();
  std::vector<std::string> row(21);
  const std::vector<Person>& persons = population.persons();
  for (size_t person_idx = 0; person_idx < persons.size(); ++person_idx) {
    const Person& person = persons[person_idx];
    const GazetteerLocality& place = gazetteer.localities()[person.locality];
    row[0] = PersonId(static_cast<uint32_t>(person_idx));
    row[1] = PaddedId("H", person.household);
    row[2] = std::string(RelationName(person.relation));
    row[3] = person.sex == Sex::kMale ? "M" : "F";
    row[4] = std::to_string(person.age);
    for (int latin = 0; latin < 2; ++latin) {
      const size_t base = latin == 0 ? 5 : 10;
      row[base] = renderer.CanonicalGiven(person, latin != 0);
      row[base + 1] = renderer.CanonicalMale(person.father, latin != 0);
      row[base + 2] = renderer.CanonicalMale(person.grandfather, latin != 0);
      row[base + 3] = renderer.CanonicalFamily(person.family, latin != 0);
      row[base + 4] = renderer.CanonicalFemale(person.mother, latin != 0);
    }
    row[15] = place.locality.pcode;
    row[16] = place.locality.name_en;
    row[17] = place.district.name_en;
    row[18] = place.governorate.name_en;
    row[19] = FormatIsoDay(person.death_day);
    row[20].assign(list_count, '0');
    for (size_t list_idx = 0; list_idx < list_count; ++list_idx) {
      if ((captures.listed[person_idx] >> list_idx & 1u) != 0) row[20][list_idx] = '1';
    }
    csv.WriteRow(row);
  }
  return file->Close();
}

Status WriteCaptures(const SimulateConfig& config, const SimulationSummary& summary,
                     const std::string& path) {
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> file, OutputFile::Create(path));
  CsvWriter csv(file->stream());
  const size_t list_count = config.lists.size();
  std::vector<std::string> row;
  for (size_t list_idx = 0; list_idx < list_count; ++list_idx) {
    row.push_back("list_" + std::to_string(list_idx + 1));
  }
  row.emplace_back("count");
  csv.WriteRow(row);
  for (const auto& [pattern, count] : summary.capture_patterns) {
    for (size_t list_idx = 0; list_idx < list_count; ++list_idx) {
      row[list_idx] = (pattern >> list_idx & 1u) != 0 ? "1" : "0";
    }
    row[list_count] = std::to_string(count);
    csv.WriteRow(row);
  }
  return file->Close();
}

Status WriteSummary(const SimulateConfig& config, const SimulationSummary& summary,
                    const std::string& path) {
  nlohmann::ordered_json root = nlohmann::ordered_json::object();
  root["generator"] = "reckon simulate";
  root["format_version"] = 1;
  root["profile"] = ProfileName(config.profile);
  root["seed"] = config.seed;
  root["true_n"] = summary.true_n;
  root["documented_persons"] = summary.documented;
  root["undocumented_persons"] = summary.true_n - summary.documented;
  root["households"] = summary.households;
  root["records"] = summary.records;
  root["captures_excludes_all_zero_pattern"] = true;
  nlohmann::ordered_json lists = nlohmann::ordered_json::array();
  for (size_t list_idx = 0; list_idx < summary.lists.size(); ++list_idx) {
    const ListSummary& list = summary.lists[list_idx];
    const ListSpec& spec = config.lists[list_idx];
    nlohmann::ordered_json item = nlohmann::ordered_json::object();
    item["file"] = list.file;
    item["name"] = list.name;
    item["description"] = list.description;
    item["records"] = list.records;
    item["persons"] = list.persons;
    item["duplicates"] = list.duplicates;
    item["copied_records"] = list.copied;
    item["depends_on"] =
        spec.depends_on > 0
            ? nlohmann::ordered_json(config.lists[static_cast<size_t>(spec.depends_on - 1)].name)
            : nlohmann::ordered_json(nullptr);
    lists.push_back(std::move(item));
  }
  root["lists"] = std::move(lists);
  root["parameters"] = ConfigToJson(config);
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> file, OutputFile::Create(path));
  file->stream() << root.dump(2) << "\n";
  return file->Close();
}

}  // namespace

Result<SimulationSummary> RunSimulation(const SimulateConfig& config, const std::string& out_dir) {
  RECKON_ASSIGN_OR_RETURN(Gazetteer gazetteer, LoadEmbeddedGazetteer());
  RECKON_RETURN_IF_ERROR(Validate(config, gazetteer));
  std::error_code error;
  std::filesystem::create_directories(out_dir, error);
  if (error) return Status::IoError("cannot create directory " + out_dir + ": " + error.message());

  const NameTables names(config.population.given_name_zipf, config.population.family_name_zipf,
                         config.population.name_tables == NameTableSet::kExtended);
  const Population population = Population::Generate(config, gazetteer, names);
  const CaptureTable captures = ListModel(config, gazetteer).Draw(population);
  const RecordRenderer renderer(config, gazetteer, names);
  const int window_start = ParseIsoDay(config.population.death_window_start).value_or(0);

  SimulationSummary summary;
  summary.true_n = static_cast<int64_t>(population.persons().size());
  summary.households = population.household_count();

  const std::string truth_path = JoinPath(out_dir, "truth.csv");
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> truth_file, OutputFile::Create(truth_path));
  CsvWriter truth(truth_file->stream());
  truth.WriteRow(
      std::vector<std::string>{"record_id", "person_id", "list", "report", "copied_from"});
  for (size_t list_idx = 0; list_idx < config.lists.size(); ++list_idx) {
    ListSummary list;
    list.file = "list_" + std::to_string(list_idx + 1) + ".csv";
    list.name = config.lists[list_idx].name;
    list.description = config.lists[list_idx].description;
    RECKON_RETURN_IF_ERROR(WriteList(config, population, captures, renderer, list_idx, window_start,
                                     JoinPath(out_dir, list.file), truth, list));
    summary.records += list.records;
    summary.lists.push_back(std::move(list));
  }
  RECKON_RETURN_IF_ERROR(truth_file->Close());

  std::map<uint32_t, int64_t> patterns;
  for (uint32_t listed : captures.listed) {
    if (listed != 0) ++patterns[listed];
  }
  summary.capture_patterns.assign(patterns.begin(), patterns.end());
  for (const auto& [pattern, count] : summary.capture_patterns) summary.documented += count;

  RECKON_RETURN_IF_ERROR(WritePopulation(config, population, captures, gazetteer, renderer,
                                         JoinPath(out_dir, "population.csv")));
  RECKON_RETURN_IF_ERROR(WriteCaptures(config, summary, JoinPath(out_dir, "captures.csv")));
  RECKON_RETURN_IF_ERROR(WriteSummary(config, summary, JoinPath(out_dir, "summary.json")));
  return summary;
}

}  // namespace reckon::simulate
