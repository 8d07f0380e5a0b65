#!/usr/bin/env bash
# End-to-end tests of `reckon simulate`, run against the real binary: the files
# it writes, their ground truth, determinism by seed, errors, and that
# `reckon import` reads every list without flagging a value.
# Usage: simulate_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
reckon=$1
cd "$E2E_TMP"

# --- files and determinism -----------------------------------------------------
expect_ok "simulate runs" "$reckon" simulate --people 3000 --lists 5 --seed 11 --out a
expect_ok "same seed again" "$reckon" simulate --people 3000 --lists 5 --seed 11 --out b
expect_ok "another seed" "$reckon" simulate --people 3000 --lists 5 --seed 12 --out c
for file in list_1.csv list_2.csv list_3.csv list_4.csv list_5.csv truth.csv population.csv \
            captures.csv summary.json; do
  if [[ -s "a/$file" ]]; then pass "$file written"; else fail "$file written"; fi
  if cmp -s "a/$file" "b/$file"; then
    pass "$file identical for one seed"
  else
    fail "$file identical for one seed"
  fi
done
if cmp -s a/list_1.csv c/list_1.csv; then
  fail "a different seed changes the lists"
else
  pass "a different seed changes the lists"
fi

# --- ground truth ----------------------------------------------------------------
list_ids=$(for k in 1 2 3 4 5; do tail -n +2 "a/list_$k.csv" | cut -d, -f1; done | sort)
truth_ids=$(tail -n +2 a/truth.csv | cut -d, -f1 | sort)
expect_eq "every record is in truth.csv" "$list_ids" "$truth_ids"
expect_eq "record ids are unique" "" "$(uniq -d <<<"$list_ids")"
captured=$(tail -n +2 a/captures.csv | awk -F, '{ s += $NF } END { print s }')
documented=$(sed -n 's/.*"documented_persons": \([0-9]*\).*/\1/p' a/summary.json)
expect_eq "captures.csv sums to the documented persons" "$documented" "$captured"
expect_contains "summary has the true N" "$(cat a/summary.json)" '"true_n": 3000'
expect_eq "population.csv has N people" 3001 "$(wc -l <a/population.csv)"

# --- errors ------------------------------------------------------------------------
expect_fail "refuses to overwrite without --force" "is not empty" \
  "$reckon" simulate --people 10 --out a
expect_ok "--force overwrites" "$reckon" simulate --people 10 --lists 2 --out b --force
if [[ -e b/list_5.csv ]]; then fail "--force removes stale lists"; else pass "--force removes stale lists"; fi
echo '{"lists": [{"captur": 0.5}]}' >bad.json
expect_fail "config errors name file and key" "bad.json: lists[0].captur: unknown key" \
  "$reckon" simulate --out d --config bad.json
expect_fail "unknown profile" "unknown profile 'easy'" "$reckon" simulate --out d --profile easy

# --- the importer reads every list ---------------------------------------------------
expect_ok "init" "$reckon" init case.reckon
import_list() {
  local k=$1 output
  shift
  if ! output=$("$reckon" import case.reckon "a/list_$k.csv" --source "list_$k" "$@" 2>&1); then
    fail "import list_$k.csv" "$output"
  elif [[ "$output" == *"could not be parsed"* ]]; then
    fail "list_$k.csv has no flagged values" "$output"
  else
    pass "list_$k.csv imports without flags"
  fi
}
import_list 1 --kind ngo_list
import_list 2 --kind hospital_morgue
import_list 3 --kind media_monitoring
import_list 4 --kind field_interviews --derived-from list_1
import_list 5 --kind other --derived-from list_3
for profile in clean hard; do
  expect_ok "simulate $profile" "$reckon" simulate --people 2000 --profile "$profile" --out "$profile"
  expect_ok "init $profile" "$reckon" init "$profile.reckon"
  for k in 1 2 3 4 5; do
    output=$("$reckon" import "$profile.reckon" "$profile/list_$k.csv" --source "list_$k" \
      --kind other 2>&1) || true
    if [[ "$output" == imported* && "$output" != *"could not be parsed"* ]]; then
      pass "$profile list_$k.csv imports without flags"
    else
      fail "$profile list_$k.csv imports without flags" "$output"
    fi
  done
done

e2e_finish
