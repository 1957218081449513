#!/usr/bin/env bash
# Post-deploy smoke test: proves from outside that a deployment works, not only that it refuses. The form and the tip
# status API are public; the staff area is not, even to a caller who forges the header built-in authentication sets;
# a signed-in person with a role gets their page; the rate limit counts each client apart and a forged
# X-Forwarded-For entry changes nothing.
#   infra/smoke.sh https://func-grastorp-xxxx.azurewebsites.net
#
# Optional, each enabling checks that are otherwise reported as "skip" (docs/DEPLOY.md, "Check it from outside"):
#   SMOKE_STAFF_COOKIE   A signed-in staff member's session cookie, "AppServiceAuthSession=…" (the DevHost's:
#                        "dev-staff-principal=…").
#   SMOKE_STAFF_ROLE     That person's role: Kommun (default), Kommunpolis or Granskare.
#   SMOKE_FUNCTION_KEY   A function key of the app, for /api/stats (az functionapp keys list).
#   SMOKE_CLIENT_B       curl options that send from a second address, e.g. "--proxy http://proxy.example:3128" or "-6".
#   SMOKE_FRONT_END_A, SMOKE_FRONT_END_B
#                        Only against a DevHost standing in for the platform: the address the front end would add to
#                        X-Forwarded-For for client A and client B.
#   SMOKE_SKIP_RATE_LIMIT=1  Leave the rate-limit checks out (they use up this address's status lookups for ten minutes).
# Exit code 0 only if no check failed; the last line is "N passed, N failed, N skipped".
set -uo pipefail

base="${1:?usage: infra/smoke.sh APP_URL}"
base="${base%/}"
role="${SMOKE_STAFF_ROLE:-Kommun}"
passed=0
failed=0
skipped=0
body=$(mktemp)
trap 'rm -f "$body"' EXIT

# Status code of one request (its body kept in $body); redirects are not followed, so a sign-in redirect shows as 302.
status() { curl -sS -o "$body" -w '%{http_code}' --max-time 30 --proto '=https,http' "$@" 2>/dev/null || echo "000"; }

ok() { echo "ok    $1: $2"; passed=$((passed + 1)); }
fail() { echo "FAIL  $1: $2"; failed=$((failed + 1)); }
skip() { echo "skip  $1 ($2)"; skipped=$((skipped + 1)); }

expect() {
  local what="$1" got="$2"; shift 2
  for want in "$@"; do
    if [ "$got" = "$want" ]; then
      ok "$what" "$got"
      return 0
    fi
  done
  fail "$what" "got $got, expected $*"
  return 1
}

contains() { grep -qF -- "$1" "$body"; }

# The two clients of the rate-limit checks. Against the platform, A is this machine and B whatever SMOKE_CLIENT_B
# routes through; against a DevHost, the front end's header is played by SMOKE_FRONT_END_*.
client_a=()
client_b=()
[ -n "${SMOKE_FRONT_END_A:-}" ] && client_a=(-H "X-Forwarded-For: $SMOKE_FRONT_END_A")
if [ -n "${SMOKE_FRONT_END_B:-}" ]; then
  client_b=(-H "X-Forwarded-For: $SMOKE_FRONT_END_B")
elif [ -n "${SMOKE_CLIENT_B:-}" ]; then
  read -ra client_b <<< "$SMOKE_CLIENT_B"
fi

# --- Public pages ---------------------------------------------------------------------------------------------------
if expect "form page answers" "$(status "${client_a[@]}" "$base/")" 200; then
  contains '<form' && ok "form page has its form" "<form" || fail "form page has its form" "no <form in the page"
fi
case "$base" in
  https://*) expect "plain HTTP is sent to HTTPS" "$(status "http://${base#https://}/")" 301 307 308 ;;
esac
# An unknown reference (a well-formed one): 404 from the app proves /api/tips/* is excluded from sign-in.
expect "public tip status API answers without sign-in" "$(status "${client_a[@]}" "$base/api/tips/SMKTEST0ZZ")" 404

# --- Staff area -----------------------------------------------------------------------------------------------------
# What built-in authentication injects after a real sign-in; a caller who sends it himself must stay outside.
forged_principal() {
  printf '{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"Forged Person"},{"typ":"roles","val":"%s"}]}' "$1" \
    | base64 | tr -d '\n'
}
forged() {
  printf '%s\n' -H "X-MS-CLIENT-PRINCIPAL: $(forged_principal "$1")" -H "X-MS-CLIENT-PRINCIPAL-NAME: forged@example.org" \
    -H "X-MS-CLIENT-PRINCIPAL-ID: 00000000-0000-0000-0000-000000000001" -H "X-MS-CLIENT-PRINCIPAL-IDP: aad"
}
mapfile -t forged_kommunpolis < <(forged Kommunpolis)

html=(-H "Accept: text/html")
expect "anonymous staff page is refused" "$(status "${html[@]}" "$base/personal/statistik")" 302 401
expect "forged Kommunpolis principal on the staff page is refused" "$(status "${html[@]}" "${forged_kommunpolis[@]}" "$base/personal/statistik")" 302 401
expect "forged Kommunpolis principal on the staff tip list is refused" "$(status "${forged_kommunpolis[@]}" "$base/personal/tips")" 302 401

if [ -n "${SMOKE_STAFF_COOKIE:-}" ]; then
  cookie=(-H "Cookie: $SMOKE_STAFF_COOKIE")
  # The page the role may open, and one it may not (with the role a forged header claims for it).
  case "$role" in
    Granskare) own=/personal/granskning; other=/personal/tips; claimed=Kommunpolis ;;
    Kommun|Kommunpolis) own=/personal/statistik; other=/personal/granskning; claimed=Granskare ;;
    *) echo "SMOKE_STAFF_ROLE must be Kommun, Kommunpolis or Granskare." >&2; exit 2 ;;
  esac
  if expect "signed-in $role opens $own" "$(status "${html[@]}" "${cookie[@]}" "$base$own")" 200; then
    contains 'class="signed-in"' && ok "$own names the signed-in person" "signed-in" || fail "$own names the signed-in person" "no signed-in line"
  fi
  # Beside a real sign-in the forged header reaches the staff function, which must see the platform's principal
  # (the real person, without the claimed role) and answer 403 itself; 200 or "Forged Person" means it trusted the forgery.
  mapfile -t forged_claim < <(forged "$claimed")
  if expect "a forged $claimed principal beside a real sign-in is refused by $other" \
    "$(status "${html[@]}" "${cookie[@]}" "${forged_claim[@]}" "$base$other")" 403; then
    contains 'Forged Person' && fail "the refusal names the real person" "it names the forged one" || ok "the refusal names the real person" "not the forged one"
  fi
else
  skip "signed-in staff page" "set SMOKE_STAFF_COOKIE and SMOKE_STAFF_ROLE"
fi

# /api/stats is outside sign-in for scripts; the Functions host refuses it without a function key.
if [ -n "${SMOKE_FUNCTION_KEY:-}" ]; then
  expect "stats API without a function key is refused" "$(status "${forged_kommunpolis[@]}" "$base/api/stats")" 401
  if expect "stats API with the function key answers" "$(status -H "x-functions-key: $SMOKE_FUNCTION_KEY" "$base/api/stats")" 200; then
    contains '"all"' && ok "stats API returns counts" '"all"' || fail "stats API returns counts" "no \"all\" in the answer"
  fi
else
  skip "stats API with and without its function key" "set SMOKE_FUNCTION_KEY"
fi

# --- Rate limit: each client counted apart, a forged X-Forwarded-For entry changes nothing -----------------------------
# Status lookups are limited per client like tips, and a lookup stores nothing: look up an unknown code until the limit
# answers 429, then try to escape it with a forged entry, then look up from a second address.
if [ "${SMOKE_SKIP_RATE_LIMIT:-0}" = "1" ]; then
  skip "rate limit per client" "SMOKE_SKIP_RATE_LIMIT=1"
else
  lookup="$base/api/tips/SMKTEST0ZZ"
  got=""
  for i in $(seq 1 "${SMOKE_MAX_LOOKUPS:-60}"); do
    got=$(status "${client_a[@]}" "$lookup")
    [ "$got" = "404" ] || break
  done
  if expect "client A's status lookups reach the limit (after $i)" "$got" 429; then
    expect "a forged X-Forwarded-For entry does not escape the limit" \
      "$(status -H "X-Forwarded-For: 203.0.113.77" "${client_a[@]}" "$lookup")" 429
    if [ ${#client_b[@]} -gt 0 ]; then
      expect "client B is counted apart from client A" "$(status "${client_b[@]}" "$lookup")" 404
    else
      skip "client B is counted apart from client A" "set SMOKE_CLIENT_B"
    fi
  fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
