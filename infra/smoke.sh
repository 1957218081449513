#!/usr/bin/env bash
# Post-deploy smoke test: proves from outside that the form is public and the staff area is not, even to a caller who
# forges the header App Service built-in authentication would set after a real sign-in.
#   infra/smoke.sh https://func-grastorp-xxxx.azurewebsites.net
# SMOKE_STAFF_PATH overrides the staff page checked (default /personal). Exit code 0 only if every check passes.
set -uo pipefail

base="${1:?usage: infra/smoke.sh APP_URL}"
base="${base%/}"
staff="${SMOKE_STAFF_PATH:-/personal}"
passed=0
failed=0

# Status code of one request; redirects are not followed, so a sign-in redirect shows as 302.
status() { curl -sS -o /dev/null -w '%{http_code}' --max-time 30 --proto '=https,http' "$@" || echo "000"; }

expect() {
  local what="$1" got="$2"; shift 2
  for want in "$@"; do
    if [ "$got" = "$want" ]; then
      echo "ok    $what: $got"
      passed=$((passed + 1))
      return
    fi
  done
  echo "FAIL  $what: got $got, expected $*"
  failed=$((failed + 1))
}

expect "form page answers" "$(status "$base/")" 200
case "$base" in
  https://*) expect "plain HTTP is sent to HTTPS" "$(status "http://${base#https://}/")" 301 307 308 ;;
esac
# An unknown reference: 404 from the app proves /api/tips/* is excluded from sign-in (a 302 would mean it is not).
expect "public tip status API answers without sign-in" "$(status "$base/api/tips/SMOKETEST0")" 404
expect "anonymous staff page is refused" "$(status "$base$staff")" 401 302
expect "anonymous staff API is refused" "$(status "$base/api/stats")" 401 302

# What Easy Auth injects after a real sign-in, claiming the Kommunpolis role. The platform must strip it (or the app
# must not trust it): a caller who sends it himself stays outside.
principal=$(printf '%s' '{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"Forged Person"},{"typ":"roles","val":"Kommunpolis"}]}' | base64 | tr -d '\n')
forged=(-H "X-MS-CLIENT-PRINCIPAL: $principal" -H "X-MS-CLIENT-PRINCIPAL-NAME: forged@example.org"
        -H "X-MS-CLIENT-PRINCIPAL-ID: 00000000-0000-0000-0000-000000000001" -H "X-MS-CLIENT-PRINCIPAL-IDP: aad")
expect "forged Kommunpolis principal on the staff page is refused" "$(status "${forged[@]}" "$base$staff")" 401 302
expect "forged Kommunpolis principal on the staff API is refused" "$(status "${forged[@]}" "$base/api/stats")" 401 302

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
