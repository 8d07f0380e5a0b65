#!/usr/bin/env bash
# End-to-end tests of `reckon estimate --counts` on the reference tables in
# tests/data/mse/ (see its README.md for where the figures come from).
# Usage: estimate_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
reckon=$1
root=$2
mse="$root/tests/data/mse"
cd "$E2E_TMP"

# json FILE EXPR : evaluates a Python expression on the JSON document `j`.
json() { python3 -c "import json,sys; j=json.load(open('$1')); print($2)"; }

# --- log-linear models: Rcapture closedp.t on Kosovo ----------------------------------
expect_ok "loglinear on Kosovo" \
  bash -c "'$reckon' estimate --counts '$mse/kosovo.csv' --method loglinear --json > kosovo.json"
expect_eq "M0 abundance (Rcapture 7608.4)" 7608.4 "$(json kosovo.json "round(j['models'][0]['abundance'], 1)")"
expect_eq "Mth Chao df (Rcapture 9)" 9 \
  "$(json kosovo.json "[m['df'] for m in j['models'] if m['name'] == 'Mth Chao (LB)'][0]")"
expect_eq "all two-way N (published 14402.5)" 14402.5 \
  "$(json kosovo.json "[round(m['abundance'], 1) for m in j['models'] if m['name'] == '[12,13,14,23,24,34]'][0]")"
expect_eq "all two-way profile CI (published 12523-16668)" "12523 16668" \
  "$(json kosovo.json "' '.join(str(round(m[k])) for m in j['models'] if m['name'] == '[12,13,14,23,24,34]' for k in ('ci_low', 'ci_high'))")"
expect_eq "a model is selected" True "$(json kosovo.json "isinstance(j['loglinear']['selected'], str)")"

# --- Korea: named models and BIC ------------------------------------------------------
expect_ok "korea with a named model" \
  bash -c "'$reckon' estimate --counts '$mse/korea.csv' --method loglinear --criterion bic --model '[12,3]' --json > korea.json"
expect_eq "[12,23] (published 157.17, BIC 57.14)" "157.17 57.14" \
  "$(json korea.json "[f\"{m['abundance']:.2f} {m['bic']:.2f}\" for m in j['models'] if m['name'] == '[12,23]'][0]")"
expect_eq "[12,3] (published 268.78)" 268.78 \
  "$(json korea.json "[round(m['abundance'], 2) for m in j['models'] if m['name'] == '[12,3]'][0]")"

# --- UK 2013: six lists, independence -----------------------------------------------
expect_ok "uk2013 six-list search" \
  bash -c "'$reckon' estimate --counts '$mse/uk2013.csv' --method loglinear --no-ci --json > uk.json"
expect_eq "independence (published 12214.0)" 12214.0 \
  "$(json uk.json "[round(m['abundance'], 1) for m in j['models'] if m['name'] == '[1,2,3,4,5,6]'][0]")"
expect_eq "32768 models searched" 32768 "$(json uk.json "j['loglinear']['models_searched']")"

# --- dga on Kosovo -------------------------------------------------------------------
expect_ok "dga on Kosovo" bash -c "'$reckon' estimate --counts '$mse/kosovo.csv' --method dga \
  --delta 0.0625 --dga-max-missing 60000 --json > dga.json"
expect_eq "dga quantiles (dga 2.0.2: 9827 12595 16544)" "9827 12595 16544" \
  "$(json dga.json "' '.join(str(round(j['dga'][k])) for k in ('q025', 'median', 'q975'))")"

# --- LCMCR: fixed seed, reproducible ---------------------------------------------------
lcmcr_args=(--method lcmcr --chains 2 --burnin 5000 --samples 1000 --thinning 20 --seed 7 --json)
"$reckon" estimate --counts "$mse/kosovo.csv" "${lcmcr_args[@]}" > lcmcr1.json 2>&1
"$reckon" estimate --counts "$mse/kosovo.csv" "${lcmcr_args[@]}" > lcmcr2.json 2>&1
expect_eq "same seed, same posterior" "$(json lcmcr1.json "j['lcmcr']['median']")" \
  "$(json lcmcr2.json "j['lcmcr']['median']")"
expect_eq "LCMCR median within 10% of the reference chains (10384)" True \
  "$(json lcmcr1.json "abs(j['lcmcr']['median'] / 10384 - 1) < 0.1")"
expect_eq "diagnostics reported" True "$(json lcmcr1.json "'rhat' in j['lcmcr'] and 'ess' in j['lcmcr']")"
short_run="$("$reckon" estimate --counts "$mse/kosovo.csv" --method lcmcr --chains 2 --burnin 2000 \
     --samples 300 --thinning 10 --seed 7)"
expect_contains "a short run's interval is called provisional" "$short_run" "interval is provisional"
expect_contains "a short run's chain table says it has not converged" "$short_run" \
  "NOT CONVERGED"
"$reckon" estimate --counts "$mse/kosovo.csv" --method lcmcr --chains 2 --burnin 2000 \
  --samples 300 --thinning 10 --seed 7 --json > short.json
expect_eq "a short run is stored as not converged (issue 17)" False \
  "$(json short.json "j['lcmcr']['converged']")"
expect_eq "each chain is reported with its own ESS and alpha" "2 True" \
  "$(json short.json "str(len(j['lcmcr']['chains'])) + ' ' + str(all('ess' in c and 'alpha_median' in c for c in j['lcmcr']['chains']))")"
expect_eq "that run (20,000 sweeps a chain) is itself too short on Kosovo" False \
  "$(json lcmcr1.json "j['lcmcr']['converged']")"
"$reckon" estimate --counts "$mse/kosovo.csv" --method lcmcr --seed 7 --json > defaults.json
expect_eq "the defaults (4 chains of 210,000 sweeps) converge on Kosovo" True \
  "$(json defaults.json "j['lcmcr']['converged']")"

# --- strata -----------------------------------------------------------------------------
{
  echo "stratum,A,B,C,count"
  sed 1d "$mse/korea.csv" | sed 's/^/north,/'
  sed 1d "$mse/korea.csv" | sed 's/^/south,/'
  echo "east,1,0,0,12"
  echo "east,0,1,0,9"
} > strata.csv
expect_ok "stratified counts" bash -c "'$reckon' estimate --counts strata.csv --method loglinear --json > strata.json"
expect_eq "three strata" 3 "$(json strata.json "len(j['strata'])")"
expect_eq "a stratum with two lists is not estimable" False \
  "$(json strata.json "j['strata'][2]['estimable']")"
expect_contains "terminal table names strata" \
  "$("$reckon" estimate --counts strata.csv --method loglinear --no-ci)" "Stratum east"

# --- errors ------------------------------------------------------------------------------
printf 'a,b,count\n1,0,3\n1,2,4\n' > bad.csv
expect_fail "bad 0/1 value names line and column" "bad.csv line 3, column 'b'" \
  "$reckon" estimate --counts bad.csv
printf 'a,b,count\n1,0,-3\n' > negative.csv
expect_fail "negative count" "cannot be negative" "$reckon" estimate --counts negative.csv
expect_fail "missing file" "does not exist" "$reckon" estimate --counts nowhere.csv
"$reckon" init unlinked.reckon >/dev/null
expect_fail "case without a register" "run \`reckon link\` first or pass --counts" \
  "$reckon" estimate unlinked.reckon
expect_fail "bad method" "method" "$reckon" estimate --counts "$mse/korea.csv" --method magic
expect_fail "bad model name" "not a list number" \
  "$reckon" estimate --counts "$mse/korea.csv" --method loglinear --model "[19]"

e2e_finish
