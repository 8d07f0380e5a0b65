// Place keys from the case's gazetteer: a record's locality, district and
// governorate become gazetteer codes when they resolve (so Banias, Baniyas
// and بانياس are one place, and a village is known to lie in its district),
// else the names' cross-script skeletons.
//
// Thread-safety: Keys() is thread-safe (the resolver is, and the token table is).
#pragma once

#include <array>
#include <memory>
#include <string>

#include "link/link_record.h"
#include "place/place_resolver.h"
#include "text/token_table.h"

namespace reckon::link {

class GazetteerPlaceKeyer final : public PlaceKeyer {
 public:
  GazetteerPlaceKeyer(std::unique_ptr<place::PlaceResolver> resolver, text::TokenTable& tokens)
      : resolver_(std::move(resolver)), tokens_(tokens) {}
  std::array<std::string, 3> Keys(const RecordFields& fields) override;

 private:
  std::unique_ptr<place::PlaceResolver> resolver_;
  text::TokenTable& tokens_;
};

}  // namespace reckon::link
