#!/usr/bin/env bash
# Load test of `reckon serve` on a simulated case of about 100,000 persons:
# wrk (Debian) with 2 threads and 50 connections on loopback, logged in, against
# the register search (/api/persons?q=NAME, names rotated in both scripts by a
# wrk Lua script) and the dashboard figures (/api/stats). Prints requests per
# second, p50 and p99 for each run and the medians over the runs.
# Usage: bench/serve_bench.sh [PEOPLE=125000] [RUNS=3] [SECONDS=15]
# The case is kept in $RECKON_BENCH_DIR (default /tmp/reckon_serve_bench) and
# reused when it exists for the same PEOPLE.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-125000}
runs=${2:-3}
seconds=${3:-15}
reckon=${RECKON:-$PWD/build/reckon}
work=${RECKON_BENCH_DIR:-/tmp/reckon_serve_bench}
case_file="$work/case_$people.reckon"
mkdir -p "$work"
if [[ ! -f $case_file ]]; then
  echo "building the case ($people simulated people, 5 lists) ..."
  rm -rf "$work/sim"
  "$reckon" simulate --people "$people" --lists 5 --seed 7 --profile realistic --out "$work/sim" >/dev/null
  "$reckon" init "$case_file.tmp" >/dev/null
  for k in 1 2 3 4 5; do
    "$reckon" import "$case_file.tmp" "$work/sim/list_$k.csv" --source "list_$k" --kind other >/dev/null
  done
  "$reckon" link "$case_file.tmp" >/dev/null
  RECKON_USER_PASSWORD=bench-password-1 "$reckon" user add "$case_file.tmp" bench --role analyst >/dev/null
  mv "$case_file.tmp" "$case_file"
  rm -rf "$work/sim"
fi

port=$((20000 + RANDOM % 20000))
"$reckon" serve "$case_file" --port "$port" >"$work/serve.out" 2>"$work/serve.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  grep -q serving "$work/serve.out" 2>/dev/null && break
  kill -0 "$pid" || { cat "$work/serve.log"; exit 1; }
  sleep 0.1
done
base="http://127.0.0.1:$port"
grep "loaded" "$work/serve.log"
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"name":"bench","password":"bench-password-1"}' "$base/api/login" |
  grep -i '^set-cookie:' | sed -E 's/^[^:]*: *(reckon_session=[0-9a-f]+).*/\1/')
persons=$(curl -s -b "$cookie" "$base/api/stats" | jq .unique_persons)
records=$(curl -s -b "$cookie" "$base/api/stats" | jq .records_received)
echo "case: $persons persons, $records records; machine: $(nproc) cores, $(uname -m)"

# Names in both scripts, common and rare, URL-encoded for the Lua script.
names=(محمد Mohammed احمد Ahmad علي Hassan فاطمة Youssef "خالد الحسن" "Omar Ali" زينب Nour عبدالله "Abd al-Rahman" مريم)
lua="$work/names.lua"
{
  echo "local names = {"
  for n in "${names[@]}"; do echo "  \"$(jq -rn --arg n "$n" '$n|@uri')\","; done
  echo "}"
  echo "local i = 0"
  echo "request = function()"
  echo "  i = i % #names + 1"
  echo "  return wrk.format(\"GET\", \"/api/persons?q=\" .. names[i])"
  echo "end"
} >"$lua"

# run LABEL URL [wrk args]: prints "req/s p50_ms p99_ms" for each run, then the medians.
run() {
  local label=$1 url=$2
  shift 2
  : >"$work/results"
  for r in $(seq "$runs"); do
    out=$(wrk -t2 -c50 -d"${seconds}s" --latency -H "Cookie: $cookie" "$@" "$url")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    echo "$label run $r: ${rps} req/s, p50 ${p50}, p99 ${p99}${non2xx:+, non-2xx $non2xx}"
    to_ms() { sed -E 's/([0-9.]+)us/\1 0.001/; s/([0-9.]+)ms/\1 1/; s/([0-9.]+)s$/\1 1000/' <<<"$1" | awk '{printf "%.2f", $1 * $2}'; }
    echo "$rps $(to_ms "$p50") $(to_ms "$p99")" >>"$work/results"
  done
  for col in 1 2 3; do sort -g -k$col,$col "$work/results" | awk -v c=$col 'NR == int(('"$runs"' + 1) / 2) {print $c}'; done |
    paste -sd' ' | awk -v l="$label" '{printf "%s median of '"$runs"': %.0f req/s, p50 %.2f ms, p99 %.2f ms\n", l, $1, $2, $3}'
}
run "search" "$base" -s "$lua"
run "stats" "$base/api/stats"
