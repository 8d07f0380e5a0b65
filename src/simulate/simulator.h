// `reckon simulate`: a population with ground truth and the lists that
// describe it, written to a directory.
//
// Files (docs/simulate.md describes every column):
//   list_<k>.csv     one per list, canonical import columns, record ids unique
//                    across lists ("L<k>-0000001"), rows in the list's order
//   truth.csv        record_id,person_id,list,report,copied_from
//   population.csv   every person, listed or not, with canonical names,
//                    household, place, date and capture history
//   captures.csv     list_1..list_K,count: persons per observed capture pattern
//                    (the all-zero pattern is left out; summary.json has N)
//   summary.json     true N, documented persons, per-list counts, parameters
//
// Memory: the population (32 bytes a person), two capture masks a person and,
// for the list being written, a 16-byte entry per record. Records themselves
// are rendered and written one at a time.
//
// Determinism: the same configuration (seed included) gives byte-identical
// files; see rng.h for how draws are keyed.
//
// Thread-safety: RunSimulation may be called concurrently for different
// output directories.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "simulate/simulate_config.h"

namespace reckon::simulate {

struct ListSummary {
  std::string file;
  std::string name;
  std::string description;
  int64_t records = 0;     // rows in the file
  int64_t persons = 0;     // distinct people named
  int64_t duplicates = 0;  // second reports of a person already on the list
  int64_t copied = 0;      // records copied from the list it depends on
};

struct SimulationSummary {
  int64_t true_n = 0;
  int64_t documented = 0;  // people on at least one list
  int64_t households = 0;
  int64_t records = 0;
  std::vector<ListSummary> lists;
  // (pattern, persons) for every observed non-zero pattern, bit k = list k+1.
  std::vector<std::pair<uint32_t, int64_t>> capture_patterns;
};

// Validates `config` against the embedded gazetteer, creates `out_dir` if
// needed and writes the files. Errors: InvalidArgument for a bad config,
// IoError naming the file for any write failure.
Result<SimulationSummary> RunSimulation(const SimulateConfig& config, const std::string& out_dir);

}  // namespace reckon::simulate
