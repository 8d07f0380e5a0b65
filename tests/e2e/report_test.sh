#!/usr/bin/env bash
# End-to-end test of `reckon report` and the exports on a simulated case: the
# report's figures equal `reckon stats --json`; a public report holds no
# witness data, no minor's name and no burial location; the captures export
# counts every person once; the HTML makes no external request (statically,
# and loaded in Chromium with the network disabled; a screenshot is kept in
# build/test-artifacts/).
# Usage: report_test.sh PATH/TO/reckon REPO_ROOT
source "$(dirname "$0")/lib.sh"
reckon=$1
artifacts="$(cd "$(dirname "$reckon")" && pwd)/test-artifacts"
mkdir -p "$artifacts"
cd "$E2E_TMP"
unset RECKON_PASSPHRASE

# --- a simulated case with casework ---------------------------------------------
expect_ok "simulate" "$reckon" simulate --people 600 --lists 4 --seed 7 --profile realistic \
  --out sim
expect_ok "init" "$reckon" init case.reckon
expect_ok "import list_1" "$reckon" import case.reckon sim/list_1.csv --source list_1 --kind ngo_list
expect_ok "import list_2" "$reckon" import case.reckon sim/list_2.csv --source list_2 \
  --kind hospital_morgue
expect_ok "import list_3" "$reckon" import case.reckon sim/list_3.csv --source list_3 \
  --kind media_monitoring
expect_ok "import list_4" "$reckon" import case.reckon sim/list_4.csv --source list_4 \
  --kind other --derived-from list_1
expect_ok "link" "$reckon" link case.reckon
expect_ok "estimate (stored)" "$reckon" estimate case.reckon --method loglinear --no-ci

p1=$(sql case.reckon 'SELECT min(person_id) FROM person_records')
expect_ok "key init" env RECKON_PASSPHRASE=one "$reckon" key init case.reckon --kdf interactive
expect_ok "witness add" env RECKON_PASSPHRASE=one "$reckon" witness add case.reckon \
  --pseudonym W-Pseudoquince --name "Layla Secretname" --contact "+963-555-0101"
expect_ok "testimony add" "$reckon" testimony add case.reckon --witness W-Pseudoquince \
  --date 2025-03-20 --interviewer Investigator --relation eyewitness --person "$p1" \
  --summary "Testimonysecret: saw the men taken"
expect_ok "incident add" "$reckon" incident add case.reckon --title "Village raid" \
  --type mass_killing --start 2025-03-08 --end 2025-03-09 --place Baniyas \
  --perpetrator "militia X" --basis "uniforms in videos"
expect_ok "incident link" "$reckon" incident link case.reckon 1 --person "$p1"
expect_ok "burial add" "$reckon" burial add case.reckon --name "Field behind the school" \
  --kind mass_grave --status reported --location "GridRef-9931 behind the school" \
  --lat 35.123456 --lon 35.987654
expect_ok "burial link" "$reckon" burial link case.reckon 1 --person "$p1"

# --- figures: report == stats ----------------------------------------------------
expect_ok "report (public)" "$reckon" report case.reckon --out public.html
"$reckon" stats case.reckon --json >stats.json
jq -r '.figures as $f |
  "records_received=\($f.records_received)", "unique_persons=\($f.unique_persons)",
  "minors=\($f.minors)",
  ($f.sources[] | "sources.\(.name).records=\(.records)"),
  (["by_status", "by_governorate", "by_district", "by_death_date", "by_sex", "by_age_group"][]
     as $k | $f[$k][]? | "\($k).\(.value)=\(.persons)"),
  ($f.by_incident[] | "by_incident.\(.incident_id).persons=\(.persons)"),
  ($f.overlap[] | "overlap.\(.sources | join("+"))=\(.persons)"),
  (if $f.estimate.headline then "estimate.headline.total=\($f.estimate.headline.total)"
   else empty end)' stats.json | sort -u >stats_figures.txt
grep -o 'data-figure="[^"]*">[^<]*' public.html | sed 's/^data-figure="\([^"]*\)">/\1=/' |
  sed 's/&amp;/\&/g; s/&#39;/'"'"'/g; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g' |
  sort -u >report_figures.txt
persons=$(jq '.figures.unique_persons' stats.json)
expect_eq "stats has persons" 1 "$((persons > 100))"
expect_eq "report figures equal stats --json figures" "" \
  "$(diff stats_figures.txt report_figures.txt)"
expect_eq "figures compared" 1 "$(($(wc -l <report_figures.txt) > 30))"
expect_contains "report shows the estimate" "$(cat report_figures.txt)" "estimate.headline.total="
expect_contains "report shows the incident" "$(cat public.html)" "Village raid"
expect_eq "one victims row per person" "$persons" \
  "$(grep -o '<tr><td class="n">[0-9]*</td><td dir="rtl"' public.html | wc -l)"

# --- redaction ---------------------------------------------------------------------
for secret in W-Pseudoquince Secretname 963-555 Testimonysecret GridRef-9931 35.123456 \
  35.987654 "Field behind the school"; do
  expect_eq "public report lacks '$secret'" 0 "$(grep -c -F -- "$secret" public.html)"
done
expect_ok "export persons (complete)" "$reckon" export case.reckon persons --out all.json
expect_ok "export persons --public" "$reckon" export case.reckon persons --public \
  --out public.json
minors=$(jq '[.[] | select(.minor and (.name_arabic != "" or .name_latin != ""))] | length' all.json)
expect_eq "the case has named minors" 1 "$((minors > 5))"
expect_eq "public export withholds every minor's name" "$minors" \
  "$(jq '[.[] | select(.minor and .name_arabic == "name withheld (minor)"
          and .name_latin == "name withheld (minor)")] | length' public.json)"
# Each named minor's row in the public report says the name is withheld.
bad=0
for id in $(jq -r '.[] | select(.minor) | .person_id' all.json); do
  grep -q -F "<tr><td class=\"n\">$id</td><td dir=\"rtl\" lang=\"ar\">name withheld (minor)</td><td dir=\"auto\">name withheld (minor)</td>" public.html || bad=$((bad + 1))
done
expect_eq "public report withholds every minor's name" 0 "$bad"
# A name only minors bear must not appear anywhere in the public report.
jq -r '[.[] | select(.minor) | .name_arabic, .name_latin] - [.[] | select(.minor | not) |
        .name_arabic, .name_latin] | .[] | select(. != "")' all.json >minor_names.txt
leaks=$(grep -c -F -f minor_names.txt public.html)
expect_eq "no minor-only name in the public report" 0 "$leaks"
expect_ok "report (internal, minors' names)" "$reckon" report case.reckon --out internal.html \
  --policy internal --include-minor-names
expect_eq "internal report with --include-minor-names shows them" 1 \
  "$(($(grep -c -F -f minor_names.txt internal.html) > 0))"
expect_eq "internal report still has no witness identity" 0 \
  "$(grep -c -e Secretname -e 963-555 internal.html)"
expect_fail "unknown policy" "policy" "$reckon" report case.reckon --out x.html --policy open

# --- captures export ---------------------------------------------------------------
expect_ok "export captures" "$reckon" export case.reckon captures --out captures.csv
expect_eq "captures header: lists (list_4 merged into list_1) and count" \
  "list_1,list_2,list_3,count" \
  "$(head -1 captures.csv)"
expect_eq "captures sum to the persons" "$persons" \
  "$(tail -n +2 captures.csv | awk -F, '{s += $NF} END {print s}')"
expect_ok "export captures --by governorate" "$reckon" export case.reckon captures \
  --by governorate --out strata.csv
expect_eq "stratified captures sum to the persons" "$persons" \
  "$(tail -n +2 strata.csv | awk -F, '{s += $NF} END {print s}')"
expect_ok "estimate reads the stratified captures" "$reckon" estimate --counts strata.csv \
  --method loglinear --no-ci

# --- no external request -------------------------------------------------------------
for pattern in 'https\?://' 'src=' 'href=' 'url(' '@import' '<script' '<link' '<img' \
  '<iframe'; do
  expect_eq "HTML has no '$pattern'" 0 "$(grep -c -i -- "$pattern" public.html)"
done
expect_contains "HTML forbids every fetch (CSP)" "$(cat public.html)" "default-src 'none'"
if ! command -v chromium >/dev/null; then
  echo "SKIP - chromium is not installed (scripts/install-deps.sh installs it): browser checks skipped"
else
  profile=$(mktemp -d)
  chrome=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile"
    --proxy-server=127.0.0.1:9 --window-size=1280,2000)
  timeout 120 "${chrome[@]}" --log-net-log="$E2E_TMP/netlog.json" --dump-dom \
    "file://$E2E_TMP/public.html" >dom.html 2>/dev/null
  expect_contains "Chromium renders the victims list" "$(cat dom.html)" "List of victims"
  expect_eq "Chromium renders every victims row" "$persons" \
    "$(grep -o '<tr><td class="n">[0-9]*</td><td dir="rtl"' dom.html | wc -l)"
  # Every URL Chromium requested. Its own services (Google accounts, updates,
  # time) still call out despite the flags; the page may request nothing else.
  page_urls=$(grep -o '"url":"[^"]*"' netlog.json | sort -u |
    grep -v -E '"url":"https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com)/' || true)
  expect_eq "the page made no network request" "" "$page_urls"
  timeout 120 "${chrome[@]}" --screenshot="$artifacts/report.png" \
    "file://$E2E_TMP/public.html" >/dev/null 2>&1
  expect_eq "screenshot kept in $artifacts/report.png" 1 \
    "$(($(stat -c %s "$artifacts/report.png" 2>/dev/null || echo 0) > 10000))"
  cp public.html "$artifacts/report.html"
  rm -rf "$profile"
fi

# --- an LCMCR estimate whose chains disagree is shown as provisional (issue 17) ----
expect_ok "estimate lcmcr, far too short" "$reckon" estimate case.reckon --method lcmcr \
  --chains 2 --burnin 100 --samples 100 --thinning 1 --seed 3
expect_ok "report with the short estimate" "$reckon" report case.reckon --out provisional.html
expect_contains "the headline calls the interval provisional" "$(cat provisional.html)" \
  "provisional 95% interval"
expect_contains "the LCMCR section says the sampler has not converged" "$(cat provisional.html)" \
  'data-figure="estimate.lcmcr.provisional"'
expect_eq "the stats API marks the headline provisional" true \
  "$("$reckon" stats case.reckon --json | jq '.figures.estimate.headline.provisional')"

e2e_finish
