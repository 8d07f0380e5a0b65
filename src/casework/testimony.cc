#include "casework/testimony.h"

#include <vector>

#include "casework/iso_date.h"

namespace reckon {

Result<int64_t> ResolveWitness(Store& store, const std::string& id_or_pseudonym) {
  RECKON_ASSIGN_OR_RETURN(std::vector<StoredWitness> witnesses, store.ListWitnesses());
  std::string digits = id_or_pseudonym;
  if (!digits.empty() && digits[0] == '#') digits.erase(0, 1);
  const bool numeric =
      !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
  for (const StoredWitness& w : witnesses) {
    if (w.pseudonym == id_or_pseudonym) return w.witness_id;
  }
  if (numeric) {
    for (const StoredWitness& w : witnesses) {
      if (std::to_string(w.witness_id) == digits) return w.witness_id;
    }
  }
  return Status::NotFound("no witness '" + id_or_pseudonym + "' (give an id or a pseudonym)");
}

Result<Testimony> RecordTestimony(Store& store, const Testimony& testimony) {
  RECKON_RETURN_IF_ERROR(CheckIsoDate(
      "testimony of witness #" + std::to_string(testimony.witness_id), "date", testimony.taken_on));
  return store.AddTestimony(testimony);
}

Result<Testimony> FindTestimony(Store& store, int64_t testimony_id) {
  RECKON_ASSIGN_OR_RETURN(std::vector<Testimony> all, store.ListTestimonies());
  for (Testimony& t : all) {
    if (t.testimony_id == testimony_id) return std::move(t);
  }
  return Status::NotFound("no testimony #" + std::to_string(testimony_id));
}

}  // namespace reckon
