#!/usr/bin/env bash
# End-to-end tests of init, source, import, sources, records, export and stats,
# run against the real binary on the sample lists and generated files.
# Usage: import_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
reckon=$1
root=$2
samples="$root/data/sample"
cd "$E2E_TMP"

# --- the case file -----------------------------------------------------------
expect_ok "init creates a case file" "$reckon" init case.reckon
expect_eq "schema version recorded" 4 "$(sql case.reckon 'PRAGMA user_version')"
expect_eq "WAL journal" wal "$(sql case.reckon 'PRAGMA journal_mode')"
expect_fail "init refuses to overwrite" "already exists" "$reckon" init case.reckon
expect_fail "missing case file is named" "missing.reckon does not exist" \
  "$reckon" stats missing.reckon
echo "not a database at all, just text that is long enough to look like a file" > text.reckon
expect_fail "a text file is not a case file" "not a Reckon case file" "$reckon" stats text.reckon
cp case.reckon newer.reckon
sql newer.reckon 'PRAGMA user_version = 99'
expect_fail "a newer schema is refused" "schema version 99" "$reckon" stats newer.reckon

# --- sources -------------------------------------------------------------------
expect_ok "source add" "$reckon" source add case.reckon NGO --kind ngo_list --description "an NGO"
expect_ok "derived source" "$reckon" source add case.reckon Copy --kind media_monitoring \
  --derived-from NGO
expect_fail "unknown kind" "unknown source kind" "$reckon" source add case.reckon X --kind blog
expect_fail "unknown parent" "does not exist" "$reckon" source add case.reckon Y --kind other \
  --derived-from Nobody
expect_contains "sources lists derivation" "$("$reckon" sources case.reckon)" "NGO"

# --- imports in each encoding and delimiter --------------------------------------
expect_ok "UTF-8 Arabic headers via mapping" "$reckon" import case.reckon "$samples/ngo_list.csv" \
  --source NGO --mapping "$samples/ngo_list.map"
expect_ok "Windows-1256 with semicolons" "$reckon" import case.reckon "$samples/hospital.csv" \
  --source Hospital --kind hospital_morgue
expect_ok "UTF-16LE with BOM and tabs" "$reckon" import case.reckon "$samples/media.csv" \
  --source Media --kind media_monitoring
expect_eq "24 records" 24 "$(sql case.reckon 'SELECT count(*) FROM records')"
expect_eq "Arabic from Windows-1256" "سامر نزار الحلبي" \
  "$(sql case.reckon "SELECT full_name FROM records WHERE record_id = 'H-17'")"
expect_eq "Arabic-Indic age and date" "34|2025-03-08|day" \
  "$(sql case.reckon "SELECT age, death_date, death_date_precision FROM records WHERE record_id = 'NGO-001'")"
expect_eq "UTF-16 Latin text" "Samer Nizar al-Halabi|2025-03-08" \
  "$(sql case.reckon "SELECT full_name, death_date FROM records WHERE record_id = 'M-1'")"
expect_eq "raw row kept with every column" '["NGO-008","أبو علي","","","","","ذكر","مسن","٠٨/٠٣/٢٠٢٥","بانياس","بانياس","طرطوس","","كنية فقط"]' \
  "$(sql case.reckon "SELECT raw_json FROM records WHERE record_id = 'NGO-008'")"
expect_eq "file hash recorded" "$(sha256sum "$samples/hospital.csv" | cut -d' ' -f1)" \
  "$(sql case.reckon "SELECT file_sha256 FROM imports WHERE file_name LIKE '%hospital.csv'")"

printf 'record_id,full_name,age\r\nU1,"Quoted, with ""quotes""\r\nand a newline",4\r\n' > crlf.csv
expect_ok "CRLF, embedded newline, doubled quotes" "$reckon" import case.reckon crlf.csv --source NGO
expect_eq "quoted field intact" $'Quoted, with "quotes"\r\nand a newline' \
  "$(sql case.reckon "SELECT full_name FROM records WHERE record_id = 'U1'")"
printf '\xEF\xBB\xBFrecord_id,full_name\nBOM1,محمد\n' > bom.csv
expect_ok "UTF-8 with BOM" "$reckon" import case.reckon bom.csv --source NGO
(printf '\xFE\xFF'; printf 'record_id,full_name\nBE1,علي\n' | iconv -f UTF-8 -t UTF-16BE) > be.csv
expect_ok "UTF-16BE with BOM" "$reckon" import case.reckon be.csv --source NGO
expect_eq "UTF-16BE text" "علي" "$(sql case.reckon "SELECT full_name FROM records WHERE record_id = 'BE1'")"
printf 'record_id,full_name\nW1,حسن\n' | iconv -f UTF-8 -t WINDOWS-1256 > named.csv
expect_ok "--encoding windows-1256" "$reckon" import case.reckon named.csv --source NGO \
  --encoding windows-1256
expect_fail "unknown encoding" "unknown encoding" "$reckon" import case.reckon named.csv \
  --source NGO --encoding latin9

# --- flagged values ----------------------------------------------------------------
printf 'record_id,full_name,sex,age,death_date\nF1,x,Q,200,31/02/2025\nF2,y,M,30,2025-03-08\n' > flags.csv
out=$("$reckon" import case.reckon flags.csv --source NGO)
expect_contains "import reports flagged values" "$out" "sex=1 age=1 death_date=1"
expect_eq "flagged raw values kept" "age|200,death_date|31/02/2025,sex|Q" \
  "$(sql case.reckon "SELECT group_concat(field || '|' || raw_value, ',') FROM (SELECT field, raw_value FROM record_flags JOIN records USING (record_pk) WHERE record_id = 'F1' ORDER BY field)")"
stats=$("$reckon" stats case.reckon --json)
expect_contains "stats counts flagged sex" "$stats" '"field": "sex"'
expect_contains "stats JSON records" "$stats" '"records": 30'

# --- refusals and errors leave the case unchanged ---------------------------------
dump_before=$(sql case.reckon .dump | sha256sum)
count_before=$(sql case.reckon 'SELECT count(*) FROM records')
expect_fail "duplicate import refused" "pass --force" "$reckon" import case.reckon \
  "$samples/hospital.csv" --source Hospital
{ echo "record_id,full_name"; for i in $(seq 1 3000); do echo "G$i,محمد $i"; done; echo 'G9,"unterminated'; } > broken_quote.csv
expect_fail "unterminated quote names file and line" "broken_quote.csv: line 3002" \
  "$reckon" import case.reckon broken_quote.csv --source NGO
{ echo "record_id,full_name"; for i in $(seq 1 3000); do echo "G$i,محمد $i"; done; echo "G9,a,b"; } > wrong_width.csv
expect_fail "wrong column count names line" "wrong_width.csv: line 3002: the row has 3 fields" \
  "$reckon" import case.reckon wrong_width.csv --source NGO
{ echo "record_id,full_name"; for i in $(seq 1 3000); do echo "G$i,محمد $i"; done; printf 'G9,\xE3\xCD\n'; } > bad_bytes.csv
expect_fail "invalid bytes name line" "bad_bytes.csv: line 3002: invalid UTF-8" \
  "$reckon" import case.reckon bad_bytes.csv --source NGO
{ echo "record_id,full_name"; for i in $(seq 1 3000); do echo "G$i,محمد $i"; done; echo "G17,again"; } > dup_id.csv
expect_fail "duplicate record_id names both lines" "line 3002: record_id 'G17' is already used on line 18" \
  "$reckon" import case.reckon dup_id.csv --source NGO
expect_fail "unknown source" "does not exist" "$reckon" import case.reckon flags.csv --source Nobody
expect_fail "missing list file" "nope.csv" "$reckon" import case.reckon nope.csv --source NGO
expect_fail "missing mapping file" "cannot read mapping file" "$reckon" import case.reckon \
  "$samples/ngo_list.csv" --source NGO --mapping missing.map
printf 'الرقم = record_id\nالعمود المفقود = age\n' > bad.map
expect_fail "unknown column in mapping" "bad.map, line 2: column 'العمود المفقود' is not in the header" \
  "$reckon" import case.reckon "$samples/ngo_list.csv" --source NGO --mapping bad.map --force
printf 'الرقم = identifier\n' > badfield.map
expect_fail "unknown field in mapping" "'identifier' is not a canonical field" \
  "$reckon" import case.reckon "$samples/ngo_list.csv" --source NGO --mapping badfield.map --force
expect_fail "Arabic headers without mapping" "pass --mapping" \
  "$reckon" import case.reckon "$samples/ngo_list.csv" --source NGO --force
expect_fail "failed import does not create its source" "never closed" \
  "$reckon" import case.reckon broken_quote.csv --source Fresh --kind official
expect_eq "record count unchanged" "$count_before" "$(sql case.reckon 'SELECT count(*) FROM records')"
expect_eq "case content byte-for-byte unchanged" "$dump_before" "$(sql case.reckon .dump | sha256sum)"

# --- looking at what is there ------------------------------------------------------
records=$("$reckon" records case.reckon --source Media --limit 3)
expect_contains "records filtered by source" "$records" "Samer Nizar al-Halabi"
expect_contains "records limit" "$records" "(3 records shown"
expect_fail "records of an unknown source" "no source named" "$reckon" records case.reckon --source X
expect_ok "export records" "$reckon" export case.reckon records --out export.csv
head -1 export.csv > header.txt
expect_eq "export header" "record_id,full_name,given_name,father_name,grandfather_name,family_name,mother_name,sex,age,birth_date,death_date,locality,district,governorate,cause,notes,source,row_number,line_number,flagged_fields" "$(cat header.txt)"
"$reckon" init round.reckon >/dev/null
expect_ok "an export imports back" "$reckon" import round.reckon export.csv --source Round --kind other
expect_eq "every record exported" "$(sql case.reckon 'SELECT count(*) FROM records')" \
  "$(sql round.reckon 'SELECT count(*) FROM records')"
expect_eq "round trip keeps parsed values" \
  "$(sql case.reckon "SELECT full_name, sex, age_min, age_max, death_date FROM records WHERE record_id IN ('NGO-005','M-7','H-21') ORDER BY record_id")" \
  "$(sql round.reckon "SELECT full_name, sex, age_min, age_max, death_date FROM records WHERE record_id IN ('NGO-005','M-7','H-21') ORDER BY record_id")"
expect_ok "--force imports again" "$reckon" import case.reckon "$samples/hospital.csv" \
  --source Hospital --force
expect_eq "forced import added the rows again" 37 "$(sql case.reckon 'SELECT count(*) FROM records')"
expect_fail "unknown export" "unknown export" "$reckon" export case.reckon persons2 --out x.csv
stderr=$("$reckon" import case.reckon flags.csv --source NGO --force 2>&1 >/dev/null)
expect_eq "no progress bar when not a terminal" "" "$stderr"

e2e_finish
