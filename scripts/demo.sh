#!/usr/bin/env bash
# The main job on the embedded default: installs what is missing, builds, then
#  1. imports the three sample lists (UTF-8 with Arabic headers, Windows-1256
#     with semicolons, UTF-16 with tabs) into out/demo/sample.reckon and links them;
#  2. with no real lists at hand, simulates five lists of invented victims with
#     ground truth, imports them into out/demo/demo.reckon (declaring the two
#     lists that copy others), links the register, scores it against the truth,
#     and estimates the total number of victims, which the simulation knows;
#  3. records an incident, a piece of evidence and three verified cases;
#  4. writes the case's public report (one self-contained HTML file);
#  5. creates a first admin account and says how to open the web application.
# Everything lands in out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

out=out/demo
rm -rf "$out"
mkdir -p "$out"
reckon=build/reckon
samples=data/sample

echo "== 1. The sample lists"
sample="$out/sample.reckon"
"$reckon" init "$sample"
"$reckon" import "$sample" "$samples/ngo_list.csv" --source "NGO list" --kind ngo_list \
  --description "Invented NGO list with Arabic headers" --mapping "$samples/ngo_list.map"
"$reckon" import "$sample" "$samples/hospital.csv" --source "Hospital morgue" \
  --kind hospital_morgue --description "Invented morgue register (Windows-1256)"
"$reckon" import "$sample" "$samples/media.csv" --source "Media monitoring" \
  --kind media_monitoring --description "Invented media list in Latin script (UTF-16)"
"$reckon" link "$sample"
"$reckon" explain "$sample" NGO-001 M-1
"$reckon" explain "$sample" NGO-001 NGO-002 | tail -3

echo
echo "== 2. Five simulated lists (invented people, known truth)"
"$reckon" simulate --people 20000 --lists 5 --seed 1 --profile realistic --out "$out/sim"
case_file="$out/demo.reckon"
"$reckon" init "$case_file"
import() {
  "$reckon" import "$case_file" "$out/sim/list_$1.csv" --source "list_$1" --kind "$2" "${@:3}"
}
import 1 ngo_list
import 2 hospital_morgue
import 3 media_monitoring
import 4 field_interviews --derived-from list_1
import 5 other --derived-from list_3
"$reckon" link "$case_file"
"$reckon" evaluate "$case_file" --truth "$out/sim/truth.csv"
# Stored in the case (estimate_runs) so the report and the web application show it; the
# output goes to a file first so a short `head` cannot cut the run off before it is stored.
"$reckon" estimate "$case_file" --method loglinear > "$out/estimate.txt"
head -25 "$out/estimate.txt"
echo "(the simulation's true number of victims: $(grep -o '"true_n": [0-9]*' "$out/sim/summary.json" | grep -o '[0-9]*$'))"
echo
"$reckon" stats "$case_file"
"$reckon" export "$case_file" records --out "$out/records.csv"
"$reckon" export "$case_file" clusters --out "$out/register.csv"
echo
echo "Case files: $sample, $case_file"
echo "Records: $out/records.csv    Register (record_id -> person_id): $out/register.csv"
echo
echo "== 3. Casework on the simulated case (invented): an incident, evidence, verified cases"
"$reckon" incident add "$case_file" --title "Simulated killings, March 2025" --type mass_killing \
  --start 2025-03-06 --end 2025-03-12 --place Baniyas \
  --description "Invented incident for the demonstration" >/dev/null
printf 'Invented morgue register page for persons 1-3 (demonstration only)\n' > "$out/morgue_page.txt"
"$reckon" evidence add "$case_file" "$out/morgue_page.txt" --acquired-by "Demo investigator" \
  --description "Morgue register page (invented)" --person 1 --person 2 --person 3 >/dev/null
for person in 1 2 3; do
  "$reckon" incident link "$case_file" 1 --person "$person" >/dev/null
  "$reckon" verify "$case_file" "$person" --status verified --actor "Demo investigator" \
    --rationale "Named in the morgue register page (invented evidence)" >/dev/null
done
"$reckon" person show "$case_file" 1 | head -20

echo
echo "== 4. The report"
"$reckon" export "$case_file" persons --public --out "$out/persons.csv"
"$reckon" export "$case_file" captures --by governorate --out "$out/captures.csv"
"$reckon" report "$case_file" --out "$out/report.html" --title "Simulated case: report on the victims"
echo "Report: $(cd "$out" && pwd)/report.html"

echo
echo "== 5. The web application"
# A first admin account for the demo case; its password is random, shown once here and kept
# in a file only the owner can read.
password=$(head -c 30 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-20)
RECKON_USER_PASSWORD="$password" "$reckon" user add "$case_file" admin --role admin >/dev/null
(umask 077 && printf '%s\n' "$password" > "$out/admin-password.txt")
cat <<MSG
Start the web application on the demo case:

    build/reckon serve $case_file --port 8080

then open http://127.0.0.1:8080/ in a browser and sign in as
    user:     admin
    password: $password      (also in $out/admin-password.txt)
Add accounts for the team with: build/reckon user add $case_file NAME --role investigator
MSG
