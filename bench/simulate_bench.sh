#!/usr/bin/env bash
# Times `reckon simulate` on one million people and five lists (the target is
# under 60 s on a 2-core machine) and prints the median wall time and the peak
# memory.
#
#   bench/simulate_bench.sh [BUILD_DIR] [PEOPLE] [LISTS] [PROFILE] [RUNS]
#
# Defaults: build 1000000 5 realistic 3. Uses farm-bench when installed
# (median of RUNS runs after one warm-up), else /usr/bin/time -v on RUNS runs.
set -euo pipefail

build_dir=${1:-build}
people=${2:-1000000}
lists=${3:-5}
profile=${4:-realistic}
runs=${5:-3}
reckon="$build_dir/reckon"
if [[ ! -x "$reckon" ]]; then
  echo "simulate_bench: $reckon not found; build it first (ninja -C $build_dir reckon)" >&2
  exit 1
fi
out_dir=$(mktemp -d "${TMPDIR:-/tmp}/reckon-simulate-bench.XXXXXX")
trap 'rm -rf "$out_dir"' EXIT
cmd=("$reckon" simulate --people "$people" --lists "$lists" --profile "$profile" --seed 1
     --out "$out_dir/out" --force)

echo "reckon simulate: $people people, $lists lists, profile $profile, $runs runs"
if command -v farm-bench >/dev/null 2>&1; then
  # farm-bench prints min / median / max of wall, cpu and peak memory.
  farm-bench -n "$runs" --timeout 1200 -- "${cmd[@]}"
else
  walls=()
  peak=0
  for ((run = 0; run < runs; run++)); do
    stats=$( { /usr/bin/time -v "${cmd[@]}" >/dev/null; } 2>&1 )
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$stats")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$stats")
    seconds=$(awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' \
              <<<"$wall")
    walls+=("$seconds")
    (( rss > peak )) && peak=$rss
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "wall seconds: median $median (runs: ${walls[*]})"
  echo "peak memory: $((peak / 1024)) MiB"
fi
echo "output size: $(du -sh "$out_dir/out" | cut -f1)"
