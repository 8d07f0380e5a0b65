#!/usr/bin/env bash
# Times a 50-stratum LCMCR analysis through the real binary: `reckon estimate
# --counts bench/data/kosovo_50_strata.csv --method lcmcr`, 4 chains per
# stratum, each chain 100,000 Gibbs iterations (10,000 burn-in + 900 draws x
# thinning 100), K = 10. The target (issue 6) is under 60 s wall time on the
# 2-core development machine. Prints each run's wall and CPU seconds, the
# median wall time and the peak memory (/usr/bin/time -v), and the machine's
# load average before the first run (quote it with the figures).
#
#   bench/estimate_strata_bench.sh [BUILD_DIR] [RUNS] [THREADS]
#
# Defaults: build 3 0 (0 = one worker thread per core). Run from anywhere.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$root/build}
runs=${2:-3}
threads=${3:-0}
reckon="$build_dir/reckon"
counts="$root/bench/data/kosovo_50_strata.csv"
if [[ ! -x "$reckon" ]]; then
  echo "estimate_strata_bench: $reckon not found; build it first (ninja -C $build_dir reckon)" >&2
  exit 1
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "estimate_strata_bench: /usr/bin/time (GNU time) is needed" >&2
  exit 1
fi
out_dir=$(mktemp -d "${TMPDIR:-/tmp}/reckon-estimate-bench.XXXXXX")
trap 'rm -rf "$out_dir"' EXIT
cmd=("$reckon" estimate --counts "$counts" --method lcmcr --K 10 --chains 4
     --burnin 10000 --samples 900 --thinning 100 --seed 1 --threads "$threads" --json)

echo "reckon estimate: 50 strata x 4 chains x 100,000 iterations (K = 10), $runs runs"
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
walls=()
peak=0
for ((run = 0; run < runs; run++)); do
  stats=$( { /usr/bin/time -v "${cmd[@]}" >"$out_dir/result.json"; } 2>&1 )
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$stats")
  user=$(sed -n 's/.*User time (seconds): //p' <<<"$stats")
  sys=$(sed -n 's/.*System time (seconds): //p' <<<"$stats")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$stats")
  seconds=$(awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' \
            <<<"$wall")
  echo "run $((run + 1)): wall ${seconds} s, cpu $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') s"
  walls+=("$seconds")
  (( rss > peak )) && peak=$rss
done
python3 - "$out_dir/result.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
est = sum(1 for s in j["strata"] if s.get("estimable"))
t = j["total"]["lcmcr"]
print(f"strata estimated: {est}; total N median {t['median']:.0f} "
      f"[{t['q025']:.0f}, {t['q975']:.0f}]")
PY
median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "wall seconds: median $median (runs: ${walls[*]})"
echo "peak memory: $((peak / 1024)) MiB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
