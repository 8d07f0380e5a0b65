#!/usr/bin/env bash
# Browser tests of `reckon serve`: Debian's Chromium driven by playwright-core (tests/browser/).
#   tests/browser/run.sh [RECKON_BINARY] [SOURCE_DIR]
# Installs the Node dependency if missing (npm ci; never a browser download), builds a simulated
# case with the real binary (simulate, import, link, a stored estimate), adds one user of each role, starts the
# server on a free loopback port, runs the tests with node's built-in runner and stops the server.
# Screenshots land in build/test-artifacts/browser/ (RECKON_BROWSER_ARTIFACTS overrides).
# Exit code 77 (skipped in CTest) when Chromium or Node is not installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "${2:-$here/../..}" && pwd)
reckon=$(realpath "${1:-$root/build/reckon}")
artifacts=${RECKON_BROWSER_ARTIFACTS:-$(dirname "$reckon")/test-artifacts/browser}
chromium=${CHROMIUM:-/usr/bin/chromium}

if [[ ! -x $chromium ]]; then
  echo "browser tests skipped: no Chromium at $chromium (scripts/install-deps.sh installs it)" >&2
  exit 77
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "browser tests skipped: node and npm are not installed (scripts/install-deps.sh)" >&2
  exit 77
fi
if [[ ! -f $here/node_modules/playwright-core/package.json ]]; then
  echo "== installing playwright-core (npm ci; no browser is downloaded)"
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/reckon-browser.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building a simulated case in $work"
case_file=$work/case.reckon
"$reckon" simulate --people 1500 --lists 3 --seed 7 --profile realistic --out "$work/sim" >/dev/null
"$reckon" init "$case_file" >/dev/null
"$reckon" import "$case_file" "$work/sim/list_1.csv" --source list_1 --kind ngo_list >/dev/null
"$reckon" import "$case_file" "$work/sim/list_2.csv" --source list_2 --kind hospital_morgue >/dev/null
"$reckon" import "$case_file" "$work/sim/list_3.csv" --source list_3 --kind media_monitoring >/dev/null
"$reckon" link "$case_file" >/dev/null
"$reckon" estimate "$case_file" --method loglinear --actor browser-tests >/dev/null 2>&1
# The latest stored estimate, which the dashboard shows: an LCMCR run far too short for its
# chains to agree (issue 17), so the dashboard must call its interval provisional.
"$reckon" estimate "$case_file" --method lcmcr --chains 2 --burnin 100 --samples 100 \
  --thinning 1 --seed 3 --actor browser-tests >/dev/null 2>&1

# One account per role, named after it; a random password for this run only.
RECKON_USER_PASSWORD=$(node -e "process.stdout.write(require('crypto').randomBytes(18).toString('base64url'))")
export RECKON_USER_PASSWORD
for role in admin investigator analyst viewer; do
  "$reckon" user add "$case_file" "$role" --role "$role" >/dev/null
done

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")
echo "== starting reckon serve on 127.0.0.1:$port"
"$reckon" serve "$case_file" --port "$port" >"$work/serve.log" 2>&1 &
server_pid=$!
export RECKON_URL=http://127.0.0.1:$port
if ! node -e "
  const deadline = Date.now() + 20000;
  (async function poll() {
    try { const r = await fetch(process.env.RECKON_URL + '/api/me'); if (r.status === 401 || r.ok) return; } catch {}
    if (Date.now() > deadline) process.exit(1);
    setTimeout(poll, 100);
  })();"; then
  echo "reckon serve did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

rm -rf "$artifacts"
mkdir -p "$artifacts"
export RECKON_ARTIFACTS=$artifacts CHROMIUM=$chromium
echo "== running the browser tests (screenshots in $artifacts)"
status=0
(cd "$here" && node --test --test-concurrency=1 --test-reporter=spec tests/) || status=$?
if ((status != 0)); then
  echo "== server log (tail)" >&2
  tail -n 40 "$work/serve.log" >&2
fi
exit "$status"
