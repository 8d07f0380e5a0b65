// The evidence store: original files kept byte-for-byte beside the case file,
// content-addressed by SHA-256 (CASE.evidence/ab/abcdef...).
//
// A file is copied, the copy is hashed again (so a file that changed while it
// was read is refused), made read-only, and only then recorded in the case
// with its `acquired` custody event. The copy is the evidence; the original's
// location is not remembered beyond its file name.
//
// Not thread-safe (uses one Store); two processes adding the same file at
// once both copy to the same path, and the store's unique SHA-256 keeps one.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace reckon {

// CASE.evidence for the case file CASE.
std::string EvidenceDirectory(const std::string& case_path);

struct EvidenceFile {
  std::string path;  // the file to add
  std::string acquired_by;
  std::string acquired_from;
  std::string description;
  std::string media_type;  // guessed from the extension when empty
  // Persons and incidents it concerns, linked in the same transaction
  // (NotFound for an unknown id; nothing is added then).
  std::vector<int64_t> person_ids;
  std::vector<int64_t> incident_ids;
};

// Copies and records the file. AlreadyExists naming the earlier evidence when
// the same bytes are already in the store (nothing is changed then); NotFound
// or IoError naming the path when it cannot be read or copied.
Result<Evidence> AddEvidenceFile(Store& store, const std::string& case_path,
                                 const EvidenceFile& file);

// The evidence whose SHA-256 is `hash`, or starts with it (at least 8 hex
// digits, any case). InvalidArgument when too short or ambiguous, NotFound
// "no evidence with SHA-256 <hash>".
Result<Evidence> FindEvidenceByHash(Store& store, const std::string& hash);

struct EvidenceCheck {
  enum class State { kIntact, kModified, kMissing };
  Evidence evidence;
  State state = State::kIntact;
  std::string actual_sha256;  // for kModified
};

// Rehashes every stored file. Errors only when the case cannot be read; bad
// files are reported in the result.
Result<std::vector<EvidenceCheck>> VerifyEvidenceStore(Store& store, const std::string& case_path);

// "image/jpeg" etc. from the file name's extension; "application/octet-stream" otherwise.
std::string GuessMediaType(const std::string& file_name);

}  // namespace reckon
