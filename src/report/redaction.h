// The redaction policy of a report or export (docs/report.md, "Redaction").
//
// Public (the default for reports and `export persons --public`):
//  - no witness information at all: no pseudonyms, no testimony details
//    (not even counts per person);
//  - no burial-site locations (neither the text nor coordinates);
//  - minors' names withheld: a person any of whose records gives an age (or
//    an age band's upper bound) under 18 is shown as "name withheld (minor)".
// Internal: may add testimony counts and burial-site locations; minors'
// names are still withheld unless asked for. Witness identities are never in
// any report: they are sealed in the case and nothing here unseals them.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "report/person_summary.h"

namespace reckon::report {

inline constexpr std::string_view kMinorNameWithheld = "name withheld (minor)";

struct RedactionPolicy {
  std::string name = "public";  // "public" or "internal"
  bool include_minor_names = false;
  bool include_burial_locations = false;
  bool include_testimony = false;  // counts and relations; never identities

  static RedactionPolicy Public();
  static RedactionPolicy Internal();
};

// "public" or "internal"; anything else is InvalidArgument.
Result<RedactionPolicy> PolicyNamed(std::string_view name);

// Whether the person's names may be shown under the policy.
bool MayShowName(const PersonSummary& person, const RedactionPolicy& policy);

// The person's names as the policy allows: Arabic and Latin names, or
// kMinorNameWithheld for both.
struct DisplayNames {
  std::string arabic;
  std::string latin;
};
DisplayNames NamesFor(const PersonSummary& person, const RedactionPolicy& policy);

// A one-line statement of what the policy removed, for the report's header.
std::string PolicyStatement(const RedactionPolicy& policy);

}  // namespace reckon::report
