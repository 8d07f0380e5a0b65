#include "simulate/list_model.h"

#include "simulate/rng.h"

namespace reckon::simulate {

ListModel::ListModel(const SimulateConfig& config, const Gazetteer& gazetteer) : config_(config) {
  const std::vector<GazetteerLocality>& localities = gazetteer.localities();
  for (const ListSpec& list : config.lists) {
    std::vector<double> terms(localities.size(), 0.0);
    for (size_t locality = 0; locality < localities.size(); ++locality) {
      const GazetteerLocality& place = localities[locality];
      for (const auto& [pcode, log_odds] : list.place_log_odds) {
        if (pcode == place.governorate.pcode || pcode == place.district.pcode ||
            pcode == place.subdistrict.pcode || pcode == place.locality.pcode) {
          terms[locality] += log_odds;
        }
      }
    }
    place_terms_.push_back(std::move(terms));
  }
}

double ListModel::CaptureProbability(size_t list_idx, const Person& person, bool on_parent) const {
  const ListSpec& list = config_.lists[list_idx];
  double log_odds = Logit(list.capture);
  if (person.sex == Sex::kFemale) log_odds += list.female_log_odds;
  if (person.age < 18) log_odds += list.child_log_odds;
  if (person.age >= 60) log_odds += list.elderly_log_odds;
  log_odds += place_terms_[list_idx][person.locality];
  log_odds += list.visibility_loading * static_cast<double>(person.visibility);
  if (on_parent) log_odds += list.dependence_log_odds;
  return Logistic(log_odds);
}

CaptureTable ListModel::Draw(const Population& population) const {
  const std::vector<Person>& persons = population.persons();
  CaptureTable table;
  table.listed.assign(persons.size(), 0);
  table.copied.assign(persons.size(), 0);
  for (size_t person_idx = 0; person_idx < persons.size(); ++person_idx) {
    uint32_t listed = 0;
    uint32_t copied = 0;
    for (size_t list_idx = 0; list_idx < config_.lists.size(); ++list_idx) {
      const ListSpec& list = config_.lists[list_idx];
      Rng rng(StreamKey(config_.seed, kStreamCapture, list_idx, person_idx));
      const bool on_parent = list.depends_on > 0 && (listed >> (list.depends_on - 1) & 1u) != 0;
      const bool own = rng.Bernoulli(CaptureProbability(list_idx, persons[person_idx], on_parent));
      const bool copy = on_parent && rng.Bernoulli(list.copy_fraction);
      if (own || copy) listed |= 1u << list_idx;
      if (copy) copied |= 1u << list_idx;
    }
    table.listed[person_idx] = listed;
    table.copied[person_idx] = copied;
  }
  return table;
}

}  // namespace reckon::simulate
