#include "report/redaction.h"

namespace reckon::report {

RedactionPolicy RedactionPolicy::Public() { return RedactionPolicy{}; }

RedactionPolicy RedactionPolicy::Internal() {
  RedactionPolicy policy;
  policy.name = "internal";
  policy.include_burial_locations = true;
  policy.include_testimony = true;
  return policy;
}

Result<RedactionPolicy> PolicyNamed(std::string_view name) {
  if (name == "public") return RedactionPolicy::Public();
  if (name == "internal") return RedactionPolicy::Internal();
  return Status::InvalidArgument("unknown policy '" + std::string(name) + "' (public or internal)");
}

bool MayShowName(const PersonSummary& person, const RedactionPolicy& policy) {
  return !person.minor || policy.include_minor_names;
}

DisplayNames NamesFor(const PersonSummary& person, const RedactionPolicy& policy) {
  if (!MayShowName(person, policy)) {
    return {std::string(kMinorNameWithheld), std::string(kMinorNameWithheld)};
  }
  return {person.name_arabic, person.name_latin};
}

std::string PolicyStatement(const RedactionPolicy& policy) {
  std::string s = policy.name == "public"
                      ? "Public report: no witness information, no burial-site locations"
                      : "Internal report: witness identities are never included";
  s += policy.include_minor_names ? "; names of minors included (by request)"
                                  : "; names of minors (under 18) withheld";
  s += ".";
  return s;
}

}  // namespace reckon::report
