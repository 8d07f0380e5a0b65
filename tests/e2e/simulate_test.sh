#!/usr/bin/env bash
# End-to-end test of `reckon simulate`: runs the real binary, checks the files
# it writes, their ground truth and determinism, and that `reckon import`
# reads every list without a flagged value.
#
#   tests/e2e/simulate_test.sh [BUILD_DIR]
set -euo pipefail

build_dir=${1:-build}
reckon="$build_dir/reckon"
work=$(mktemp -d "${TMPDIR:-/tmp}/reckon-simulate-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$reckon" simulate --people 3000 --lists 5 --seed 11 --out "$work/a" >/dev/null
"$reckon" simulate --people 3000 --lists 5 --seed 11 --out "$work/b" >/dev/null

for file in list_1.csv list_2.csv list_3.csv list_4.csv list_5.csv truth.csv population.csv \
            captures.csv summary.json; do
  [[ -s "$work/a/$file" ]] || fail "$file missing or empty"
  cmp -s "$work/a/$file" "$work/b/$file" || fail "$file differs between two runs with one seed"
done

# Every record id appears in truth.csv, once.
list_ids=$(for k in 1 2 3 4 5; do tail -n +2 "$work/a/list_$k.csv" | cut -d, -f1; done | sort)
truth_ids=$(tail -n +2 "$work/a/truth.csv" | cut -d, -f1 | sort)
[[ "$list_ids" == "$truth_ids" ]] || fail "record ids in lists and truth.csv differ"
[[ -z "$(uniq -d <<<"$list_ids")" ]] || fail "duplicate record ids"

# captures.csv sums to the documented persons in summary.json.
captured=$(tail -n +2 "$work/a/captures.csv" | awk -F, '{ s += $NF } END { print s }')
documented=$(sed -n 's/.*"documented_persons": \([0-9]*\).*/\1/p' "$work/a/summary.json")
[[ "$captured" == "$documented" ]] || fail "captures.csv sums to $captured, summary says $documented"
grep -q '"true_n": 3000' "$work/a/summary.json" || fail "summary.json lacks true_n 3000"

# A different seed gives different lists.
"$reckon" simulate --people 3000 --lists 5 --seed 12 --out "$work/c" >/dev/null
! cmp -s "$work/a/list_1.csv" "$work/c/list_1.csv" || fail "seed does not change the output"

# Refuses to overwrite without --force; bad config names file and key.
if "$reckon" simulate --people 10 --out "$work/a" 2>/dev/null; then fail "overwrote without --force"; fi
echo '{"lists": [{"captur": 0.5}]}' >"$work/bad.json"
message=$("$reckon" simulate --out "$work/d" --config "$work/bad.json" 2>&1 || true)
grep -q 'bad.json: lists\[0\].captur: unknown key' <<<"$message" || fail "config error: $message"

# reckon import reads every list, with no value it cannot parse.
"$reckon" init "$work/case.reckon" >/dev/null
for k in 1 2 3 4 5; do
  "$reckon" import "$work/case.reckon" "$work/a/list_$k.csv" --source "list_$k" --kind ngo_list \
    >"$work/import_$k.txt" || fail "import of list_$k.csv failed"
  if grep -q "could not be parsed" "$work/import_$k.txt"; then
    fail "list_$k.csv has values the importer flags: $(cat "$work/import_$k.txt")"
  fi
done
echo "PASS: simulate e2e"
