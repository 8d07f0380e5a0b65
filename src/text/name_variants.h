// The variant table: common Arabic given names (and compound names) with their
// usual Arabic and Latin spellings, one group per name.
//
// Two tokens whose lookup keys (token_analysis.h) fall in a common group are
// spelling variants (محمد = Mohammed = Muhammad). Two tokens that are both in
// the table but share no group are different names even when their skeletons
// agree (Hassan / Hussein, Mohammed / Mahmoud, Said / Saad, Ali / Alia).
// A spelling may belong to several groups when it is genuinely ambiguous
// ("Hamid" is حامد or حميد, "Alaa" is علاء or آلاء).
//
// The table is compiled into the binary (name_variants.cc) and indexed on
// first use.
//
// Thread-safety: Default() is initialised once (C++ static initialisation);
// the table is immutable afterwards and safe to read from any thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/script.h"

namespace reckon::text {

using VariantGroupId = uint16_t;

class VariantTable {
 public:
  // The built-in table.
  static const VariantTable& Default();

  // Groups containing a spelling with this lookup key in this script (kArabic
  // or kLatin); empty when the name is not in the table.
  std::span<const VariantGroupId> Lookup(Script script, std::string_view lookup) const;

  // "محمد" / "Muhammad": the group's first Arabic form and first Latin spelling.
  std::string Label(VariantGroupId group) const;

  size_t group_count() const { return groups_.size(); }
  size_t spelling_count() const { return index_.size(); }

 private:
  struct Group {
    std::string arabic;  // first Arabic form
    std::string latin;   // first Latin spelling
  };
  VariantTable();

  std::vector<Group> groups_;
  std::unordered_map<std::string, std::vector<VariantGroupId>> index_;  // "a:"/"l:" + lookup
};

}  // namespace reckon::text
