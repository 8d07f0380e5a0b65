#!/usr/bin/env bash
# End-to-end tests of the investigation: incidents, burial sites, testimony,
# evidence links, verification rules and history, a person's file, the audit
# of link runs, review and verification, and that a witness's identity never
# leaves its sealed fields (case file bytes, exports, every command's output).
# Usage: investigation_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
real_reckon=$1
root=$2
samples="$root/data/sample"
cd "$E2E_TMP"
unset RECKON_PASSPHRASE RECKON_NEW_PASSPHRASE

# Every run of reckon goes through this wrapper, which keeps a copy of its
# stdout and stderr in all_output.log for the identity checks at the end.
reckon="$E2E_TMP/reckon-logged"
cat >"$reckon" <<WRAPPER
#!/usr/bin/env bash
out=\$(mktemp) err=\$(mktemp)
"$real_reckon" "\$@" >"\$out" 2>"\$err"; rc=\$?
cat "\$out"; cat "\$err" >&2
cat "\$out" "\$err" >>"$E2E_TMP/all_output.log"
rm -f "\$out" "\$err"
exit \$rc
WRAPPER
chmod +x "$reckon"

secret="Secretname"
# person_of RECORD_ID: the person of that record in the latest run.
person_of() {
  sql case.reckon "SELECT p.person_id FROM person_records p JOIN records r USING (record_pk)
                   WHERE r.record_id = '$1'"
}
# json_get EXPR: evaluates a Python expression on the JSON read from stdin (as j).
json_get() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }

# --- a linked register from the three sample lists -------------------------------
expect_ok "init" "$reckon" init case.reckon
expect_ok "import NGO" "$reckon" import case.reckon "$samples/ngo_list.csv" --source NGO \
  --kind ngo_list --mapping "$samples/ngo_list.map"
expect_ok "import hospital" "$reckon" import case.reckon "$samples/hospital.csv" \
  --source HOSPITAL --kind hospital_morgue
expect_ok "import media" "$reckon" import case.reckon "$samples/media.csv" --source MEDIA \
  --kind media_monitoring
expect_ok "link" "$reckon" link case.reckon --actor linker
expect_eq "the link run is audited with its counts" "link.run|linker" \
  "$(sql case.reckon "SELECT action || '|' || actor FROM audit_log WHERE action = 'link.run'")"
expect_contains "link.run counts records and persons" \
  "$(sql case.reckon "SELECT details_json FROM audit_log WHERE action = 'link.run'")" \
  "\"records\":\"$(sql case.reckon 'SELECT count(*) FROM records')\",\"persons\":\"$(sql case.reckon 'SELECT count(DISTINCT person_id) FROM person_records')\""

p1=$(person_of NGO-001)
# A person named by one source only.
single=$(sql case.reckon "SELECT p.person_id FROM person_records p JOIN records r USING (record_pk)
                          GROUP BY p.person_id HAVING count(DISTINCT r.source_id) = 1
                          ORDER BY p.person_id LIMIT 1")
other=$(sql case.reckon "SELECT p.person_id FROM person_records p JOIN records r USING (record_pk)
                         GROUP BY p.person_id HAVING count(DISTINCT r.source_id) = 1
                         ORDER BY p.person_id LIMIT 1 OFFSET 1")
expect_eq "found persons to work on" 1 "$([[ -n $p1 && -n $single && -n $other ]] && echo 1)"
expect_eq "NGO-001 is corroborated by independent sources" "corroborated" \
  "$("$reckon" verify case.reckon "$p1" --json | json_get 'j["status"]')"
expect_eq "a single-source person is reported" "reported|1" \
  "$("$reckon" verify case.reckon "$single" --json | json_get 'j["status"]+"|"+str(j["independent_sources"])')"

# --- witnesses (for testimony) ----------------------------------------------------
expect_ok "key init" env RECKON_PASSPHRASE=one "$reckon" key init case.reckon --kdf interactive
printf 'Amal %s\n+963-555-0101\nBaniyas\nthreatened\n' "$secret" | RECKON_PASSPHRASE=one \
  "$reckon" witness add case.reckon --pseudonym W-Cedar --name - >/dev/null 2>&1
printf 'Hadi %s\n\n\n\n' "$secret" | RECKON_PASSPHRASE=one \
  "$reckon" witness add case.reckon --pseudonym W-Oak --name - >/dev/null 2>&1
expect_eq "two witnesses" 2 "$(sql case.reckon 'SELECT count(*) FROM witnesses')"

# --- incidents -------------------------------------------------------------------
expect_ok "incident add" "$reckon" incident add case.reckon --title "Baniyas, al-Qusour" \
  --type mass_killing --start 2025-03-08 --end 2025-03-09 --place Baniyas --pcode SY0503 \
  --perpetrator "militia X" --basis "uniforms in videos" --description "house-to-house killings"
expect_fail "incident type checked" "unknown type 'massacre'" \
  "$reckon" incident add case.reckon --title T --type massacre
expect_fail "incident dates checked" "is not a date" \
  "$reckon" incident add case.reckon --title T --type killing --start 2025-13-01
expect_fail "end before start refused" "is before start date" \
  "$reckon" incident add case.reckon --title T --type killing --start 2025-03-09 --end 2025-03-08
expect_fail "attribution needs a basis" "basis for the attribution" \
  "$reckon" incident add case.reckon --title T --type killing --perpetrator "group Y"
expect_ok "incident link" "$reckon" incident link case.reckon 1 --person "$p1" --person "$single"
expect_fail "unknown person refused" "no person #9999 in the register (latest link run)" \
  "$reckon" incident link case.reckon 1 --person 9999
expect_fail "unknown incident refused" "no incident #7" \
  "$reckon" incident link case.reckon 7 --person "$p1"
expect_fail "a link is made once" "already linked" \
  "$reckon" incident link case.reckon 1 --person "$p1"
expect_eq "incident list --json" "Baniyas, al-Qusour|mass_killing|2" \
  "$("$reckon" incident list case.reckon --json | json_get 'j[0]["title"]+"|"+j[0]["type"]+"|"+str(len(j[0]["person_ids"]))')"
expect_contains "incident list" "$("$reckon" incident list case.reckon)" "mass_killing"
expect_eq "incident show --json" "militia X|uniforms in videos|2025-03-09" \
  "$("$reckon" incident show case.reckon 1 --json | json_get 'j["perpetrator"]+"|"+j["attribution_basis"]+"|"+j["end_date"]')"
expect_contains "incident show" "$("$reckon" incident show case.reckon 1)" "alleged perpetrator: militia X"
expect_fail "incident show unknown" "no incident #5" "$reckon" incident show case.reckon 5

# --- burial sites ------------------------------------------------------------------
expect_ok "burial add" "$reckon" burial add case.reckon --name "Field behind the school" \
  --kind mass_grave --status reported --location "GridRef-4471 behind the school" \
  --lat 35.18 --lon 35.95
expect_fail "burial kind checked" "unknown kind 'pit'" \
  "$reckon" burial add case.reckon --name X --kind pit --status reported
expect_fail "burial status checked" "unknown status 'dug'" \
  "$reckon" burial add case.reckon --name X --kind mass_grave --status dug
expect_fail "coordinates go together" "latitude and longitude go together" \
  "$reckon" burial add case.reckon --name X --kind mass_grave --status located --lat 35
expect_ok "burial link" "$reckon" burial link case.reckon 1 --person "$p1"
expect_eq "burial list hides the location" 0 \
  "$("$reckon" burial list case.reckon --json | grep -c GridRef)"
expect_contains "burial list --show-location shows it" \
  "$("$reckon" burial list case.reckon --show-location)" "GridRef-4471"
expect_eq "burial show --json" "mass_grave|reported|35.18|$p1" \
  "$("$reckon" burial show case.reckon 1 --json | json_get 'j["kind"]+"|"+j["status"]+"|"+str(j["latitude"])+"|"+str(j["person_ids"][0])')"
expect_eq "the location stays out of the audit log" 0 \
  "$(sql case.reckon "SELECT count(*) FROM audit_log WHERE details_json LIKE '%GridRef%'")"

# --- testimony -------------------------------------------------------------------
expect_ok "hearsay testimony by pseudonym" "$reckon" testimony add case.reckon --witness W-Oak \
  --date 2025-03-20 --interviewer Investigator --relation hearsay --person "$single" \
  --summary "heard from neighbours"
expect_ok "eyewitness testimony by id, no key needed" "$reckon" testimony add case.reckon \
  --witness 1 --date 2025-03-21 --interviewer Investigator --relation eyewitness \
  --language ar --person "$p1" --incident 1 --summary "saw the men taken from the house"
expect_fail "unknown witness" "no witness 'W-Nobody'" "$reckon" testimony add case.reckon \
  --witness W-Nobody --date 2025-03-21 --interviewer I --relation eyewitness
expect_fail "relation checked" "unknown relation 'cousin'" "$reckon" testimony add case.reckon \
  --witness W-Oak --date 2025-03-21 --interviewer I --relation cousin
expect_fail "testimony date checked" "is not a date" "$reckon" testimony add case.reckon \
  --witness W-Oak --date yesterday --interviewer I --relation hearsay
expect_fail "testimony about an unknown person adds nothing" "#9999" \
  "$reckon" testimony add case.reckon --witness W-Oak --date 2025-03-21 --interviewer I \
  --relation hearsay --person 9999
expect_eq "a failed testimony leaves nothing" 2 "$(sql case.reckon 'SELECT count(*) FROM testimonies')"
expect_eq "testimony list --json by pseudonym" "W-Oak|hearsay;W-Cedar|eyewitness" \
  "$("$reckon" testimony list case.reckon --json | json_get '";".join(t["witness"]+"|"+t["relation"] for t in j)')"
expect_eq "testimony show --json" "W-Cedar|[$p1]|[1]" \
  "$("$reckon" testimony show case.reckon 2 --json | json_get 'j["witness"]+"|"+str(j["person_ids"])+"|"+str(j["incident_ids"])')"
expect_contains "testimony show" "$("$reckon" testimony show case.reckon 2)" "relation:    eyewitness"

# --- evidence links ------------------------------------------------------------------
printf '\x89PNG\r\n\x1a\nbody photo' > photo.png
sha=$(sha256sum photo.png | cut -d' ' -f1)
expect_fail "evidence add with an unknown person adds nothing" "#9999" \
  "$reckon" evidence add case.reckon photo.png --acquired-by Investigator --person 9999
expect_eq "nothing stored after the failed add" 0 "$(sql case.reckon 'SELECT count(*) FROM evidence')"
expect_ok "evidence add --person" "$reckon" evidence add case.reckon photo.png \
  --acquired-by Investigator --person "$other"
expect_ok "evidence link --incident by prefix" "$reckon" evidence link case.reckon "${sha:0:10}" \
  --incident 1 --burial 1
expect_fail "evidence link needs a target" "say what to link" \
  "$reckon" evidence link case.reckon "$sha"
expect_fail "evidence link to an unknown burial site" "no burial site #4" \
  "$reckon" evidence link case.reckon "$sha" --burial 4
expect_eq "evidence show --json lists links" "3" \
  "$("$reckon" evidence show case.reckon 1 --json | json_get 'len(j["links"])')"

# --- verification rules ---------------------------------------------------------------
expect_fail "verified without evidence or a direct witness" "cannot be verified" \
  "$reckon" verify case.reckon "$single" --status verified --rationale "listed by the NGO"
expect_fail "hearsay alone is not enough" "is hearsay, which is not enough" \
  "$reckon" verify case.reckon "$single" --status verified --rationale "a neighbour said so" \
  --testimony 1
expect_fail "verified needs a rationale" "needs a written rationale" \
  "$reckon" verify case.reckon "$p1" --status verified --testimony 2
expect_fail "disputed needs a rationale" "needs a written rationale" \
  "$reckon" verify case.reckon "$p1" --status disputed
expect_fail "unknown status" "unknown status 'confirmed'" \
  "$reckon" verify case.reckon "$p1" --status confirmed --rationale x
expect_fail "unknown person" "no person #9999" \
  "$reckon" verify case.reckon 9999 --status rejected --rationale x
expect_fail "unknown evidence" "no evidence with SHA-256 deadbeefdeadbeef" \
  "$reckon" verify case.reckon "$p1" --status verified --rationale x --evidence deadbeefdeadbeef
expect_fail "unknown testimony" "no testimony #8" \
  "$reckon" verify case.reckon "$p1" --status verified --rationale x --testimony 8
expect_eq "refusals record nothing" 0 "$(sql case.reckon 'SELECT count(*) FROM verification_decisions')"
expect_ok "verified on an eyewitness testimony" "$reckon" verify case.reckon "$p1" \
  --status verified --rationale "eyewitness saw him taken; hospital register" --testimony 2 \
  --actor Reviewer1
expect_ok "verified on linked evidence" "$reckon" verify case.reckon "$other" \
  --status verified --rationale "photo of the body, identified by family"
expect_ok "disputed" "$reckon" verify case.reckon "$p1" --status disputed \
  --rationale "ages differ by ten years" --actor Reviewer2
expect_eq "the latest decision is in force" "disputed|corroborated" \
  "$("$reckon" verify case.reckon "$p1" --json | json_get 'j["status"]+"|"+j["computed"]')"
expect_ok "rejected" "$reckon" verify case.reckon "$single" --status rejected \
  --rationale "reported alive by family"
expect_ok "cleared" "$reckon" verify case.reckon "$p1" --status cleared
expect_eq "cleared returns to the computed status" "corroborated|cleared" \
  "$("$reckon" verify case.reckon "$p1" --json | json_get 'j["status"]+"|"+j["decision"]["status"]')"
expect_eq "history kept, oldest first" "verified,Reviewer1;disputed,Reviewer2;cleared,${USER:-unknown}" \
  "$("$reckon" verify case.reckon "$p1" --history --json | json_get '";".join(d["status"]+","+d["reviewer"] for d in j)')"
expect_contains "history table" "$("$reckon" verify case.reckon "$p1" --history)" "ages differ"
expect_fail "--rationale needs --status" "go with --status" \
  "$reckon" verify case.reckon "$p1" --rationale "x"

# --- a person's file ------------------------------------------------------------------
file_json=$("$reckon" person show case.reckon "$p1" --json)
expect_eq "person show: records, incidents, burial sites, testimonies, history" "3|1|1|W-Cedar|3" \
  "$(printf '%s' "$file_json" | json_get 'str(len(set(r["source"] for r in j["records"])))+"|"+str(len(j["incidents"]))+"|"+str(len(j["burial_sites"]))+"|"+",".join(t["witness"] for t in j["testimonies"])+"|"+str(len(j["history"]))')"
expect_eq "person show: evidence of another person" "photo.png" \
  "$("$reckon" person show case.reckon "$other" --json | json_get 'j["evidence"][0]["original_name"]')"
expect_contains "person show text" "$("$reckon" person show case.reckon "$p1")" "verification history:"
expect_fail "person show unknown" "no person #9999" "$reckon" person show case.reckon 9999

# --- a derived source does not corroborate --------------------------------------------
expect_ok "init a second case" "$reckon" init derived.reckon
expect_ok "import the hospital list" "$reckon" import derived.reckon "$samples/hospital.csv" \
  --source HOSPITAL --kind hospital_morgue
expect_ok "import its copy as derived" "$reckon" import derived.reckon "$samples/hospital.csv" \
  --source COPY --kind media_monitoring --derived-from HOSPITAL
expect_ok "link the second case" "$reckon" link derived.reckon
dp=$(sql derived.reckon "SELECT p.person_id FROM person_records p JOIN records r USING (record_pk)
                         GROUP BY p.person_id HAVING count(DISTINCT r.source_id) = 2 LIMIT 1")
expect_eq "records from a source and its copy: reported, one independent source" \
  "reported|1|['HOSPITAL']" \
  "$("$reckon" verify derived.reckon "$dp" --json | json_get 'j["status"]+"|"+str(j["independent_sources"])+"|"+str(j["sources"])')"

# --- review decisions are audited -------------------------------------------------------
expect_ok "review decision" "$reckon" review case.reckon --decide NGO-001 NGO-002 nonmatch \
  --reviewer Reviewer1
expect_contains "review.decide audited with the record ids" \
  "$(sql case.reckon "SELECT actor || ' ' || details_json FROM audit_log WHERE action = 'review.decide'")" \
  'Reviewer1 {"record_a":"NGO:NGO-001","record_b":"NGO:NGO-002"'

# --- the audit trail ------------------------------------------------------------------
actions=$(sql case.reckon "SELECT group_concat(action, ' ') FROM (SELECT DISTINCT action FROM audit_log ORDER BY action)")
expect_eq "every kind of change audited" \
  "burial_site.add burial_site.link case_key.init custody.acquired evidence.add evidence.link incident.add incident.link link.run review.decide testimony.add verification.decide witness.add" \
  "$actions"
expect_eq "each decision audited" 5 \
  "$(sql case.reckon "SELECT count(*) FROM audit_log WHERE action = 'verification.decide'")"
expect_contains "audit chain intact" "$("$reckon" audit verify case.reckon)" "audit chain intact"
decision_seq=$(sql case.reckon "SELECT min(seq) FROM audit_log WHERE action = 'verification.decide'")
cp case.reckon tampered.reckon
sql tampered.reckon "UPDATE audit_log SET details_json = replace(details_json, 'verified', 'rejected') WHERE seq = $decision_seq"
expect_contains "a tampered decision entry is located" \
  "$("$reckon" audit verify tampered.reckon)" "BROKEN at entry $decision_seq"
cp case.reckon deleted.reckon
sql deleted.reckon "DELETE FROM audit_log WHERE seq = $decision_seq"
expect_contains "a deleted decision entry is located" \
  "$("$reckon" audit verify deleted.reckon)" "BROKEN at entry $decision_seq"
next=$((decision_seq + 1))
cp case.reckon swapped.reckon
sql swapped.reckon "UPDATE audit_log SET seq = -1 WHERE seq = $decision_seq; UPDATE audit_log SET seq = $decision_seq WHERE seq = $next; UPDATE audit_log SET seq = $next WHERE seq = -1"
expect_contains "a swapped pair is located" \
  "$("$reckon" audit verify swapped.reckon)" "BROKEN at entry $decision_seq"

# --- the witnesses' names stay sealed -------------------------------------------------
expect_ok "export records" "$reckon" export case.reckon records --out records.csv
expect_ok "export clusters" "$reckon" export case.reckon clusters --out clusters.csv
"$reckon" audit list case.reckon --json >audit.json
expect_eq "names absent from the case file and its WAL" 0 \
  "$(cat case.reckon case.reckon-wal 2>/dev/null | grep -c -a -F -- "$secret")"
expect_eq "names absent from exports and the audit log" 0 \
  "$(cat records.csv clusters.csv audit.json | grep -c -a -F -- "$secret")"
expect_eq "reckon's output captured" 1 "$([[ -s all_output.log ]] && echo 1)"
expect_eq "names absent from every command's stdout and stderr" 0 \
  "$(grep -c -a -F -- "$secret" all_output.log)"

e2e_finish
