#!/usr/bin/env bash
# End-to-end tests of `reckon gazetteer import` and `reckon gazetteer show`: the
# embedded default, validation errors that leave the case unchanged, imports in
# other encodings, and that the latest import is the one in force.
# Usage: gazetteer_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
reckon=$1
root=$2
cd "$E2E_TMP"

expect_ok "init" "$reckon" init case.reckon

# --- the default ----------------------------------------------------------------
out=$("$reckon" gazetteer show case.reckon)
expect_contains "default in force" "$out" "gazetteer in force: default (coastal governorates)"
expect_contains "default localities" "$out" "admin4 localities    49"
json=$("$reckon" gazetteer show case.reckon --json)
expect_eq "default counts (JSON)" "true 2 10 36 49" \
  "$(jq -r '"\(.default) \(.levels | map(.units) | join(" "))"' <<<"$json")"

# --- validation: errors name file, line and column; the case stays as it was ----------
header="admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,admin2Name_ar,admin2Pcode"
dump_before=$(sql case.reckon .dump | sha256sum)
printf '%s\nLatakia,اللاذقية,L,Jableh,جبلة,L-2\nLattakia,اللاذقية,L,Qardaha,القرداحة,L-4\n' \
  "$header" >renamed.csv
expect_fail "a P-code with two names" \
  "renamed.csv:3:1: P-code L is named 'Latakia' on line 2 but 'Lattakia' here" \
  "$reckon" gazetteer import case.reckon renamed.csv
printf '%s\nLatakia,اللاذقية,L,Jableh,جبلة,L-2\nTartus,طرطوس,T,Jableh,جبلة,L-2\n' \
  "$header" >moved.csv
expect_fail "a P-code with two parents" "moved.csv:3:6: P-code L-2 lies in 'L' on line 2" \
  "$reckon" gazetteer import case.reckon moved.csv
printf '%s\nLatakia,اللاذقية,L,,جبلة,L-2\n' "$header" >empty_name.csv
expect_fail "an empty name" "empty_name.csv:2:4: admin2 L-2 has an empty English name" \
  "$reckon" gazetteer import case.reckon empty_name.csv
printf 'admin1Name_en,admin1Name_ar,admin2Pcode\nA,ا,X\n' >no_pcode.csv
expect_fail "a missing column" "no_pcode.csv:1: missing column admin1Pcode" \
  "$reckon" gazetteer import case.reckon no_pcode.csv
printf 'name,code\nA,1\n' >not_ocha.csv
expect_fail "not the OCHA layout" "not_ocha.csv:1: no administrative columns" \
  "$reckon" gazetteer import case.reckon not_ocha.csv
expect_fail "a missing file" "nowhere.csv" "$reckon" gazetteer import case.reckon nowhere.csv
expect_fail "a missing case" "missing.reckon does not exist" \
  "$reckon" gazetteer import missing.reckon "$root/data/gazetteer/coastal.csv"
expect_eq "refused imports leave the case unchanged" "$dump_before" \
  "$(sql case.reckon .dump | sha256sum)"
expect_eq "no gazetteer stored" 0 "$(sql case.reckon 'SELECT count(*) FROM gazetteers')"

# --- imports ---------------------------------------------------------------------------
printf '%s,population\nTartus,طرطوس,T,Baniyas,بانياس,T-02,1\nTartus,طرطوس,T,"Safita, town",صافيتا,T-03,2\n' \
  "$header" | iconv -f UTF-8 -t UTF-16LE | { printf '\xFF\xFE'; cat; } >tartus.csv
out=$("$reckon" gazetteer import case.reckon tartus.csv --name "Tartus only" 2>&1)
expect_contains "UTF-16 import with a quoted comma" "$out" \
  "imported gazetteer 'Tartus only': 1 governorates, 2 districts"
expect_eq "stored with its hash" "Tartus only|$(sha256sum tartus.csv | cut -d' ' -f1)" \
  "$(sql case.reckon 'SELECT name, file_sha256 FROM gazetteers')"
out=$("$reckon" gazetteer show case.reckon)
expect_contains "the import is in force" "$out" "gazetteer in force: Tartus only"
expect_contains "its districts" "$out" "admin2 districts     2"
expect_ok "import the coastal file" "$reckon" gazetteer import case.reckon \
  "$root/data/gazetteer/coastal.csv"
json=$("$reckon" gazetteer show case.reckon --json)
expect_eq "the latest import is in force" "coastal.csv false 49" \
  "$(jq -r '"\(.name) \(.default) \(.levels[3].units)"' <<<"$json")"

e2e_finish
