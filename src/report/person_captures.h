// Capture tables from the summarised register, for `reckon export CASE
// captures`: one pattern per person over the case's sources, a source derived
// from another merged into the source it derives from (a copy is not an
// independent list), as `reckon estimate CASE` does. With `by`, one stratum
// per value of the person's field (person_summary.h's rule; "(unknown)" when
// the person has none).
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "estimate/capture_table.h"
#include "report/person_summary.h"
#include "store/model.h"

namespace reckon::report {

// Fields `by` accepts: governorate, district, locality, sex, month, age_group.
const std::vector<std::string>& CaptureStrataFields();

// Errors: InvalidArgument for an unknown `by`; those of estimate::FromHistories.
Result<std::vector<estimate::Stratum>> PersonCaptureStrata(
    const std::vector<Source>& sources, const std::vector<PersonSummary>& persons,
    const std::string& by);

}  // namespace reckon::report
