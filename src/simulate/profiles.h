// The built-in profiles: sensible defaults for K lists.
//
//   clean      little noise, independent lists, no heterogeneity, every field
//              present, Arabic script throughout.
//   realistic  moderate noise; heterogeneous capture by place, sex and age and
//              a shared visibility; list 4 copies part of list 1; Arabic,
//              Latin and mixed-script lists with different field subsets.
//   hard       heavy noise, strong dependence (copying and referral), low
//              capture, mostly Latin lists, many blank fields.
//
// Lists take the roles of five source archetypes in turn (NGO register,
// hospital/morgue list, media monitoring, field interviews, an international
// compilation); docs/simulate.md gives the table.
#pragma once

#include "simulate/simulate_config.h"

namespace reckon::simulate {

// Defaults for `list_count` lists (1..kMaxLists); seed and people keep their
// struct defaults.
SimulateConfig ProfileDefaults(Profile profile, int list_count);

}  // namespace reckon::simulate
