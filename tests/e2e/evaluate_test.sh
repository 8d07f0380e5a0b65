#!/usr/bin/env bash
# End-to-end tests of `reckon evaluate` and `reckon export ... clusters`. The
# register is written with the sqlite3 shell (link_runs, persons,
# person_records), so these tests do not depend on `reckon link`.
# Usage: evaluate_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
reckon=$1
cd "$E2E_TMP"

# scaled SCORE : a JSON score times 10000, rounded (jq), from $scores.
scaled() { jq -r "($1 * 10000) | round" <<<"$scores"; }

# register CASE SELECT : one link run whose persons come from SELECT, which
# yields (record_pk, person_id).
register() {
  sql "$1" "BEGIN;
    INSERT INTO link_runs (run_id, created_at, settings_json, model_json, summary_json)
      VALUES (1, '2025-03-20T00:00:00Z', '{}', '{}', '{}');
    CREATE TEMP TABLE assignment AS $2;
    INSERT INTO persons (person_id, first_run_id, last_run_id)
      SELECT DISTINCT person_id, 1, 1 FROM assignment;
    INSERT INTO person_records (record_pk, person_id) SELECT record_pk, person_id FROM assignment;
    COMMIT;"
}

# --- a hand-computed register ----------------------------------------------------
# Truth: A = {r1, r2, r3}, B = {r4, r5}, C = {r6}; r7 is only in the truth.
# Register: 1 = {r1, r2}, 2 = {r3, r4}, 3 = {r5, r6}, 4 = {r8}; r8 is only in the register.
# Pairs: 4 true (3 in A, 1 in B), 3 in the register, 1 correct (r1-r2):
#   precision 1/3, recall 1/4, F1 2/7.
# B-cubed per record, precision 1, 1, 1/2, 1/2, 1/2, 1/2 -> 2/3;
#   recall 2/3, 2/3, 1/3, 1/2, 1/2, 1 -> 11/18; F1 = 2PR/(P+R) = 44/69.
printf 'record_id,full_name\nr1,a\nr2,b\nr3,c\nr4,d\nr5,e\nr6,f\nr8,g\n' >hand.csv
printf 'record_id,person_id,list\nr1,A,x\nr2,A,x\nr3,A,x\nr4,B,x\nr5,B,x\nr6,C,x\nr7,D,x\n' \
  >hand_truth.csv
expect_ok "init" "$reckon" init hand.reckon
expect_ok "import" "$reckon" import hand.reckon hand.csv --source H --kind other
expect_fail "no register yet" "run \`reckon link\` first" \
  "$reckon" evaluate hand.reckon --truth hand_truth.csv
expect_fail "no register to export" "no register yet" \
  "$reckon" export hand.reckon clusters --out none.csv
register hand.reckon "SELECT record_pk, CASE record_id WHEN 'r1' THEN 1 WHEN 'r2' THEN 1
  WHEN 'r3' THEN 2 WHEN 'r4' THEN 2 WHEN 'r5' THEN 3 WHEN 'r6' THEN 3 ELSE 4 END AS person_id
  FROM records"
scores=$("$reckon" evaluate hand.reckon --truth hand_truth.csv --json)
expect_eq "records evaluated" 6 "$(jq .records <<<"$scores")"
expect_eq "true persons" 3 "$(jq .true_persons <<<"$scores")"
expect_eq "predicted persons" 3 "$(jq .predicted_persons <<<"$scores")"
expect_eq "pairs true/register/correct" "4 3 1" \
  "$(jq -r '.pairwise | "\(.true_pairs) \(.predicted_pairs) \(.correct_pairs)"' <<<"$scores")"
expect_eq "pairwise precision 1/3" 3333 "$(scaled .pairwise.precision)"
expect_eq "pairwise recall 1/4" 2500 "$(scaled .pairwise.recall)"
expect_eq "pairwise F1 2/7" 2857 "$(scaled .pairwise.f1)"
expect_eq "B-cubed precision 2/3" 6667 "$(scaled .bcubed.precision)"
expect_eq "B-cubed recall 11/18" 6111 "$(scaled .bcubed.recall)"
expect_eq "B-cubed F1 44/69" 6377 "$(scaled .bcubed.f1)"
expect_eq "only in the truth" '["r7"]' "$(jq -c .only_in_truth <<<"$scores")"
expect_eq "only in the register" '["r8"]' "$(jq -c .only_in_register <<<"$scores")"
text=$("$reckon" evaluate hand.reckon --truth hand_truth.csv)
expect_contains "text: pairwise row" "$text" "pairwise  0.3333     0.2500  0.2857"
expect_contains "text: unmatched ids" "$text" "only in the truth: 1 records (r7)"

expect_ok "export clusters" "$reckon" export hand.reckon clusters --out clusters.csv
expect_eq "clusters.csv" "record_id,person_id,source
r1,1,H
r2,1,H
r3,2,H
r4,2,H
r5,3,H
r6,3,H
r8,4,H" "$(cat clusters.csv)"
if [[ -e clusters.csv.partial ]]; then fail "no .partial left"; else pass "no .partial left"; fi
expect_fail "unknown export" "known: records, clusters" \
  "$reckon" export hand.reckon people --out x.csv
# The exported register reads back as a truth file: a perfect score.
scores=$("$reckon" evaluate hand.reckon --truth clusters.csv --json)
expect_eq "register against itself" "10000 10000" \
  "$(scaled .pairwise.f1) $(scaled .bcubed.f1)"

# --- bad truth files -----------------------------------------------------------------
printf 'record_id,person\nr1,A\n' >no_column.csv
expect_fail "truth without person_id" "no_column.csv:1: the header needs the columns" \
  "$reckon" evaluate hand.reckon --truth no_column.csv
printf 'record_id,person_id\nr1,A\nr2,A\nr1,B\n' >twice.csv
expect_fail "record listed twice" "twice.csv:4: record r1 is listed again (first on line 2)" \
  "$reckon" evaluate hand.reckon --truth twice.csv
printf 'record_id,person_id\nr1,A\nr2,"B\n' >open_quote.csv
expect_fail "broken CSV names the line" "open_quote.csv: line 3" \
  "$reckon" evaluate hand.reckon --truth open_quote.csv
expect_fail "missing truth file" "missing.csv" "$reckon" evaluate hand.reckon --truth missing.csv

# --- a simulated list --------------------------------------------------------------------
expect_ok "simulate" "$reckon" simulate --people 300 --lists 2 --seed 5 --out sim
expect_ok "init sim" "$reckon" init sim.reckon
expect_ok "import list_1" "$reckon" import sim.reckon sim/list_1.csv --source list_1 --kind ngo_list
expect_ok "import list_2" "$reckon" import sim.reckon sim/list_2.csv --source list_2 --kind other
records=$(($(wc -l <sim/truth.csv) - 1))
persons=$(tail -n +2 sim/truth.csv | cut -d, -f2 | sort -u | wc -l)
true_pairs=$(tail -n +2 sim/truth.csv | cut -d, -f2 | sort | uniq -c |
  awk '{ s += $1 * ($1 - 1) / 2 } END { print s }')
# The true register: persons numbered by their truth id.
sql sim.reckon "CREATE TABLE truth_load (record_id TEXT, person_id TEXT, list TEXT,
  report TEXT, copied_from TEXT)"
sqlite3 -batch sim.reckon ".import --csv --skip 1 sim/truth.csv truth_load"
register sim.reckon "SELECT r.record_pk, DENSE_RANK() OVER (ORDER BY t.person_id) AS person_id
  FROM records r JOIN truth_load t USING (record_id)"
sql sim.reckon "DROP TABLE truth_load"
scores=$("$reckon" evaluate sim.reckon --truth sim/truth.csv --json)
expect_eq "simulated: every record evaluated" "$records" "$(jq .records <<<"$scores")"
expect_eq "simulated: persons" "$persons $persons" \
  "$(jq -r '"\(.true_persons) \(.predicted_persons)"' <<<"$scores")"
expect_eq "simulated: true pairs" "$true_pairs" "$(jq .pairwise.true_pairs <<<"$scores")"
expect_eq "simulated: the true register scores 1" "10000 10000 10000 10000" \
  "$(scaled .pairwise.precision) $(scaled .pairwise.recall) $(scaled .bcubed.precision) $(scaled .bcubed.recall)"
expect_ok "simulated: export clusters" "$reckon" export sim.reckon clusters --out sim_clusters.csv
expect_eq "simulated: one line per record" "$((records + 1))" "$(wc -l <sim_clusters.csv)"

# Every record alone: no pair claimed (precision 1), none found (recall 0);
# B-cubed recall = true persons / records.
sql sim.reckon "DELETE FROM person_records; DELETE FROM persons; DELETE FROM link_runs"
register sim.reckon "SELECT record_pk, record_pk AS person_id FROM records"
scores=$("$reckon" evaluate sim.reckon --truth sim/truth.csv --json)
expect_eq "singletons: pairwise precision and recall" "10000 0" \
  "$(scaled .pairwise.precision) $(scaled .pairwise.recall)"
expect_eq "singletons: B-cubed recall" \
  "$(awk -v p="$persons" -v n="$records" 'BEGIN { printf "%.0f", p / n * 10000 }')" \
  "$(scaled .bcubed.recall)"

# --- calibration of the match probabilities (issue 18, item 1) ------------------------
# A simulated case linked with --pairs-out; a reviewer decides 120 pairs of the
# reviewable band from the truth; the next run recalibrates from them, and on
# the pairs nobody decided the recalibrated probabilities must be better
# calibrated than the model's own.
expect_ok "simulate for calibration" "$reckon" simulate --people 1500 --lists 4 --seed 11 \
  --profile realistic --out calsim
expect_ok "init calibration case" "$reckon" init cal.reckon
for k in 1 2 3 4; do
  expect_ok "import list $k" "$reckon" import cal.reckon calsim/list_$k.csv --source list_$k \
    --kind other
done
expect_ok "link with pairs" "$reckon" link cal.reckon --pairs-out pairs0.csv
expect_contains "the pairs file has the recalibrated column" "$(head -1 pairs0.csv)" \
  "probability,calibrated_probability,same_person"
"$reckon" evaluate cal.reckon --truth calsim/truth.csv --pairs pairs0.csv --json >cal0.json
expect_eq "calibration counts every compared pair but households" True \
  "$(python3 -c "import json, csv
j = json.load(open('cal0.json'))['calibration']
n = sum(1 for _ in csv.reader(open('pairs0.csv'))) - 1
print(j['pairs'] + j['household_pairs_left_out'] == n)")"
expect_eq "no map without reviews" null "$(jq '.calibration.recalibrated' cal0.json)"
python3 - <<'PY' >decisions.txt
import csv, random
truth = {r["record_id"]: r["person_id"] for r in csv.DictReader(open("calsim/truth.csv"))}
band = [r for r in csv.DictReader(open("pairs0.csv"))
        if r["household"] == "0" and 0.035 <= float(r["probability"]) <= 0.9996]
random.Random(5).shuffle(band)
for r in band[:120]:
    print(r["record_a"], r["record_b"],
          "match" if truth[r["record_a"]] == truth[r["record_b"]] else "nonmatch")
PY
expect_eq "120 decisions to make" 120 "$(wc -l <decisions.txt)"
while read -r a b verdict; do
  "$reckon" review cal.reckon --decide "$a" "$b" "$verdict" --reviewer e2e >/dev/null
done <decisions.txt
link_text=$("$reckon" link cal.reckon --pairs-out pairs1.csv)
expect_contains "link says the reviews recalibrated the model" "$link_text" \
  "reviewed pairs"
expect_contains "link shows expected errors after recalibration" "$link_text" \
  "after recalibration: false"
"$reckon" evaluate cal.reckon --truth calsim/truth.csv --pairs pairs1.csv --json >cal1.json
expect_eq "the decided pairs are left out of the score" 120 \
  "$(jq '.calibration.decided_pairs_left_out' cal1.json)"
expect_eq "on the same undecided pairs, recalibration halves the calibration error at least" \
  true "$(jq '.calibration.recalibrated.ece < .calibration.plausible_pairs.ece / 2' cal1.json)"
expect_eq "model and recalibration are scored on the same pairs" true \
  "$(jq '.calibration.recalibrated.plausible_pairs == .calibration.plausible_pairs.pairs' cal1.json)"
expect_eq "the model alone is measurably miscalibrated here" true \
  "$(jq '.calibration.plausible_pairs.ece > 0.03' cal1.json)"
expect_fail "a pairs file without the columns is refused" "needs the column record_a" \
  "$reckon" evaluate cal.reckon --truth calsim/truth.csv --pairs calsim/truth.csv

e2e_finish
