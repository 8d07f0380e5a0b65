#!/usr/bin/env bash
# Import benchmark: generates N rows (default 1,000,000) in all 16 canonical
# columns, imports them into a fresh case RUNS times (default 5) and prints
# rows per second and peak resident memory for each run, then the medians.
# Also imports a file of a tenth the size, to show memory does not grow with it.
# Usage: bench/import_bench.sh [ROWS] [RUNS]      (needs build/reckon)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-5}
reckon=build/reckon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/gen_list.sh "$rows" > "$work/list.csv"
bench/gen_list.sh "$((rows / 10))" > "$work/small.csv"
echo "input: $rows rows, $(du -h "$work/list.csv" | cut -f1) ($(nproc) cores, $(uname -m))"

# One timed import; prints "seconds peak_kb".
run_once() {
  rm -f "$work"/case.reckon*
  "$reckon" init "$work/case.reckon" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" \
    "$reckon" import "$work/case.reckon" "$1" --source bench --kind other >/dev/null
  cat "$work/time"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: > "$work/rates"
: > "$work/peaks"
for run in $(seq 1 "$runs"); do
  read -r seconds peak_kb < <(run_once "$work/list.csv")
  rate=$(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')
  echo "run $run: ${seconds}s  $rate rows/s  peak ${peak_kb} KB"
  echo "$rate" >> "$work/rates"
  echo "$peak_kb" >> "$work/peaks"
done
read -r small_seconds small_peak < <(run_once "$work/small.csv")
echo "median: $(median < "$work/rates") rows/s, peak memory $(median < "$work/peaks") KB"
echo "a tenth of the rows: peak memory ${small_peak} KB (memory does not grow with the file)"
