#!/usr/bin/env bash
# Linkage benchmark: simulates PEOPLE invented people on five lists (realistic
# profile), imports them, then times `reckon link` (wall seconds, peak memory)
# and scores the register against the truth (pairwise F1, persons).
# Usage: bench/link_bench.sh [PEOPLE] [RUNS]    (needs build/reckon)
# About 1.55 records per person: 65000 people give ~100,000 records.
# LINK_BENCH_WORK=DIR keeps the simulated lists and the case in DIR and reuses
# them on the next call with the same PEOPLE (the case then holds earlier runs).
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-65000}
runs=${2:-3}
reckon=${RECKON:-build/reckon}
if [[ -n "${LINK_BENCH_WORK:-}" ]]; then
  work=$LINK_BENCH_WORK/$people
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
if [[ ! -f "$work/case.reckon" ]]; then
  "$reckon" simulate --people "$people" --lists 5 --seed 7 --profile realistic --out "$work/sim" >/dev/null
  "$reckon" init "$work/case.tmp" >/dev/null
  for k in 1 2 3 4 5; do
    "$reckon" import "$work/case.tmp" "$work/sim/list_$k.csv" --source "list_$k" --kind other >/dev/null
  done
  mv "$work/case.tmp" "$work/case.reckon"
fi
records=$("$reckon" stats "$work/case.reckon" --json | grep -o '"records": [0-9]*' | head -1 | grep -o '[0-9]*$')
echo "input: $people people, $records records on 5 lists ($(nproc) cores)"
: > "$work/walls"
for run in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/time" "$reckon" link "$work/case.reckon" > "$work/link.txt"
  read -r wall peak < "$work/time"
  pairs=$(grep -o 'candidate pairs [0-9]*' "$work/link.txt")
  echo "run $run: ${wall}s wall, peak ${peak} KB, $pairs"
  echo "$wall" >> "$work/walls"
done
sort -g "$work/walls" | awk '{ v[NR] = $1 } END { print "median wall: " v[int((NR + 1) / 2)] " s" }'
"$reckon" evaluate "$work/case.reckon" --truth "$work/sim/truth.csv" | sed -n '2p;5,7p'
