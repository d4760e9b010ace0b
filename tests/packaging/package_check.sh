#!/usr/bin/env bash
# Builds the Debian packages from a copy of the source tree and checks them:
#   tests/packaging/package_check.sh SOURCE_DIR [WORK_DIR]
# - dpkg-buildpackage -us -uc -b makes sluice, sluice-manager, sluice-bench and their -dbgsym;
# - lintian reports no error and no warning on them;
# - sluice's dependencies hold no Qt, and its binary is stripped;
# - /etc/sluice/sluice.conf is a conffile; the unit passes systemd-analyze verify;
# - the packaged sluice, started with the packaged sluice.conf on a temporary prefix and loopback
#   ports, serves /status and stops cleanly.
set -euo pipefail
src=$(cd "$1" && pwd)
work=${2:-$(mktemp -d)}
mkdir -p "$work"
fail() { echo "package_check: FAIL: $*" >&2; exit 1; }

# A copy without build trees or git metadata: dpkg-buildpackage builds in the source folder.
rm -rf "$work/sluice" && mkdir -p "$work/sluice"
tar -C "$src" --exclude=./build --exclude='./build-*' --exclude=./.git --exclude=./.sluice -cf - . | tar -xf - -C "$work/sluice"
(cd "$work/sluice" && dpkg-buildpackage -us -uc -b) > "$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; fail "dpkg-buildpackage"; }

version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
arch=$(dpkg --print-architecture)
for p in sluice sluice-manager sluice-bench sluice-dbgsym sluice-manager-dbgsym sluice-bench-dbgsym; do
  [ -f "$work/${p}_${version}_${arch}.deb" ] || fail "no ${p}_${version}_${arch}.deb"
done
echo "package_check: built $(cd "$work" && ls ./*.deb | tr '\n' ' ')"

changes="$work/sluice_${version}_${arch}.changes"
lintian --fail-on error,warning --tag-display-limit 0 "$changes" | tee "$work/lintian.log" || fail "lintian (above)"
grep -q '^[EW]: ' "$work/lintian.log" && fail "lintian reported errors or warnings"
echo "package_check: lintian: no error, no warning"

deb="$work/sluice_${version}_${arch}.deb"
depends=$(dpkg-deb -f "$deb" Depends)
echo "package_check: sluice depends on: $depends"
grep -qi 'qt' <<< "$depends" && fail "sluice depends on Qt"
dpkg-deb -f "$work/sluice-manager_${version}_${arch}.deb" Depends | grep -q 'libqt6' || fail "sluice-manager's dependencies miss Qt (the shlibs scan did not run?)"

root="$work/root"
rm -rf "$root" && mkdir -p "$root"
dpkg-deb -x "$deb" "$root"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx '/etc/sluice/sluice.conf' || fail "sluice.conf is not a conffile"
file "$root/usr/bin/sluice" | grep -q 'stripped' && ! file "$root/usr/bin/sluice" | grep -q 'not stripped' || fail "sluice is not stripped"
[ -f "$root/usr/share/man/man1/sluice.1.gz" ] || fail "no manual page"
unit="$root/lib/systemd/system/sluice.service"
[ -f "$unit" ] || fail "no systemd unit"
# verify checks the unit as installed: its ExecStart must exist, so point it at the extracted binary.
sed "s|/usr/bin/sluice|$root/usr/bin/sluice|g" "$unit" > "$work/sluice.service"
systemd-analyze verify "$work/sluice.service" 2>&1 | grep -v 'Documentation' | tee "$work/verify.log"
[ -s "$work/verify.log" ] && fail "systemd-analyze verify"
systemd-analyze security --offline=yes "$work/sluice.service" 2>/dev/null | tail -n 1

# The packaged binary with the packaged configuration, on a temporary prefix and loopback ports.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
admin=$(free_port); proxy=$(free_port)
prefix="$work/prefix"; mkdir -p "$prefix"
SLUICE_PREFIX=$prefix SLUICE_ADMIN_LISTEN=127.0.0.1:$admin SLUICE_PROXY_LISTEN=127.0.0.1:$proxy \
  "$root/usr/bin/sluice" start -c "$root/etc/sluice/sluice.conf" > "$work/sluice.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$admin/status" > /dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$admin/status" | grep -q '"database"' || { kill "$pid"; cat "$work/sluice.log" >&2; fail "the packaged sluice does not serve"; }
[ -f "$prefix/sluice.db" ] || ls "$prefix" >&2
kill -TERM "$pid"
wait "$pid" || { cat "$work/sluice.log" >&2; fail "the packaged sluice did not stop cleanly"; }
echo "package_check: the packaged sluice served /status with the packaged sluice.conf and stopped cleanly"
echo "package_check: PASS"
