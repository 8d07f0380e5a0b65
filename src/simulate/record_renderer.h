// Turns a person into the record one list writes about them: script, name
// chain, completeness, format and noise.
//
// Rendering has two steps so that copied records behave like real copies:
//   Render(list j, person, report) -> NoisyRecord: the names, age, date and
//     place as source j wrote them, errors included, in j's script.
//   Format(list k, record)          -> the cells of list k's columns.
// A list that copies from j formats j's NoisyRecord with its own columns, so
// the copy repeats j's spelling mistakes. Both steps draw from streams keyed
// by (list, person, report): the same inputs always give the same cells.
//
// Thread-safety: immutable after construction; Render/Format may run
// concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "simulate/gazetteer_data.h"
#include "simulate/name_tables.h"
#include "simulate/population.h"
#include "simulate/simulate_config.h"

namespace reckon::simulate {

struct NoisyRecord {
  bool latin = false;  // script of names and places
  std::string full_name;
  std::string given;
  std::string father;
  std::string grandfather;
  std::string family;
  std::string mother;
  bool sex_known = true;
  Sex sex = Sex::kMale;
  int age = -1;  // after noise; -1 when not given
  bool date_known = true;
  bool month_only = false;
  int death_day = 0;  // after noise
  std::string locality;
  std::string district;
  std::string governorate;
  std::string cause;
};

class RecordRenderer {
 public:
  RecordRenderer(const SimulateConfig& config, const Gazetteer& gazetteer, const NameTables& names);

  // `report` is 0 for a person's first report in the list, 1 for a duplicate.
  NoisyRecord Render(size_t list_idx, uint32_t person_idx, const Person& person,
                     uint32_t report) const;

  // The list's header: canonical column names, in canonical order, starting
  // with record_id.
  static std::vector<std::string> Columns(const ListSpec& list);

  // Fills `cells` with the record's values for every column after record_id
  // (cells.size() == Columns(list).size() - 1).
  void Format(size_t list_idx, uint32_t person_idx, uint32_t report, const NoisyRecord& record,
              std::vector<std::string>& cells) const;

  // The canonical Arabic and Latin (most common transliteration) forms of a
  // name part, without noise: what population.csv shows.
  std::string CanonicalGiven(const Person& person, bool latin) const;
  std::string CanonicalMale(uint16_t name, bool latin) const;
  std::string CanonicalFamily(uint16_t family, bool latin) const;
  std::string CanonicalFemale(uint16_t name, bool latin) const;

 private:
  std::string RenderName(const Name& name, bool latin, const NoiseRates& noise, Rng& rng) const;
  std::string RenderFamily(const Name& name, bool latin, const NoiseRates& noise, Rng& rng) const;
  std::string RenderKunya(const Person& person, bool latin, const NoiseRates& noise,
                          Rng& rng) const;
  std::string PlaceName(const AdminUnit& unit, bool latin, bool variant, Rng& rng) const;

  const SimulateConfig& config_;
  const Gazetteer& gazetteer_;
  const NameTables& names_;
};

}  // namespace reckon::simulate
