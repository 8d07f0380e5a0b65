#!/usr/bin/env bash
# End-to-end tests of casework: the case key, protected witnesses, the
# evidence store with its chain of custody, and the hash-chained audit log.
# Usage: casework_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
reckon=$1
root=$2
samples="$root/data/sample"
cd "$E2E_TMP"
unset RECKON_PASSPHRASE RECKON_NEW_PASSPHRASE

secret_name="Zaynab Haddad Secretname"
secret_contact="+963-999-000111"

# count_in FILE... : how many of the files contain the witness's name.
count_in() { cat "$@" 2>/dev/null | grep -c -a -F -- "Secretname"; }

# --- the case key -------------------------------------------------------------
expect_ok "init" "$reckon" init case.reckon
expect_eq "schema version 4" 4 "$(sql case.reckon 'PRAGMA user_version')"
expect_fail "witness add without a key" "this case has no key yet" \
  env RECKON_PASSPHRASE=one "$reckon" witness add case.reckon --pseudonym W-Cedar --name X
expect_fail "key init without a passphrase" "RECKON_PASSPHRASE" "$reckon" key init case.reckon
expect_fail "no passphrase flag on the command line" "passphrase" \
  "$reckon" key init case.reckon --passphrase one
expect_ok "key init from RECKON_PASSPHRASE" \
  env RECKON_PASSPHRASE=one "$reckon" key init case.reckon --kdf interactive
expect_fail "key init twice" "already has a key" \
  env RECKON_PASSPHRASE=one "$reckon" key init case.reckon --kdf interactive

# --- witnesses ------------------------------------------------------------------
expect_ok "witness add" env RECKON_PASSPHRASE=one "$reckon" witness add case.reckon \
  --pseudonym W-Cedar --name "$secret_name" --contact "$secret_contact" --location Baniyas \
  --risk "brother detained"
expect_fail "pseudonyms are unique" "already in use" env RECKON_PASSPHRASE=one \
  "$reckon" witness add case.reckon --pseudonym W-Cedar --name "Another Secretname"
before=$(sql case.reckon 'SELECT count(*) FROM witnesses; SELECT count(*) FROM audit_log')
stderr_wrong=$(RECKON_PASSPHRASE=two "$reckon" witness add case.reckon --pseudonym W-Oak \
  --name "Third Secretname" 2>&1 >/dev/null)
expect_contains "wrong key is a clear error" "$stderr_wrong" "the key does not open this case"
expect_eq "wrong key changes nothing" "$before" \
  "$(sql case.reckon 'SELECT count(*) FROM witnesses; SELECT count(*) FROM audit_log')"
expect_fail "wrong key on reveal" "the key does not open this case" \
  env RECKON_PASSPHRASE=two "$reckon" witness list case.reckon --reveal
expect_fail "reveal needs a key" "needs the case key" "$reckon" witness list case.reckon --reveal

listed=$("$reckon" witness list case.reckon 2>&1)
expect_contains "list shows the pseudonym" "$listed" "W-Cedar"
expect_eq "list without --reveal hides the name" 0 "$(printf '%s' "$listed" | grep -c Secretname)"
listed_json=$(RECKON_PASSPHRASE=one "$reckon" witness list case.reckon --json 2>&1)
expect_eq "json list without --reveal hides the name even with the key" 0 \
  "$(printf '%s' "$listed_json" | grep -c Secretname)"
revealed=$(RECKON_PASSPHRASE=one "$reckon" witness list case.reckon --reveal --json)
expect_contains "reveal with the key shows the name" "$revealed" "$secret_name"
expect_contains "reveal shows the contact" "$revealed" "$secret_contact"
expect_eq "a reveal is audited, without the identity" '{"witnesses":"1"}' \
  "$(sql case.reckon "SELECT details_json FROM audit_log WHERE action = 'witness.reveal'")"

# The name is in no byte of the case file, its WAL, or the audit log.
expect_eq "name absent from the case file and WAL" 0 \
  "$(count_in case.reckon case.reckon-wal case.reckon-shm)"
expect_eq "contact absent from the case file" 0 \
  "$(cat case.reckon case.reckon-wal 2>/dev/null | grep -c -a -F -- "$secret_contact")"
expect_eq "name absent from the audit log" 0 \
  "$("$reckon" audit list case.reckon --json | grep -c Secretname)"
expect_eq "name absent from stderr of a failed add" 0 \
  "$(printf '%s' "$stderr_wrong" | grep -c Secretname)"

# Exports carry no identity.
expect_ok "import a list" "$reckon" import case.reckon "$samples/ngo_list.csv" --source NGO --kind ngo_list \
  --mapping "$samples/ngo_list.map"
expect_ok "export records" "$reckon" export case.reckon records --out records.csv
expect_eq "name absent from the export" 0 "$(count_in records.csv)"

printf 'Stdin Secretname\r\nphone-by-stdin\n\nrisk by stdin\n' | RECKON_PASSPHRASE=one \
  "$reckon" witness add case.reckon --pseudonym W-Olive --name - >/dev/null 2>&1
expect_eq "identity read from stdin" "Stdin Secretname|phone-by-stdin||risk by stdin" \
  "$(RECKON_PASSPHRASE=one "$reckon" witness list case.reckon --reveal --json | python3 -c \
     'import json,sys; w=json.load(sys.stdin)[1]; print("|".join([w["name"],w["contact"],w["location"],w["risk"]]))')"
expect_eq "stdin identity absent from the case file" 0 \
  "$(cat case.reckon case.reckon-wal 2>/dev/null | grep -c -a -F -- "phone-by-stdin")"

# --- changing the passphrase -----------------------------------------------------
sealed_before=$(sql case.reckon 'SELECT hex(name_sealed) FROM witnesses')
expect_fail "change needs the new passphrase" "RECKON_NEW_PASSPHRASE" \
  env RECKON_PASSPHRASE=one "$reckon" key change case.reckon
expect_fail "change with a wrong current key" "the key does not open this case" \
  env RECKON_PASSPHRASE=wrong RECKON_NEW_PASSPHRASE=two "$reckon" key change case.reckon
old_wrapped=$(sql case.reckon 'SELECT hex(wrapped_key) FROM case_keys')
expect_ok "change the passphrase" env RECKON_PASSPHRASE=one RECKON_NEW_PASSPHRASE=two \
  "$reckon" key change case.reckon --kdf interactive
# hexcount HEX FILE... : how many of the files contain the bytes spelled by HEX.
hexcount() {
  python3 -c 'import sys; b=bytes.fromhex(sys.argv[1]); print(sum(1 for f in sys.argv[2:] if b in open(f,"rb").read()))' "$@"
}
expect_eq "the old wrapped key is gone from the case file" 0 \
  "$(hexcount "$old_wrapped" case.reckon $(ls case.reckon-wal 2>/dev/null))"
expect_fail "the old passphrase no longer opens" "the key does not open this case" \
  env RECKON_PASSPHRASE=one "$reckon" witness list case.reckon --reveal
expect_contains "the new passphrase opens" \
  "$(RECKON_PASSPHRASE=two "$reckon" witness list case.reckon --reveal)" "$secret_name"
expect_eq "sealed fields untouched by the change" "$sealed_before" \
  "$(sql case.reckon 'SELECT hex(name_sealed) FROM witnesses')"

# --- a key file ------------------------------------------------------------------
expect_ok "generate a key file" "$reckon" key generate case.key
expect_eq "key file is private" 600 "$(stat -c %a case.key)"
expect_ok "switch to the key file" env RECKON_PASSPHRASE=two \
  "$reckon" key change case.reckon --new-key-file case.key
expect_contains "the key file opens" \
  "$("$reckon" witness list case.reckon --reveal --key-file case.key)" "$secret_name"
head -c 32 /dev/urandom > other.key
expect_fail "another key file does not" "the key does not open this case" \
  "$reckon" witness list case.reckon --reveal --key-file other.key

# --- evidence --------------------------------------------------------------------
printf '\x89PNG\r\n\x1a\nphoto bytes' > photo.png
printf 'testimony transcript\n' > transcript.txt
expect_ok "evidence add" "$reckon" evidence add case.reckon photo.png --acquired-by Investigator \
  --from "a relative" --description "the street after the raid"
sha=$(sha256sum photo.png | cut -d' ' -f1)
expect_ok "stored byte-for-byte under its hash" cmp photo.png "case.reckon.evidence/${sha:0:2}/$sha"
expect_fail "duplicate refused" "already evidence #1" \
  "$reckon" evidence add case.reckon photo.png --acquired-by Someone
expect_ok "second file" "$reckon" evidence add case.reckon transcript.txt --acquired-by Investigator
expect_eq "evidence list json" "$sha|image/png|a relative" \
  "$("$reckon" evidence list case.reckon --json | python3 -c \
     'import json,sys; e=json.load(sys.stdin)[0]; print(e["sha256"]+"|"+e["media_type"]+"|"+e["acquired_from"])')"
expect_ok "custody transfer" "$reckon" evidence custody case.reckon 1 --event transferred \
  --actor Courier --details "to the archive in Gaziantep"
expect_fail "unknown custody type" "unknown custody event type" \
  "$reckon" evidence custody case.reckon 1 --event lost --actor X
expect_fail "custody of unknown evidence" "no evidence #9" \
  "$reckon" evidence custody case.reckon 9 --event copied --actor X
expect_eq "custody chain" "acquired transferred" \
  "$(sql case.reckon 'SELECT group_concat(event_type, " ") FROM custody_events WHERE evidence_id = 1')"
expect_ok "evidence verify on intact files" "$reckon" evidence verify case.reckon

transcript="case.reckon.evidence/$(sha256sum transcript.txt | cut -d' ' -f1 | cut -c1-2)/$(sha256sum transcript.txt | cut -d' ' -f1)"
chmod u+w "$transcript"; printf 'altered' >> "$transcript"
verify_out=$("$reckon" evidence verify case.reckon); verify_rc=$?
expect_eq "modified file fails verify" 1 "$verify_rc"
expect_contains "modified file named" "$verify_out" "MODIFIED evidence #2"
rm -f "case.reckon.evidence/${sha:0:2}/$sha"
verify_out=$("$reckon" evidence verify case.reckon)
expect_contains "missing file named" "$verify_out" "MISSING  evidence #1"

# --- the audit trail ------------------------------------------------------------
expect_contains "audit chain intact" "$("$reckon" audit verify case.reckon)" "audit chain intact"
actions=$(sql case.reckon "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE action <> 'witness.reveal' ORDER BY seq)")
expect_eq "every change audited" \
  "case_key.init witness.add witness.add case_key.change case_key.change evidence.add custody.acquired evidence.add custody.acquired custody.transferred" \
  "$actions"

cp case.reckon edited.reckon
sql edited.reckon "UPDATE audit_log SET actor = 'nobody' WHERE seq = 4"
out=$("$reckon" audit verify edited.reckon); rc=$?
expect_eq "edited entry: exit 1" 1 "$rc"
expect_contains "edited entry located" "$out" "BROKEN at entry 4"

cp case.reckon deleted.reckon
sql deleted.reckon "DELETE FROM audit_log WHERE seq = 5"
expect_contains "deleted entry located" "$("$reckon" audit verify deleted.reckon)" "BROKEN at entry 5"

cp case.reckon swapped.reckon
sql swapped.reckon "UPDATE audit_log SET seq = -6 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = 7; UPDATE audit_log SET seq = 7 WHERE seq = -6"
expect_contains "swapped pair located" "$("$reckon" audit verify swapped.reckon)" "BROKEN at entry 6"

e2e_finish
