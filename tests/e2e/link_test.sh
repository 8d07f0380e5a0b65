#!/usr/bin/env bash
# End-to-end tests of link, explain, review and evaluate on simulated lists
# (ground truth known) and on the sample lists (a household).
# Usage: link_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
reckon=$1
root=$2
cd "$E2E_TMP"

# import_simulated DIR CASE: imports list_1..5 of a simulated directory.
import_simulated() {
  "$reckon" init "$2" >/dev/null
  for k in 1 2 3 4 5; do
    [[ -f "$1/list_$k.csv" ]] || continue
    "$reckon" import "$2" "$1/list_$k.csv" --source "list_$k" --kind ngo_list >/dev/null
  done
}

# f1 CASE TRUTH: pairwise F1 from `reckon evaluate --json`.
f1() {
  "$reckon" evaluate "$1" --truth "$2" --json | tr -d ' \n' | sed 's/.*"pairwise":{[^}]*"f1":\([0-9.]*\).*/\1/'
}

# at_least NAME FLOOR VALUE
at_least() {
  if awk -v v="$3" -v f="$2" 'BEGIN { exit !(v >= f) }'; then pass "$1 ($3 >= $2)"; else fail "$1" "$3 < $2"; fi
}

# --- F1 floors per profile (floors the implementation reaches, with margin) ---------
for spec in "clean 0.99" "realistic 0.97" "hard 0.85"; do
  read -r profile floor <<<"$spec"
  "$reckon" simulate --people 3000 --lists 5 --seed 11 --profile "$profile" --out "sim_$profile" >/dev/null
  import_simulated "sim_$profile" "$profile.reckon"
  expect_ok "link the $profile profile" "$reckon" link "$profile.reckon"
  at_least "pairwise F1 on the $profile profile" "$floor" "$(f1 "$profile.reckon" "sim_$profile/truth.csv")"
done

# --- lists of names, sex and age only (a national register of the dead) ----------------
# No dates or places: the name fields are learned from pairs sharing sex and
# age. Arabic list 1 against Arabic list 4, and against Latin list 5.
# keep_columns IN OUT COLUMN...: the named columns of a CSV without quoted commas.
keep_columns() {
  local in=$1 out=$2
  shift 2
  awk -F, -v want="$*" 'BEGIN { n = split(want, w, " ") }
    NR == 1 { for (i = 1; i <= NF; i++) idx[$i] = i
              for (k = 1; k <= n; k++) if (w[k] in idx) keep[++m] = idx[w[k]] }
    { line = ""; for (k = 1; k <= m; k++) line = line (k > 1 ? "," : "") $keep[k]; print line }' \
    "$in" >"$out"
}
columns="record_id given_name father_name grandfather_name family_name full_name sex age"
for spec in "4 arabic 0.96" "5 latin 0.93"; do
  read -r other script floor <<<"$spec"
  keep_columns sim_realistic/list_1.csv register_1.csv $columns
  keep_columns "sim_realistic/list_$other.csv" "register_$other.csv" $columns
  "$reckon" init "register_$other.reckon" >/dev/null
  "$reckon" import "register_$other.reckon" register_1.csv --source first --kind other >/dev/null
  "$reckon" import "register_$other.reckon" "register_$other.csv" --source second --kind other >/dev/null
  expect_ok "link two registers without dates or places ($script)" "$reckon" link "register_$other.reckon"
  { echo record_id,person_id; grep -E "^L[1$other]-" sim_realistic/truth.csv | cut -d, -f1,2; } \
    >"register_truth_$other.csv"
  at_least "pairwise F1, Arabic register against $script, names, sex and age only" "$floor" \
    "$(f1 "register_$other.reckon" "register_truth_$other.csv")"
done

expect_contains "evaluate reports blocking recall" \
  "$("$reckon" evaluate realistic.reckon --truth sim_realistic/truth.csv)" "true pairs (recall"

# --- estimate from the register, and how it moves with the linkage --------------------
estimate=$("$reckon" estimate realistic.reckon --method loglinear --no-ci)
expect_contains "estimate from the linked register" "$estimate" "best by AIC"
"$reckon" export realistic.reckon clusters --out register_before.csv >/dev/null
sensitivity=$("$reckon" estimate realistic.reckon --linkage-sensitivity --method loglinear --no-ci)
expect_contains "linkage sensitivity marks the chosen threshold" "$sensitivity" "0.90 (chosen)"
expect_contains "linkage sensitivity tries a looser threshold" "$sensitivity" "0.50"
stored=$("$reckon" estimate realistic.reckon --stored --json | tr -d ' \n')
expect_contains "both estimates are stored in the case" "$stored" '"estimate_run_id":2'
expect_contains "the stored estimate names its input" "$stored" '"input":"linkage_sensitivity"'
shown=$("$reckon" estimate realistic.reckon --show 1 | tr -d ' \n')
expect_contains "a stored estimate keeps its seed and parameters" "$shown" '"parameters":{"method":"loglinear","seed":1'
expect_contains "a stored estimate keeps its result" "$shown" '"criterion":"aic"'
expect_contains "a stored estimate names its link run" "$shown" '"link_run_id":1'
expect_fail "an unknown stored estimate" "no estimate run 9" "$reckon" estimate realistic.reckon --show 9
"$reckon" export realistic.reckon clusters --out register_after.csv >/dev/null
expect_eq "sensitivity does not change the saved register" "$(sha256sum < register_before.csv)" \
  "$(sha256sum < register_after.csv)"

# --- stable ids ------------------------------------------------------------------------
"$reckon" export realistic.reckon clusters --out before.csv >/dev/null
expect_ok "re-link" "$reckon" link realistic.reckon
"$reckon" export realistic.reckon clusters --out again.csv >/dev/null
expect_eq "re-linking the same records keeps every person id" "$(sort before.csv | sha256sum)" "$(sort again.csv | sha256sum)"
"$reckon" simulate --people 300 --lists 1 --seed 99 --profile clean --out extra >/dev/null
sed -i 's/^L1-/X1-/' extra/list_1.csv
"$reckon" import realistic.reckon extra/list_1.csv --source extra --kind other >/dev/null
"$reckon" link realistic.reckon >/dev/null
"$reckon" export realistic.reckon clusters --out after.csv >/dev/null
# Every old record keeps its person id unless its cluster changed.
kept=$(join -t, <(sort before.csv) <(sort after.csv) | awk -F, '$2 == $4' | wc -l)
total=$(($(wc -l < before.csv) - 1))
at_least "adding a list keeps nearly all person ids" "$((total * 98 / 100))" "$kept"

# --- the sample lists: a household stays apart; decisions survive re-link -------------
samples="$root/data/sample"
"$reckon" init sample.reckon >/dev/null
"$reckon" import sample.reckon "$samples/ngo_list.csv" --source NGO --kind ngo_list --mapping "$samples/ngo_list.map" >/dev/null
"$reckon" import sample.reckon "$samples/hospital.csv" --source Hospital --kind hospital_morgue >/dev/null
"$reckon" import sample.reckon "$samples/media.csv" --source Media --kind media_monitoring >/dev/null
expect_ok "link the sample case" "$reckon" link sample.reckon
"$reckon" export sample.reckon clusters --out sample_clusters.csv >/dev/null
person() { grep "^$1," sample_clusters.csv | cut -d, -f2; }
expect_eq "the same man across three lists and two scripts" "$(person NGO-001)" "$(person M-1)"
expect_eq "... and in the morgue register" "$(person NGO-001)" "$(person H-17)"
if [[ "$(person NGO-001)" != "$(person NGO-002)" ]]; then pass "brothers stay apart"; else fail "brothers merged"; fi
if [[ "$(person NGO-001)" != "$(person NGO-003)" ]]; then pass "father and son stay apart"; else fail "father and son merged"; fi
explain=$("$reckon" explain sample.reckon NGO-001 NGO-002)
expect_contains "explain shows the household rule" "$explain" "household rule"
explain=$("$reckon" explain sample.reckon NGO-001 M-1)
expect_contains "explain lists each field" "$explain" "given name"
# The weights add up: the last running total equals the stated total.
last_running=$(echo "$explain" | grep -E '^(prior|given|father|grandfather|family|mother|sex|age|death|place|term)' | tail -1 | awk '{print $NF}')
stated=$(echo "$explain" | sed -n 's/^total match weight \([-+0-9.inf]*\).*/\1/p')
expect_eq "explanation adds up" "$stated" "$last_running"

expect_ok "record a non-match" "$reckon" review sample.reckon --decide NGO-001 M-1 nonmatch --reviewer "Investigator A"
expect_ok "record a match" "$reckon" review sample.reckon --decide NGO-007 H-21 match --reviewer "Investigator A"
expect_fail "a decision needs a reviewer" "--reviewer" "$reckon" review sample.reckon --decide NGO-001 M-1 match
"$reckon" link sample.reckon >/dev/null
"$reckon" export sample.reckon clusters --out sample_after.csv >/dev/null
person() { grep "^$1," sample_after.csv | cut -d, -f2; }
if [[ "$(person NGO-001)" != "$(person M-1)" ]]; then pass "a human non-match overrides the model"; else fail "non-match ignored"; fi
expect_eq "a human match overrides the model" "$(person NGO-007)" "$(person H-21)"
"$reckon" link sample.reckon >/dev/null
"$reckon" export sample.reckon clusters --out sample_again.csv >/dev/null
person() { grep "^$1," sample_again.csv | cut -d, -f2; }
if [[ "$(person NGO-001)" != "$(person M-1)" && "$(person NGO-007)" == "$(person H-21)" ]]; then
  pass "decisions survive another re-link"
else
  fail "decisions lost on re-link"
fi
expect_contains "labels are counted for retraining" "$("$reckon" link sample.reckon --train-from-labels)" "retrained from labels"
printf 'q\n' | "$reckon" review sample.reckon --reviewer "Investigator A" > review.txt
expect_contains "interactive review shows a pair side by side" "$(cat review.txt)" "=== pair 1"
"$reckon" init unlinked.reckon >/dev/null
expect_fail "explain before link" "run \`reckon link\` first" "$reckon" explain unlinked.reckon A B

e2e_finish
