#!/usr/bin/env bash
# Hybrid mode across a network that fails: a control plane and two data planes, each in a network
# namespace of its own joined by veth pairs (10.231.N.0/24), each data plane with a local upstream.
# One data plane's link is cut: it keeps serving its last configuration while the other follows a
# change; when the link returns it resyncs on its own (same configuration hash as the control plane).
#   hybrid_netns.sh SLUICE_BINARY
# Needs root and `ip netns` (iproute2); exits 77 (skipped) where namespaces cannot be made.
set -euo pipefail
sluice=$(realpath "$1")
[ "$(id -u)" = 0 ] || { echo "SKIPPED: creating network namespaces needs root"; exit 77; }
command -v ip >/dev/null || { echo "SKIPPED: ip (iproute2) is not installed"; exit 77; }
tag=sl$$
cp_ns=$tag-cp
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for ns in "$cp_ns" "$tag-dp1" "$tag-dp2"; do ip netns del "$ns" 2>/dev/null || true; done
  if [ -n "${KEEP_LOGS:-}" ]; then cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if ! ip netns add "$cp_ns" 2>"$work/netns.err"; then
  echo "SKIPPED: cannot create a network namespace here: $(cat "$work/netns.err")"
  exit 77
fi
in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
make_network() {
  ip -n "$cp_ns" link set lo up && ip netns exec "$cp_ns" true || return 1
  for n in 1 2; do
    ns=$tag-dp$n
    ip netns add "$ns" && ip -n "$ns" link set lo up || return 1
    ip link add "v$tag-c$n" netns "$cp_ns" type veth peer name "v$tag-d$n" netns "$ns" || return 1
    ip -n "$cp_ns" addr add "10.231.$n.1/24" dev "v$tag-c$n" && ip -n "$ns" addr add "10.231.$n.2/24" dev "v$tag-d$n" || return 1
    ip -n "$cp_ns" link set "v$tag-c$n" up && ip -n "$ns" link set "v$tag-d$n" up || return 1
  done
}
# (a container may allow namespaces but not veth pairs, or not entering them)
if ! make_network 2>"$work/netns.err"; then
  echo "SKIPPED: cannot build the test network here: $(cat "$work/netns.err")"
  exit 77
fi

"$sluice" hybrid gen_cert "$work/cluster.crt" "$work/cluster.key" >/dev/null
common=(SLUICE_CLUSTER_CERT="$work/cluster.crt" SLUICE_CLUSTER_CERT_KEY="$work/cluster.key" SLUICE_CLUSTER_PING_INTERVAL=1s
        SLUICE_ADMIN_LISTEN=127.0.0.1:8001 SLUICE_PROXY_LISTEN=127.0.0.1:8000 SLUICE_WORKER_PROCESSES=1)
start_node() {  # NS NAME ENV...
  local ns=$1 name=$2; shift 2
  mkdir -p "$work/$name"
  in_ns "$ns" env "${common[@]}" SLUICE_PREFIX="$work/$name" "$@" "$sluice" start >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do
    in_ns "$ns" curl -fs -o /dev/null http://127.0.0.1:8001/status && return 0
    sleep 0.1
  done
  echo "FAIL: $name did not start"; cat "$work/$name.log"; exit 1
}
status_of() { in_ns "$1" curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:8000$2" || true; }
wait_for() {  # NS PATH STATUS SECONDS
  for _ in $(seq $(($4 * 10))); do
    [ "$(status_of "$1" "$2")" = "$3" ] && return 0
    sleep 0.1
  done
  echo "FAIL: $1 $2 did not answer $3 within $4 s (last: $(status_of "$1" "$2"))"; tail -n 20 "$work"/*.log; exit 1
}
hash_of() { in_ns "$1" curl -s http://127.0.0.1:8001/sluice/cluster | python3 -c 'import json,sys; print(json.load(sys.stdin)["config_hash"])'; }

start_node "$cp_ns" cp SLUICE_ROLE=control_plane SLUICE_CLUSTER_LISTEN=0.0.0.0:8005
for n in 1 2; do
  # Each data plane's upstream, on its own loopback (the same address for both: one service).
  in_ns "$tag-dp$n" python3 -m http.server 18080 --bind 127.0.0.1 --directory "$work" >/dev/null 2>&1 &
  pids+=($!)
  start_node "$tag-dp$n" dp$n SLUICE_ROLE=data_plane SLUICE_CLUSTER_CONTROL_PLANE="10.231.$n.1:8005"
done
admin() { in_ns "$cp_ns" curl -fs -o /dev/null "$@"; }
admin -X POST http://127.0.0.1:8001/services -d name=up -d url=http://127.0.0.1:18080
admin -X POST http://127.0.0.1:8001/services/up/routes -d name=a -d 'paths[]=/a'
wait_for "$tag-dp1" /a 200 10
wait_for "$tag-dp2" /a 200 10
echo "both data planes serve /a"

ip -n "$tag-dp1" link set "v$tag-d1" down  # dp1 is cut off
admin -X POST http://127.0.0.1:8001/services/up/routes -d name=b -d 'paths[]=/b'
wait_for "$tag-dp2" /b 200 5
sleep 3
[ "$(status_of "$tag-dp1" /a)" = 200 ] || { echo "FAIL: dp1 stopped serving its last configuration"; exit 1; }
[ "$(status_of "$tag-dp1" /b)" = 404 ] || { echo "FAIL: dp1 got /b through a cut link?"; exit 1; }
grep -q "has not answered" "$work/dp1.log" || { echo "FAIL: dp1 did not notice the cut"; cat "$work/dp1.log"; exit 1; }
echo "cut off, dp1 keeps serving /a; dp2 serves /b"

ip -n "$tag-dp1" link set "v$tag-d1" up  # the link returns
wait_for "$tag-dp1" /b 200 40
for _ in $(seq 100); do
  [ "$(hash_of "$tag-dp1")" = "$(hash_of "$cp_ns")" ] && break
  sleep 0.1
done
[ "$(hash_of "$tag-dp1")" = "$(hash_of "$cp_ns")" ] || { echo "FAIL: dp1's hash differs from the control plane's"; exit 1; }
echo "link back: dp1 resynced (hash $(hash_of "$cp_ns"))"
echo "PASSED"
