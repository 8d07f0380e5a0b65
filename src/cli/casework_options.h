// Options shared by the casework commands (key, witness, evidence, audit).
//
// Thread-compatible: reads the process environment.
#pragma once

#include <cstdlib>
#include <string>

#include "common/status.h"
#include "secure/case_key.h"

namespace reckon::cli {

// The actor recorded in the audit log when --actor is not given: $USER, or
// "unknown".
inline std::string DefaultActor() {
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? std::string(user) : std::string("unknown");
}

// --kdf moderate|interactive. Anything else is InvalidArgument.
inline Result<KdfLimits> ParseKdf(const std::string& name) {
  if (name == "moderate") return KdfLimits::Moderate();
  if (name == "interactive") return KdfLimits::Interactive();
  return Status::InvalidArgument("unknown --kdf '" + name + "' (moderate or interactive)");
}

}  // namespace reckon::cli
