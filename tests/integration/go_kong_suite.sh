#!/usr/bin/env bash
# Kong's Go client's own integration tests (Debian's golang-github-kong-go-kong-dev, go-kong 0.15)
# against a real Sluice on a fresh SQLite store:  go_kong_suite.sh SLUICE_BINARY
#
# go-kong's tests talk to http://localhost:8001, a fixed address. So that a gateway already on
# this machine is neither disturbed nor used, as root the whole run gets a network namespace of its
# own (only its loopback); otherwise it needs port 8001 free. Enterprise-only tests skip
# themselves.
set -euo pipefail
sluice=${SLUICE_TEST_BINARY:-$1}  # (the sanitizer pass points at its own gateway)
src=/usr/share/gocode/src/github.com/kong/go-kong/kong
command -v go >/dev/null || { echo "go not found (apt-get install golang-go)" >&2; exit 1; }
[ -d "$src" ] || { echo "go-kong not found (apt-get install golang-github-kong-go-kong-dev)" >&2; exit 1; }

if [ "$(id -u)" = 0 ] && [ -z "${GO_KONG_IN_NAMESPACE:-}" ] && unshare -n true 2>/dev/null; then
  exec unshare -n env GO_KONG_IN_NAMESPACE=1 "$0" "$@"
fi
[ -n "${GO_KONG_IN_NAMESPACE:-}" ] && ip link set lo up

work=$(mktemp -d)
gateway=""
cleanup() {
  [ -n "$gateway" ] && kill "$gateway" 2>/dev/null && wait "$gateway" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

SLUICE_PROXY_LISTEN="127.0.0.1:18000, 127.0.0.1:18443 ssl" \
  "$sluice" start --prefix "$work/prefix" --admin-listen 127.0.0.1:8001 >"$work/sluice.log" 2>&1 &
gateway=$!
for _ in $(seq 100); do
  curl -fs http://127.0.0.1:8001/status >/dev/null 2>&1 && break
  kill -0 "$gateway" 2>/dev/null || { cat "$work/sluice.log" >&2; exit 1; }
  sleep 0.1
done

export GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" GOFLAGS="" HOME="$work"
cd "$work"
tests=$(go test -list . github.com/kong/go-kong/kong | grep '^Test' | paste -sd'|')
set +e
go test -count=1 -v -run "^(${tests})\$" github.com/kong/go-kong/kong >"$work/go-test.log" 2>&1
status=$?
set -e
passed=$(grep -c '^--- PASS' "$work/go-test.log" || true)
skipped=$(grep -c '^--- SKIP' "$work/go-test.log" || true)
failed=$(grep -c '^--- FAIL' "$work/go-test.log" || true)
if [ "$status" != 0 ]; then
  grep -A30 -E '^--- FAIL|^panic' "$work/go-test.log" | head -200
  echo "== the gateway's log:"; tail -50 "$work/sluice.log"
fi
echo "go-kong 0.15 against Sluice: $passed passed, $failed failed, $skipped skipped (Enterprise-only)"
exit "$status"
