#!/usr/bin/env bash
# The main job on the embedded default: installs what is missing, builds, creates
# a case file, imports the sample lists (three formats: UTF-8 with Arabic headers,
# Windows-1256 with semicolons, UTF-16 with tabs), and prints what is in it.
# Output lands in out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

out=out/demo
rm -rf "$out"
mkdir -p "$out"
case_file="$out/demo.reckon"
reckon=build/reckon
samples=data/sample

"$reckon" init "$case_file"
"$reckon" import "$case_file" "$samples/ngo_list.csv" --source "NGO list" --kind ngo_list \
  --description "Invented NGO list with Arabic headers" --mapping "$samples/ngo_list.map"
"$reckon" import "$case_file" "$samples/hospital.csv" --source "Hospital morgue" \
  --kind hospital_morgue --description "Invented morgue register (Windows-1256)"
"$reckon" import "$case_file" "$samples/media.csv" --source "Media monitoring" \
  --kind media_monitoring --description "Invented media list in Latin script (UTF-16)"
echo
"$reckon" sources "$case_file"
echo
"$reckon" records "$case_file" --limit 0
echo
"$reckon" stats "$case_file"
"$reckon" export "$case_file" records --out "$out/records.csv"
echo
echo "Case file: $case_file    All records as CSV: $out/records.csv"
