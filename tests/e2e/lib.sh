# Helpers for end-to-end tests that run the real binary. Source this file, then
# call the checks; finish with `e2e_finish`, which prints "N passed, M failed"
# and exits non-zero on any failure.
set -uo pipefail

E2E_PASSED=0
E2E_FAILED=0
E2E_TMP=$(mktemp -d)
trap 'rm -rf "$E2E_TMP"' EXIT

pass() { E2E_PASSED=$((E2E_PASSED + 1)); echo "ok   - $1"; }
fail() { E2E_FAILED=$((E2E_FAILED + 1)); echo "FAIL - $1"; shift; for line in "$@"; do echo "       $line"; done; }

# expect_ok NAME CMD... : the command exits 0.
expect_ok() {
  local name=$1; shift
  local output
  if output=$("$@" 2>&1); then pass "$name"; else fail "$name" "exit $?: $output"; fi
}

# expect_fail NAME SUBSTRING CMD... : the command exits non-zero and says SUBSTRING on stderr.
expect_fail() {
  local name=$1 needle=$2; shift 2
  local stderr_file="$E2E_TMP/stderr" status=0
  "$@" >/dev/null 2>"$stderr_file" || status=$?
  if ((status == 0)); then
    fail "$name" "expected a non-zero exit"
  elif ! grep -qF -- "$needle" "$stderr_file"; then
    fail "$name" "stderr lacks '$needle':" "$(cat "$stderr_file")"
  else
    pass "$name"
  fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
  if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1" "expected: $2" "actual:   $3"; fi
}

# expect_contains NAME HAYSTACK NEEDLE
expect_contains() {
  if [[ "$2" == *"$3"* ]]; then pass "$1"; else fail "$1" "'$3' not in:" "$2"; fi
}

# sql CASE QUERY : runs a query with the sqlite3 shell.
sql() { sqlite3 -batch "$1" "$2"; }

e2e_finish() {
  echo "$E2E_PASSED passed, $E2E_FAILED failed"
  ((E2E_FAILED == 0))
}
