#include "simulate/simulate_config.h"

#include <cmath>
#include <map>
#include <set>

#include "simulate/civil_date.h"
#include "simulate/gazetteer_data.h"
#include "simulate/profiles.h"

namespace reckon::simulate {
namespace {

using Json = nlohmann::ordered_json;  // keeps the file's key order (place weights)
using OrderedJson = nlohmann::ordered_json;

template <typename Enum>
using EnumNames = std::vector<std::pair<Enum, std::string_view>>;

const EnumNames<Profile> kProfileNames = {{Profile::kClean, "clean"},
                                          {Profile::kRealistic, "realistic"},
                                          {Profile::kHard, "hard"},
                                          {Profile::kHeldout, "heldout"}};
const EnumNames<Script> kScriptNames = {
    {Script::kArabic, "arabic"}, {Script::kLatin, "latin"}, {Script::kMixed, "mixed"}};
const EnumNames<NameFormat> kNameFormatNames = {
    {NameFormat::kChain, "chain"},
    {NameFormat::kChainNoGrandfather, "chain_no_grandfather"},
    {NameFormat::kFullName, "full_name"}};
const EnumNames<SexFormat> kSexFormatNames = {{SexFormat::kNone, "none"},
                                              {SexFormat::kCode, "code"},
                                              {SexFormat::kEnglish, "english"},
                                              {SexFormat::kArabic, "arabic"}};
const EnumNames<AgeFormat> kAgeFormatNames = {
    {AgeFormat::kNone, "none"},   {AgeFormat::kExact, "exact"},
    {AgeFormat::kBand, "band"},   {AgeFormat::kWords, "words"},
    {AgeFormat::kBand5, "band5"}, {AgeFormat::kLifeStage, "life_stage"}};
const EnumNames<DateFormat> kDateFormatNames = {{DateFormat::kNone, "none"},
                                                {DateFormat::kIso, "iso"},
                                                {DateFormat::kDayMonthYear, "dmy"},
                                                {DateFormat::kDayMonthYearDots, "dmy_dots"}};
const EnumNames<NameTableSet> kNameTableNames = {{NameTableSet::kStandard, "standard"},
                                                 {NameTableSet::kExtended, "extended"}};
const EnumNames<PlaceLevel> kPlaceLevelNames = {{PlaceLevel::kNone, "none"},
                                                {PlaceLevel::kDistrict, "district"},
                                                {PlaceLevel::kLocality, "locality"}};
const EnumNames<RecordOrder> kOrderNames = {{RecordOrder::kRandom, "random"},
                                            {RecordOrder::kPlaceDate, "place_date"}};

template <typename Enum>
std::string_view NameOf(const EnumNames<Enum>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "?";
}

template <typename Enum>
std::string Alternatives(const EnumNames<Enum>& names) {
  std::string out;
  for (const auto& [value, name] : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string FormatNumber(double value) {
  std::string text = OrderedJson(value).dump();
  return text;
}

// Writes every visited field into a JSON object.
class JsonWriter {
 public:
  // `all_keys` false: keys added with the held-out profile are written only
  // when they differ from "off", so the parameters of other profiles' runs
  // stay as they were (and still reproduce them: off is their default).
  explicit JsonWriter(OrderedJson& out, bool all_keys = true) : out_(out), all_keys_(all_keys) {}
  void NewRate(const char* key, double& value) {
    if (all_keys_ || value != 0.0) out_[key] = value;
  }
  void NewCount(const char* key, int& value, int, int) {
    if (all_keys_ || value != 0) out_[key] = value;
  }
  template <typename Enum>
  void NewChoice(const char* key, Enum& value, const EnumNames<Enum>& names) {
    if (all_keys_ || value != names.front().first) out_[key] = NameOf(names, value);
  }
  void Rate(const char* key, double& value) { out_[key] = value; }
  void Real(const char* key, double& value, double, double) { out_[key] = value; }
  void Count(const char* key, int& value, int, int) { out_[key] = value; }
  void Flag(const char* key, bool& value) { out_[key] = value; }
  void Text(const char* key, std::string& value) { out_[key] = value; }
  void Day(const char* key, std::string& value) { out_[key] = value; }
  void Days(const char* key, std::vector<std::string>& values) { out_[key] = values; }
  template <typename Enum>
  void Choice(const char* key, Enum& value, const EnumNames<Enum>& names) {
    out_[key] = NameOf(names, value);
  }
  void Weights(const char* key, std::vector<std::pair<std::string, double>>& values, double,
               double) {
    OrderedJson object = OrderedJson::object();
    for (const auto& [pcode, weight] : values) object[pcode] = weight;
    out_[key] = object;
  }
  template <typename Fn>
  void Object(const char* key, Fn&& visit) {
    OrderedJson child = OrderedJson::object();
    JsonWriter writer(child, all_keys_);
    visit(writer);
    out_[key] = std::move(child);
  }

 private:
  OrderedJson& out_;
  bool all_keys_;
};

// Reads the visited fields that are present, checks them, and remembers the
// first error; Finish() rejects keys nobody visited.
class JsonReader {
 public:
  JsonReader(const Json& in, std::string path, const std::string& file_name, Status& status)
      : in_(in), path_(std::move(path)), file_name_(file_name), status_(status) {}

  void Rate(const char* key, double& value) { Real(key, value, 0.0, 1.0); }
  void NewRate(const char* key, double& value) { Rate(key, value); }
  void NewCount(const char* key, int& value, int lo, int hi) { Count(key, value, lo, hi); }
  template <typename Enum>
  void NewChoice(const char* key, Enum& value, const EnumNames<Enum>& names) {
    Choice(key, value, names);
  }
  void Real(const char* key, double& value, double lo, double hi) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (!item->is_number()) return Fail(key, "expected a number");
    const double x = item->get<double>();
    if (!std::isfinite(x) || x < lo || x > hi) {
      return Fail(key, "must be between " + FormatNumber(lo) + " and " + FormatNumber(hi) +
                           " (got " + FormatNumber(x) + ")");
    }
    value = x;
  }
  void Count(const char* key, int& value, int lo, int hi) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (!item->is_number_integer()) return Fail(key, "expected an integer");
    const int64_t x = item->get<int64_t>();
    if (x < lo || x > hi) {
      return Fail(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    }
    value = static_cast<int>(x);
  }
  void Flag(const char* key, bool& value) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (!item->is_boolean()) return Fail(key, "expected true or false");
    value = item->get<bool>();
  }
  void Text(const char* key, std::string& value) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (!item->is_string()) return Fail(key, "expected a string");
    value = item->get<std::string>();
  }
  void Day(const char* key, std::string& value) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (!item->is_string() || !ParseIsoDay(item->get<std::string>()).has_value()) {
      return Fail(key, "expected a date as \"YYYY-MM-DD\"");
    }
    value = item->get<std::string>();
  }
  void Days(const char* key, std::vector<std::string>& values) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (!item->is_array()) return Fail(key, "expected an array of \"YYYY-MM-DD\" dates");
    std::vector<std::string> days;
    for (const Json& element : *item) {
      if (!element.is_string() || !ParseIsoDay(element.get<std::string>()).has_value()) {
        return Fail(key, "expected an array of \"YYYY-MM-DD\" dates");
      }
      days.push_back(element.get<std::string>());
    }
    values = std::move(days);
  }
  template <typename Enum>
  void Choice(const char* key, Enum& value, const EnumNames<Enum>& names) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (item->is_string()) {
      for (const auto& [candidate, name] : names) {
        if (name == item->get<std::string>()) {
          value = candidate;
          return;
        }
      }
    }
    Fail(key, "expected one of " + Alternatives(names));
  }
  void Weights(const char* key, std::vector<std::pair<std::string, double>>& values, double lo,
               double hi) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (!item->is_object()) return Fail(key, "expected an object {\"P-code\": number, ...}");
    std::vector<std::pair<std::string, double>> parsed;
    for (const auto& [pcode, weight] : item->items()) {
      if (!weight.is_number() || weight.get<double>() < lo || weight.get<double>() > hi) {
        return Fail(std::string(key) + "." + pcode,
                    "must be a number between " + FormatNumber(lo) + " and " + FormatNumber(hi));
      }
      parsed.emplace_back(pcode, weight.get<double>());
    }
    values = std::move(parsed);
  }
  template <typename Fn>
  void Object(const char* key, Fn&& visit) {
    const Json* item = Find(key);
    if (item == nullptr) return;
    if (!item->is_object()) return Fail(key, "expected an object");
    JsonReader child(*item, Path(key), file_name_, status_);
    visit(child);
    child.Finish();
  }

  // Rejects keys that no visitor asked for.
  void Finish() {
    if (!status_.ok()) return;
    for (const auto& [key, unused] : in_.items()) {
      if (known_.count(key) == 0) return Fail(key, "unknown key");
    }
  }
  // Marks a key as handled elsewhere (e.g. "lists" at the top level).
  void Allow(const char* key) { known_.insert(key); }

 private:
  const Json* Find(const char* key) {
    known_.insert(key);
    if (!status_.ok()) return nullptr;
    const auto it = in_.find(key);
    return it == in_.end() ? nullptr : &*it;
  }
  std::string Path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  void Fail(const std::string& key, const std::string& problem) {
    if (status_.ok())
      status_ = Status::InvalidArgument(file_name_ + ": " + Path(key) + ": " + problem);
  }

  const Json& in_;
  std::string path_;
  const std::string& file_name_;
  Status& status_;
  std::set<std::string> known_;
};

// The single list of keys, shared by reading and writing.
template <typename Visitor>
void VisitNoise(Visitor& v, NoiseRates& noise) {
  v.Rate("typo", noise.typo);
  v.Rate("orthographic", noise.orthographic);
  v.Rate("translit_variant", noise.translit_variant);
  v.Rate("article", noise.article);
  v.Rate("compound", noise.compound);
  v.Rate("drop_part", noise.drop_part);
  v.Rate("swap_parts", noise.swap_parts);
  v.Rate("kunya", noise.kunya);
  v.Rate("date_shift", noise.date_shift);
  v.Rate("date_month_only", noise.date_month_only);
  v.Rate("age_shift", noise.age_shift);
  v.Rate("age_heaping", noise.age_heaping);
  v.Rate("place_district_only", noise.place_district_only);
  v.Rate("place_variant", noise.place_variant);
  v.NewRate("given_father_swap", noise.given_father_swap);
  v.NewRate("kunya_alone", noise.kunya_alone);
  v.NewRate("husband_family", noise.husband_family);
  v.NewRate("wife_of", noise.wife_of);
  v.NewRate("all_caps", noise.all_caps);
  v.NewRate("place_region", noise.place_region);
}

template <typename Visitor>
void VisitMissing(Visitor& v, MissingRates& missing) {
  v.Rate("sex", missing.sex);
  v.Rate("age", missing.age);
  v.Rate("death_date", missing.death_date);
  v.Rate("place", missing.place);
  v.Rate("mother_name", missing.mother_name);
}

template <typename Visitor>
void VisitList(Visitor& v, ListSpec& list) {
  v.Text("name", list.name);
  v.Text("description", list.description);
  v.Rate("capture", list.capture);
  v.Real("female_log_odds", list.female_log_odds, -10.0, 10.0);
  v.Real("child_log_odds", list.child_log_odds, -10.0, 10.0);
  v.Real("elderly_log_odds", list.elderly_log_odds, -10.0, 10.0);
  v.Weights("place_log_odds", list.place_log_odds, -10.0, 10.0);
  v.Real("visibility_loading", list.visibility_loading, -10.0, 10.0);
  v.Count("depends_on", list.depends_on, 0, kMaxLists);
  v.Rate("copy_fraction", list.copy_fraction);
  v.Real("dependence_log_odds", list.dependence_log_odds, -10.0, 10.0);
  v.Choice("script", list.script, kScriptNames);
  v.Rate("latin_share", list.latin_share);
  v.Choice("name_format", list.name_format, kNameFormatNames);
  v.Flag("mother_name", list.mother_name);
  v.Choice("sex_format", list.sex_format, kSexFormatNames);
  v.Choice("age_format", list.age_format, kAgeFormatNames);
  v.Choice("date_format", list.date_format, kDateFormatNames);
  v.Rate("arabic_digits", list.arabic_digits);
  v.Choice("place_level", list.place_level, kPlaceLevelNames);
  v.Flag("cause", list.cause);
  v.Choice("order", list.order, kOrderNames);
  v.Rate("duplicate_rate", list.duplicate_rate);
  v.Object("missing", [&](auto& child) { VisitMissing(child, list.missing); });
  v.Object("noise", [&](auto& child) { VisitNoise(child, list.noise); });
}

template <typename Visitor>
void VisitPopulation(Visitor& v, PopulationSpec& population) {
  v.Real("household_size_mean", population.household_size_mean, 1.0, 20.0);
  v.Rate("father_share", population.father_share);
  v.Rate("mother_share", population.mother_share);
  v.Rate("son_share", population.son_share);
  v.Rate("single_male_share", population.single_male_share);
  v.Rate("grandfather_namesake_share", population.grandfather_namesake_share);
  v.Real("given_name_zipf", population.given_name_zipf, 0.0, 5.0);
  v.Real("family_name_zipf", population.family_name_zipf, 0.0, 5.0);
  v.Real("place_zipf", population.place_zipf, 0.0, 5.0);
  v.Weights("place_weights", population.place_weights, 0.0, 1e6);
  v.Day("death_window_start", population.death_window_start);
  v.Day("death_window_end", population.death_window_end);
  v.Days("peak_days", population.peak_days);
  v.Rate("background_share", population.background_share);
  v.Real("visibility_sd", population.visibility_sd, 0.0, 5.0);
  v.Rate("household_visibility_share", population.household_visibility_share);
  v.NewCount("clans_per_village", population.clans_per_village, 0, 20);
  v.NewRate("clan_share", population.clan_share);
  v.NewRate("extended_household_share", population.extended_household_share);
  v.NewChoice("name_tables", population.name_tables, kNameTableNames);
}

Result<int64_t> ReadPeople(const Json& root, const std::string& file_name) {
  const Json& item = root["people"];
  if (!item.is_number_integer() || item.get<int64_t>() < 1 || item.get<int64_t>() > kMaxPeople) {
    return Status::InvalidArgument(file_name + ": people: expected an integer from 1 to " +
                                   std::to_string(kMaxPeople));
  }
  return item.get<int64_t>();
}

Result<uint64_t> ReadSeed(const Json& root, const std::string& file_name) {
  const Json& item = root["seed"];
  if (item.is_number_unsigned()) return item.get<uint64_t>();
  if (item.is_number_integer() && item.get<int64_t>() >= 0) {
    return static_cast<uint64_t>(item.get<int64_t>());
  }
  return Status::InvalidArgument(file_name + ": seed: expected a non-negative integer");
}

}  // namespace

std::string_view ProfileName(Profile profile) { return NameOf(kProfileNames, profile); }

std::optional<Profile> ParseProfileName(std::string_view name) {
  for (const auto& [profile, candidate] : kProfileNames) {
    if (candidate == name) return profile;
  }
  return std::nullopt;
}

Result<SimulateConfig> BuildConfig(const CommandLineOverrides& overrides,
                                   const std::optional<std::string>& config_text,
                                   const std::string& file_name) {
  Json root = Json::object();
  if (config_text.has_value()) {
    try {
      root = Json::parse(*config_text);
    } catch (const Json::exception& e) {
      return Status::InvalidArgument(file_name + ": not valid JSON: " + e.what());
    }
    if (!root.is_object()) {
      return Status::InvalidArgument(file_name + ": expected a JSON object at the top level");
    }
  }
  // The nlohmann accessors below only run on checked types, but stay inside a
  // try block so that no exception can cross this boundary.
  try {
    Profile profile = Profile::kRealistic;
    if (root.contains("profile")) {
      const Json& item = root["profile"];
      const std::optional<Profile> parsed =
          item.is_string() ? ParseProfileName(item.get<std::string>()) : std::nullopt;
      if (!parsed) {
        return Status::InvalidArgument(file_name + ": profile: expected one of " +
                                       Alternatives(kProfileNames));
      }
      profile = *parsed;
    }
    if (overrides.profile) profile = *overrides.profile;

    const bool file_has_lists = root.contains("lists");
    if (file_has_lists && !root["lists"].is_array()) {
      return Status::InvalidArgument(file_name + ": lists: expected an array of list objects");
    }
    int list_count = 5;
    if (file_has_lists) list_count = static_cast<int>(root["lists"].size());
    if (overrides.lists) list_count = *overrides.lists;
    if (list_count < 1 || list_count > kMaxLists) {
      return Status::InvalidArgument("the number of lists must be between 1 and " +
                                     std::to_string(kMaxLists) + " (got " +
                                     std::to_string(list_count) + ")");
    }
    if (file_has_lists && static_cast<int>(root["lists"].size()) > list_count) {
      return Status::InvalidArgument(file_name + ": lists: describes " +
                                     std::to_string(root["lists"].size()) +
                                     " lists but --lists asks for " + std::to_string(list_count));
    }

    SimulateConfig config = ProfileDefaults(profile, list_count);
    if (root.contains("people")) {
      RECKON_ASSIGN_OR_RETURN(config.people, ReadPeople(root, file_name));
    }
    if (root.contains("seed")) {
      RECKON_ASSIGN_OR_RETURN(config.seed, ReadSeed(root, file_name));
    }

    Status status;
    JsonReader top(root, "", file_name, status);
    top.Allow("profile");
    top.Allow("people");
    top.Allow("seed");
    top.Allow("lists");
    top.Object("population", [&](auto& reader) { VisitPopulation(reader, config.population); });
    // A top-level "noise" block applies to every list before per-list blocks.
    top.Object("noise", [&](auto& reader) {
      for (ListSpec& list : config.lists) VisitNoise(reader, list.noise);
    });
    top.Finish();
    RECKON_RETURN_IF_ERROR(status);
    if (file_has_lists) {
      const Json& lists = root["lists"];
      for (size_t list_idx = 0; list_idx < lists.size(); ++list_idx) {
        const std::string path = "lists[" + std::to_string(list_idx) + "]";
        if (!lists[list_idx].is_object()) {
          return Status::InvalidArgument(file_name + ": " + path + ": expected an object");
        }
        JsonReader reader(lists[list_idx], path, file_name, status);
        VisitList(reader, config.lists[list_idx]);
        reader.Finish();
        RECKON_RETURN_IF_ERROR(status);
      }
    }

    if (overrides.people) config.people = *overrides.people;
    if (overrides.seed) config.seed = *overrides.seed;
    if (config.people < 1 || config.people > kMaxPeople) {
      return Status::InvalidArgument("--people must be between 1 and " +
                                     std::to_string(kMaxPeople));
    }
    return config;
  } catch (const Json::exception& e) {
    return Status::InvalidArgument(file_name + ": " + e.what());
  }
}

Status Validate(const SimulateConfig& config, const Gazetteer& gazetteer) {
  const PopulationSpec& population = config.population;
  const std::optional<int> start = ParseIsoDay(population.death_window_start);
  const std::optional<int> end = ParseIsoDay(population.death_window_end);
  if (!start || !end || *start > *end) {
    return Status::InvalidArgument(
        "population.death_window_start must be a date no later than death_window_end");
  }
  for (const std::string& day : population.peak_days) {
    const std::optional<int> parsed = ParseIsoDay(day);
    if (!parsed || *parsed < *start || *parsed > *end) {
      return Status::InvalidArgument("population.peak_days: " + day +
                                     " is not inside the death window");
    }
  }
  for (const auto& [pcode, weight] : population.place_weights) {
    if (!gazetteer.HasPcode(pcode)) {
      return Status::InvalidArgument("population.place_weights: unknown P-code " + pcode);
    }
  }
  std::set<std::string> names;
  for (size_t list_idx = 0; list_idx < config.lists.size(); ++list_idx) {
    const ListSpec& list = config.lists[list_idx];
    const std::string where = "lists[" + std::to_string(list_idx) + "]";
    if (list.name.empty() || !names.insert(list.name).second) {
      return Status::InvalidArgument(where + ".name: must be non-empty and unique");
    }
    if (list.depends_on < 0 || list.depends_on > static_cast<int>(list_idx)) {
      return Status::InvalidArgument(where + ".depends_on: must name an earlier list (1.." +
                                     std::to_string(list_idx) + ") or be 0");
    }
    for (const auto& [pcode, log_odds] : list.place_log_odds) {
      if (!gazetteer.HasPcode(pcode)) {
        return Status::InvalidArgument(where + ".place_log_odds: unknown P-code " + pcode);
      }
    }
  }
  return Status::Ok();
}

nlohmann::ordered_json ConfigToJson(const SimulateConfig& config) {
  SimulateConfig copy = config;  // the visitors take non-const references
  OrderedJson root = OrderedJson::object();
  root["profile"] = ProfileName(copy.profile);
  root["people"] = copy.people;
  root["seed"] = copy.seed;
  const bool all_keys = copy.profile == Profile::kHeldout;
  JsonWriter writer(root, all_keys);
  writer.Object("population", [&](auto& child) { VisitPopulation(child, copy.population); });
  OrderedJson lists = OrderedJson::array();
  for (ListSpec& list : copy.lists) {
    OrderedJson item = OrderedJson::object();
    JsonWriter list_writer(item, all_keys);
    VisitList(list_writer, list);
    lists.push_back(std::move(item));
  }
  root["lists"] = std::move(lists);
  return root;
}

}  // namespace reckon::simulate
