// Testimony: what a witness (named only by pseudonym) said, when, to whom, and
// their relation to the events (eyewitness, relative, hearsay), linked to the
// persons and incidents it concerns. Nothing here reads or needs a witness's
// identity, and nothing needs the case key.
//
// Not thread-safe (uses one Store).
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "store/model.h"
#include "store/store.h"

namespace reckon {

// The witness's id for "12", "#12" or a pseudonym; NotFound "no witness
// '<text>'" (the text is a pseudonym or id, never an identity).
Result<int64_t> ResolveWitness(Store& store, const std::string& id_or_pseudonym);

// Checks the date and adds the testimony with its links in one transaction
// (audited with the pseudonym). `testimony.witness_id` must be set.
Result<Testimony> RecordTestimony(Store& store, const Testimony& testimony);

// NotFound "no testimony #N".
Result<Testimony> FindTestimony(Store& store, int64_t testimony_id);

}  // namespace reckon
