#!/usr/bin/env bash
# Calibration of the linker's match probabilities on simulated lists (issue 18,
# item 1), before and after recalibration from reviewed pairs.
#
# For each profile and seed: simulate, import, link with --pairs-out, score the
# probabilities against the truth (reckon evaluate --pairs); then play a
# reviewer who decides REVIEWS pairs drawn at random from the reviewable band
# (probabilities 0.035-0.9996, as the review queue offers them) by looking at
# the truth, link again (the decisions recalibrate the probabilities) and score
# again, leaving the decided pairs out of the score.
#
# Usage: bench/calibration_bench.sh [PEOPLE] [REVIEWS] [PROFILES] [SEEDS]
#   defaults: 5000 300 "clean realistic hard" "1 2 3"
# Prints one line per case; work files in ${CALIBRATION_BENCH_WORK:-/tmp/reckon-calibration}.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-5000}
reviews=${2:-300}
profiles=${3:-clean realistic hard}
seeds=${4:-1 2 3}
reckon=build/reckon
work=${CALIBRATION_BENCH_WORK:-/tmp/reckon-calibration}
mkdir -p "$work"
printf '%-10s %4s %7s %9s %9s %8s %8s %9s %9s %8s %8s\n' profile seed F1 plausible \
  ECE_model ECE_recal slope exp_false false exp_miss missed
for profile in $profiles; do
  for seed in $seeds; do
    d="$work/$profile-$people-$seed"
    rm -rf "$d"
    "$reckon" simulate --people "$people" --lists 5 --seed "$seed" --profile "$profile" \
      --out "$d/sim" >/dev/null
    "$reckon" init "$d/case.reckon" >/dev/null
    for list in "$d"/sim/list_*.csv; do
      name=$(basename "$list" .csv)
      "$reckon" import "$d/case.reckon" "$list" --source "$name" --kind other >/dev/null
    done
    "$reckon" link "$d/case.reckon" --pairs-out "$d/pairs0.csv" >/dev/null
    "$reckon" evaluate "$d/case.reckon" --truth "$d/sim/truth.csv" --pairs "$d/pairs0.csv" \
      --json >"$d/eval0.json"
    # The reviewer: REVIEWS pairs of the reviewable band, decided from the truth.
    python3 - "$d" "$reviews" "$seed" >"$d/decisions.txt" <<'PY'
import csv, random, sys
d, reviews, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
truth = {r["record_id"]: r["person_id"] for r in csv.DictReader(open(d + "/sim/truth.csv"))}
band = [r for r in csv.DictReader(open(d + "/pairs0.csv"))
        if r["household"] == "0" and 0.035 <= float(r["probability"]) <= 0.9996]
random.Random(seed).shuffle(band)
for r in band[:reviews]:
    verdict = "match" if truth[r["record_a"]] == truth[r["record_b"]] else "nonmatch"
    print(r["record_a"], r["record_b"], verdict)
PY
    while read -r a b verdict; do
      "$reckon" review "$d/case.reckon" --decide "$a" "$b" "$verdict" --reviewer bench >/dev/null
    done <"$d/decisions.txt"
    "$reckon" link "$d/case.reckon" --pairs-out "$d/pairs1.csv" --json >"$d/link1.json"
    "$reckon" evaluate "$d/case.reckon" --truth "$d/sim/truth.csv" --pairs "$d/pairs1.csv" \
      --json >"$d/eval1.json"
    python3 - "$d" "$profile" "$seed" <<'PY'
import json, sys
d, profile, seed = sys.argv[1:4]
e0 = json.load(open(d + "/eval0.json")); e1 = json.load(open(d + "/eval1.json"))
link = json.load(open(d + "/link1.json"))
c0, c1 = e0["calibration"], e1["calibration"]
r = c1.get("recalibrated", {})
print("%-10s %4s %7.4f %9d %9.4f %8s %8.3f %9.1f %9s %8.1f %8s" % (
    profile, seed, e0["pairwise"]["f1"], c0["plausible_pairs"]["pairs"],
    c1["plausible_pairs"]["ece"], "%.4f" % r["ece"] if r else "-",
    link["calibration"]["slope"], r.get("expected_false_links", float("nan")),
    r.get("false_links", "-"), r.get("expected_missed_links", float("nan")),
    r.get("missed_links", "-")))
PY
  done
done
