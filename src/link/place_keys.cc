#include "link/place_keys.h"

namespace reckon::link {

std::array<std::string, 3> GazetteerPlaceKeyer::Keys(const RecordFields& fields) {
  const place::ResolvedPlace resolved =
      resolver_->Resolve(fields.locality, fields.district, fields.governorate);
  std::array<std::string, 3> keys = {resolved.locality_pcode, resolved.district_pcode,
                                     resolved.governorate_pcode};
  // Names the gazetteer does not know still compare, as text.
  const std::array<std::string, 3> text = TextPlaceKeys(fields, tokens_);
  for (size_t level = 0; level < keys.size(); ++level) {
    if (keys[level].empty()) keys[level] = text[level];
  }
  return keys;
}

}  // namespace reckon::link
