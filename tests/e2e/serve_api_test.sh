#!/usr/bin/env bash
# End-to-end test of `reckon serve`: the real binary on a free loopback port,
# one account per role, every API route against every role (401/403/allowed),
# CSRF, cookie flags, logout, login throttling, name search across scripts,
# review decisions changing the register at once, and a request log without
# personal data. Needs curl and jq.
# Usage: serve_api_test.sh RECKON_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
reckon=$1
src=$2
samples="$src/data/sample"
case_file="$E2E_TMP/case.reckon"

"$reckon" init "$case_file" >/dev/null
"$reckon" import "$case_file" "$samples/ngo_list.csv" --source "NGO list" --kind ngo_list \
  --mapping "$samples/ngo_list.map" >/dev/null
"$reckon" import "$case_file" "$samples/hospital.csv" --source "Hospital" \
  --kind hospital_morgue >/dev/null
"$reckon" import "$case_file" "$samples/media.csv" --source "Media" --kind media_monitoring >/dev/null
# One person spelled three ways: with hamza, without, and in Latin script.
printf 'record_id,full_name,sex,age,death_date,locality\nX-1,أحمد سليمان العلي,M,41,2025-03-09,جبلة\nX-2,Ahmad Suleiman al-Ali,M,41,2025-03-09,Jableh\nX-3,احمد يونس,M,19,2025-03-07,Tartus\n' \
  >"$E2E_TMP/extra.csv"
"$reckon" import "$case_file" "$E2E_TMP/extra.csv" --source "Extra" --kind other >/dev/null
"$reckon" link "$case_file" >/dev/null

password=correct-horse-battery
for role in admin investigator analyst viewer; do
  RECKON_USER_PASSWORD=$password "$reckon" user add "$case_file" "u_$role" --role "$role" \
    --actor test >/dev/null
done
expect_contains "user list shows roles" "$("$reckon" user list "$case_file")" "investigator"
expect_fail "user add refuses a short password" "at least" \
  env RECKON_USER_PASSWORD=short "$reckon" user add "$case_file" u_short --role viewer
expect_eq "no password hash in the audit log" "0" \
  "$(sql "$case_file" "SELECT count(*) FROM audit_log WHERE details_json LIKE '%argon%'")"
expect_eq "user.add audited" "4" \
  "$(sql "$case_file" "SELECT count(*) FROM audit_log WHERE action = 'user.add'")"

# Start the server on a free port.
log="$E2E_TMP/server.log"
server_pid=""
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 20000))
  "$reckon" serve "$case_file" --port "$port" >"$E2E_TMP/server.out" 2>"$log" &
  server_pid=$!
  for _ in $(seq 50); do
    grep -q serving "$E2E_TMP/server.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q serving "$E2E_TMP/server.out" 2>/dev/null && break
done
trap 'kill "$server_pid" 2>/dev/null; rm -rf "$E2E_TMP"' EXIT
base="http://127.0.0.1:$port"

# login ROLE: logs in as u_ROLE, keeping the cookie in $E2E_TMP/jar_ROLE; prints the CSRF token.
login() {
  curl -s -c "$E2E_TMP/jar_$1" -H 'Content-Type: application/json' \
    -d "{\"name\":\"u_$1\",\"password\":\"$password\"}" "$base/api/login" | jq -r .csrf_token
}
declare -A csrf
for role in admin investigator analyst viewer; do csrf[$role]=$(login "$role"); done
expect_eq "login returns a CSRF token" "64" "${#csrf[admin]}"

headers=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"name\":\"u_viewer\",\"password\":\"$password\"}" "$base/api/login")
cookie=$(grep -i '^set-cookie:' <<<"$headers")
expect_contains "cookie is HttpOnly" "$cookie" "HttpOnly"
expect_contains "cookie is SameSite=Strict" "$cookie" "SameSite=Strict"
expect_contains "cookie has Path=/" "$cookie" "Path=/"
expect_contains "CSP header" "$headers" "Content-Security-Policy: default-src 'self'"
expect_contains "nosniff header" "$headers" "X-Content-Type-Options: nosniff"
expect_contains "no-referrer header" "$headers" "Referrer-Policy: no-referrer"

# /api/stats is the case's figures exactly as `reckon stats --json` gives them (one place:
# report/case_figures.h), and the charts are standalone SVG.
same_figures() {
  expect_eq "$1: /api/stats equals reckon stats --json .figures" \
    "$("$reckon" stats "$case_file" --json | jq -S .figures)" \
    "$(curl -s -b "$E2E_TMP/jar_viewer" "$base/api/stats" | jq -S .)"
}
same_figures "at start"
for chart in timeline places overlap; do
  headers=$(curl -s -D - -o "$E2E_TMP/chart.svg" -b "$E2E_TMP/jar_viewer" "$base/api/charts/$chart.svg")
  expect_contains "$chart chart is image/svg+xml" "$headers" "Content-Type: image/svg+xml"
  expect_contains "$chart chart is a standalone SVG" "$(head -c 300 "$E2E_TMP/chart.svg")" \
    '<svg xmlns="http://www.w3.org/2000/svg"'
done
expect_eq "an unknown chart -> 404" "404" "$(curl -s -o /dev/null -w '%{http_code}' \
  -b "$E2E_TMP/jar_viewer" "$base/api/charts/nothing.svg")"

# call ROLE METHOD PATH [BODY]: prints the HTTP status. ROLE "anon" sends no cookie.
printf 'evidence bytes %s\n' "$RANDOM$RANDOM" >"$E2E_TMP/photo.jpg"
call() {
  local role=$1 method=$2 path=$3 body=${4:-}
  local args=(-s -o "$E2E_TMP/body" -w '%{http_code}' -X "$method")
  if [[ $role != anon ]]; then
    args+=(-b "$E2E_TMP/jar_$role" -H "X-CSRF-Token: ${csrf[$role]}")
  fi
  if [[ $body == @file ]]; then
    args+=(-F "file=@$E2E_TMP/photo.jpg;filename=photo_$role.jpg" -F "description=test")
    printf 'evidence %s %s\n' "$role" "$RANDOM" >"$E2E_TMP/photo.jpg"
  elif [[ -n $body ]]; then
    args+=(-H 'Content-Type: application/json' -d "$body")
  elif [[ $method != GET ]]; then
    args+=(-d '')
  fi
  curl "${args[@]}" "$base$path"
}

# The role matrix: METHOD PATH MINIMUM_ROLE ALLOWED_STATUSES BODY. The
# statuses an allowed role may get.
matrix=(
  "GET|/api/me|viewer|200|"
  "GET|/api/stats|viewer|200|"
  "GET|/api/charts/timeline.svg|viewer|200|"
  "GET|/api/sources|viewer|200|"
  "GET|/api/persons|viewer|200|"
  "GET|/api/persons/1|viewer|200 404|"
  "POST|/api/persons/1/verification|investigator|200 400|{\"status\":\"verified\",\"rationale\":\"test\"}"
  "GET|/api/review|investigator|200|"
  "POST|/api/review|investigator|200|{\"record_a\":1,\"record_b\":2,\"decision\":\"skip\"}"
  "GET|/api/incidents|investigator|200|"
  "POST|/api/incidents|investigator|201|{\"title\":\"t\",\"incident_type\":\"killing\"}"
  "GET|/api/incidents/1|investigator|200|"
  "GET|/api/evidence|investigator|200|"
  "POST|/api/evidence|investigator|201|@file"
  "GET|/api/estimates|analyst|200|"
  "GET|/api/users|admin|200|"
  "POST|/api/users|admin|201|{\"name\":\"made_by_ROLE\",\"role\":\"viewer\",\"password\":\"another-long-password\"}"
  "GET|/api/witnesses|admin|200|"
  "POST|/api/logout|viewer|200|"
)
rank() { case $1 in viewer) echo 0 ;; analyst) echo 1 ;; investigator) echo 2 ;; admin) echo 3 ;; esac; }

# The matrix covers every route the server has, and nothing else.
routes=$("$reckon" serve --list-routes | jq -r '.[] | select(.minimum_role != "public") | "\(.method) \(.pattern) \(.minimum_role)"' | sort)
covered=$(for row in "${matrix[@]}"; do
  IFS='|' read -r method path min _ _ <<<"$row"
  echo "$method $(sed -E 's#/(1|timeline\.svg)(/|$)#/{x}\2#' <<<"$path") $min"
done | sort)
expect_eq "matrix covers every route with its role" \
  "$(sed -E 's#\{[a-z]+\}#{x}#g' <<<"$routes")" "$covered"

for row in "${matrix[@]}"; do
  IFS='|' read -r method path min allowed body <<<"$row"
  got=$(call anon "$method" "$path" "${body//ROLE/anon}")
  expect_eq "anonymous $method $path -> 401" "401" "$got"
  for role in viewer analyst investigator admin; do
    got=$(call "$role" "$method" "$path" "${body//ROLE/$role}")
    if (($(rank "$role") >= $(rank "$min"))); then
      if [[ " $allowed " == *" $got "* ]]; then
        pass "$role $method $path -> $got"
      else
        fail "$role $method $path" "expected one of: $allowed" "got $got: $(head -c 200 "$E2E_TMP/body")"
      fi
    else
      expect_eq "$role $method $path -> 403" "403" "$got"
    fi
  done
done

# Logged out above: the old cookies no longer work.
expect_eq "logout ends the session" "401" "$(call admin GET /api/me)"
for role in admin investigator analyst viewer; do csrf[$role]=$(login "$role"); done

# CSRF: a state-changing request needs the session's token.
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$E2E_TMP/jar_investigator" \
  -H 'Content-Type: application/json' -d '{"record_a":1,"record_b":2,"decision":"skip"}' \
  "$base/api/review")
expect_eq "POST without X-CSRF-Token -> 403" "403" "$status"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$E2E_TMP/jar_investigator" \
  -H "X-CSRF-Token: ${csrf[admin]}" -H 'Content-Type: application/json' \
  -d '{"record_a":1,"record_b":2,"decision":"skip"}' "$base/api/review")
expect_eq "POST with another session's CSRF token -> 403" "403" "$status"

# Search by name in either script, folded.
search() { curl -s -b "$E2E_TMP/jar_analyst" -G --data-urlencode "q=$1" "$base/api/persons"; }
found=$(search "احمد" | jq -r '[.persons[].names[]] | join("|")')
expect_contains "احمد finds أحمد" "$found" "أحمد سليمان العلي"
expect_contains "احمد finds Ahmad" "$found" "Ahmad Suleiman al-Ali"
expect_contains "احمد finds احمد" "$found" "احمد يونس"
found=$(search "Ahmad Suleiman" | jq -r '[.persons[].names[]] | join("|")')
expect_contains "Ahmad Suleiman finds أحمد سليمان" "$found" "أحمد سليمان العلي"
expect_eq "a viewer sees only published persons" "0" \
  "$(curl -s -b "$E2E_TMP/jar_viewer" "$base/api/persons?page_size=500" |
    jq '[.persons[] | select(.status != "corroborated" and .status != "verified")] | length')"

# A review decision changes the register at once.
pair=$(curl -s -b "$E2E_TMP/jar_investigator" "$base/api/review?limit=50" |
  jq -c '[.pairs[] | select(.record_a.person_id != .record_b.person_id)][0]')
a=$(jq .record_a.record_pk <<<"$pair")
b=$(jq .record_b.record_pk <<<"$pair")
pa=$(jq .record_a.person_id <<<"$pair")
pb=$(jq .record_b.person_id <<<"$pair")
keep=$((pa < pb ? pa : pb))
reply=$(curl -s -b "$E2E_TMP/jar_investigator" -H "X-CSRF-Token: ${csrf[investigator]}" \
  -H 'Content-Type: application/json' \
  -d "{\"record_a\":$a,\"record_b\":$b,\"decision\":\"match\"}" "$base/api/review")
expect_eq "match keeps the lower person id" "$keep" "$(jq .person_kept <<<"$reply")"
members=$(curl -s -b "$E2E_TMP/jar_investigator" "$base/api/persons/$keep" |
  jq -r '[.records[].record_pk] | map(tostring) | join(" ")')
expect_contains "merged person holds record $a" " $members " " $a "
expect_contains "merged person holds record $b" " $members " " $b "
expect_eq "decision stored as in reckon review" "match" \
  "$(sql "$case_file" "SELECT decision FROM review_decisions WHERE record_pk_a = $((a < b ? a : b)) AND record_pk_b = $((a < b ? b : a))")"
expect_eq "decision audited" "1" \
  "$(sql "$case_file" "SELECT count(*) FROM audit_log WHERE action = 'review.decide'")"
expect_eq "register change audited" "1" \
  "$(sql "$case_file" "SELECT count(*) FROM audit_log WHERE action = 'register.apply_review'")"
expect_contains "evidence upload recorded custody" \
  "$(sql "$case_file" "SELECT group_concat(event_type) FROM custody_events")" "acquired"

# A verification decision changes the person's status and the figures at once.
before=$(curl -s -b "$E2E_TMP/jar_viewer" "$base/api/stats" | jq '[.by_status[] | select(.value == "corroborated") | .persons][0]')
target=$(curl -s -b "$E2E_TMP/jar_analyst" "$base/api/persons?status=corroborated&page_size=1" |
  jq '.persons[0].person_id')
reply=$(curl -s -b "$E2E_TMP/jar_investigator" -H "X-CSRF-Token: ${csrf[investigator]}" \
  -H 'Content-Type: application/json' \
  -d '{"status":"disputed","rationale":"the two lists disagree on the date"}' \
  "$base/api/persons/$target/verification")
expect_eq "verification decision applies" "disputed" "$(jq -r .status <<<"$reply")"
expect_eq "corroborated figure drops by one" "$((before - 1))" \
  "$(curl -s -b "$E2E_TMP/jar_viewer" "$base/api/stats" | jq '[.by_status[] | select(.value == "corroborated") | .persons][0]')"
expect_eq "person file shows the decision" "disputed" \
  "$(curl -s -b "$E2E_TMP/jar_analyst" "$base/api/persons/$target" | jq -r '.verification.history[-1].status')"
expect_eq "a disputed person is not published" "404" \
  "$(curl -s -o /dev/null -w '%{http_code}' -b "$E2E_TMP/jar_viewer" "$base/api/persons/$target")"
expect_contains "verified without evidence is refused with a reason" \
  "$(curl -s -b "$E2E_TMP/jar_investigator" -H "X-CSRF-Token: ${csrf[investigator]}" \
    -H 'Content-Type: application/json' -d '{"status":"verified","rationale":"x"}' \
    "$base/api/persons/$target/verification" | jq -r .error)" "evidence"

same_figures "after review, incident, evidence and verification changes"

# Evidence uploaded for a person is linked to that person (in the add's transaction).
printf 'grave photo %s\n' "$RANDOM$RANDOM" >"$E2E_TMP/grave.jpg"
sha=$(sha256sum "$E2E_TMP/grave.jpg" | cut -d' ' -f1)
reply=$(curl -s -b "$E2E_TMP/jar_investigator" -H "X-CSRF-Token: ${csrf[investigator]}" \
  -F "file=@$E2E_TMP/grave.jpg" -F "description=grave" -F "person_id=$target" "$base/api/evidence")
expect_eq "upload for a person returns its hash" "$sha" "$(jq -r .sha256 <<<"$reply")"
expect_contains "the person's file lists the evidence" \
  "$(curl -s -b "$E2E_TMP/jar_investigator" "$base/api/persons/$target" | jq -r '.evidence[].sha256')" "$sha"
printf 'other photo %s\n' "$RANDOM$RANDOM" >"$E2E_TMP/other.jpg"
expect_eq "upload for an unknown person -> 404" "404" "$(curl -s -o /dev/null -w '%{http_code}' \
  -b "$E2E_TMP/jar_investigator" -H "X-CSRF-Token: ${csrf[investigator]}" \
  -F "file=@$E2E_TMP/other.jpg" -F "person_id=999999" "$base/api/evidence")"
expect_eq "nothing stored for an unknown person" "0" \
  "$(sql "$case_file" "SELECT count(*) FROM evidence WHERE sha256 = '$(sha256sum "$E2E_TMP/other.jpg" | cut -d' ' -f1)'")"

# Errors are JSON without internals.
body=$(curl -s -b "$E2E_TMP/jar_admin" "$base/api/persons/notanumber")
expect_eq "bad id -> JSON error" "expected a number" "$(jq -r .error <<<"$body")"

# Throttling: after five failures the sixth attempt gets 429 with Retry-After.
for i in 1 2 3 4 5; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"name":"u_viewer","password":"wrong-password-x"}' "$base/api/login")
  expect_eq "failed login $i -> 401" "401" "$status"
done
headers=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"name\":\"u_viewer\",\"password\":\"$password\"}" "$base/api/login")
expect_contains "sixth login -> 429" "$headers" " 429 "
expect_contains "429 carries Retry-After" "$headers" "Retry-After:"

# Graceful shutdown on SIGTERM.
kill -TERM "$server_pid"
for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then fail "server stops on SIGTERM"; else pass "server stops on SIGTERM"; fi
wait "$server_pid"
expect_eq "server exits 0 after SIGTERM" "0" "$?"

# The request log names routes, statuses and roles, never the people searched or shown.
expect_contains "log has a search line" "$(cat "$log")" "GET /api/persons 200"
leaked=""
for needle in احمد أحمد Ahmad Suleiman Samer سامر "q=" u_viewer "$password"; do
  grep -qF -- "$needle" "$log" && leaked+="$needle "
done
expect_eq "no personal data in the server log" "" "$leaked"

e2e_finish
