#!/usr/bin/env bash
# Builds the Debian packages from a copy of the source tree and checks them:
#   tests/packaging/package_check.sh SOURCE_DIR [WORK_DIR]
# - dpkg-buildpackage -us -uc -b makes sluice, sluice-manager, sluice-bench and their -dbgsym;
# - lintian reports no error and no warning on them;
# - sluice's dependencies hold no Qt, and its binary is stripped;
# - /etc/sluice/sluice.conf is a conffile; the unit passes systemd-analyze verify;
# - the packaged sluice, started with the packaged sluice.conf on a temporary prefix and loopback
#   ports, serves /status and stops cleanly;
# - as root, with this machine's dpkg: install, an upgrade to the same files under a higher version
#   (the edited sluice.conf and the SQLite data kept, the PostgreSQL migrations notice printed),
#   remove (data kept) and purge (data gone).
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
# verify checks the unit as installed: its ExecStart must exist, so point it at the extracted
# binary; its manual page is not installed here (--man=no).
sed "s|/usr/bin/sluice|$root/usr/bin/sluice|g" "$unit" > "$work/sluice.service"
systemd-analyze verify --man=no "$work/sluice.service" 2>&1 | tee "$work/verify.log"
[ -s "$work/verify.log" ] && fail "systemd-analyze verify"
systemd-analyze security --offline=yes "$work/sluice.service" 2>/dev/null | tail -n 1

# A sluice started on fresh loopback ports (settings as VAR=value arguments), up once its Admin API
# answers; sets $pid and $admin, its output in $work/NAME.log.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_sluice() {  # NAME BINARY CONF [VAR=value...]
  local name=$1 binary=$2 conf=$3 proxy
  shift 3
  admin=$(free_port); proxy=$(free_port)
  env "$@" SLUICE_ADMIN_LISTEN="127.0.0.1:$admin" SLUICE_PROXY_LISTEN="127.0.0.1:$proxy" "$binary" start -c "$conf" > "$work/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$admin/status" > /dev/null 2>&1 && return 0; sleep 0.1; done
  kill "$pid"; cat "$work/$name.log" >&2; fail "$name: sluice does not serve /status"
}
stop_sluice() {  # NAME
  kill -TERM "$pid"
  wait "$pid" || { cat "$work/$1.log" >&2; fail "$1: sluice did not stop cleanly"; }
}

# The packaged binary with the packaged configuration, on a temporary prefix.
prefix="$work/prefix"; mkdir -p "$prefix"
start_sluice packaged "$root/usr/bin/sluice" "$root/etc/sluice/sluice.conf" SLUICE_PREFIX="$prefix"
curl -fs "http://127.0.0.1:$admin/status" | grep -q '"database"' || fail "the packaged sluice's /status"
stop_sluice packaged
echo "package_check: the packaged sluice served /status with the packaged sluice.conf and stopped cleanly"

# Restart after an upgrade comes from dh_installsystemd (compat 13), in the generated postinst.
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | grep -q '_dh_action=restart' || fail "postinst does not restart the service after an upgrade"

# Install, upgrade, remove and purge with this machine's dpkg: root only, and never over an
# installed sluice (the cycle ends with a purge).
if [ "$(id -u)" != 0 ]; then
  echo "package_check: install/upgrade/purge cycle skipped (needs root)"
elif dpkg-query -W -f='${Status}' sluice 2>/dev/null | grep -q 'ok installed'; then
  fail "a sluice package is installed on this machine: the install/upgrade/purge cycle would replace it"
else
  trap 'dpkg -P sluice > /dev/null 2>&1 || true' EXIT  # a failure below leaves nothing installed
  # Where systemd runs, the postinst starts (and after the upgrade restarts) the service: it is
  # stopped so that the daemons below can take its prefix.
  stop_service() { if [ -d /run/systemd/system ]; then systemctl stop sluice.service; fi; }
  dpkg -i "$deb" > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
  stop_service
  [ -x /usr/bin/sluice ] && [ -f /etc/sluice/sluice.conf ] || fail "the installed package misses its files"
  # What an administrator does: edit the configuration, keep data under /var/lib/sluice.
  echo "# edited by the administrator" >> /etc/sluice/sluice.conf
  start_sluice installed /usr/bin/sluice /etc/sluice/sluice.conf
  curl -fs -X PUT "http://127.0.0.1:$admin/services/kept" -d url=http://127.0.0.1:9/ > /dev/null || fail "the installed sluice does not take a service"
  stop_sluice installed
  [ -f /var/lib/sluice/sluice.db ] || fail "no /var/lib/sluice/sluice.db"
  # The next version: the same files under a higher version number. The administrator has since
  # moved to PostgreSQL, so the upgrade must say that migrations are to be run by hand.
  echo "database = postgres" >> /etc/sluice/sluice.conf
  rm -rf "$work/next" && dpkg-deb -R "$deb" "$work/next"
  sed -i "s/^Version: .*/Version: ${version}+next1/" "$work/next/DEBIAN/control"
  dpkg-deb --root-owner-group -b "$work/next" "$work/sluice_next.deb" > /dev/null
  dpkg -i "$work/sluice_next.deb" > "$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log" >&2; fail "the upgrade"; }
  stop_service
  [ "$(dpkg-query -W -f='${Version}' sluice)" = "${version}+next1" ] || fail "the upgrade did not install the next version"
  grep -q "sluice migrations up" "$work/upgrade.log" || { cat "$work/upgrade.log" >&2; fail "no migrations notice on a PostgreSQL upgrade"; }
  grep -qx "# edited by the administrator" /etc/sluice/sluice.conf || fail "the upgrade lost the edited sluice.conf"
  # Back on SQLite, the upgraded daemon serves the data written before the upgrade.
  start_sluice upgraded /usr/bin/sluice /etc/sluice/sluice.conf SLUICE_DATABASE=sqlite
  curl -fs "http://127.0.0.1:$admin/services/kept" | grep -q '"name":"kept"' || fail "the data did not survive the upgrade"
  stop_sluice upgraded
  dpkg -r sluice > "$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "dpkg -r"; }
  [ ! -e /usr/bin/sluice ] || fail "remove left /usr/bin/sluice"
  [ -f /var/lib/sluice/sluice.db ] && [ -f /etc/sluice/sluice.conf ] || fail "remove deleted the data or the configuration"
  dpkg -P sluice > "$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "dpkg -P"; }
  [ ! -e /var/lib/sluice ] && [ ! -e /etc/sluice/sluice.conf ] || fail "purge left /var/lib/sluice or /etc/sluice/sluice.conf"
  echo "package_check: installed, upgraded (configuration and data kept, PostgreSQL notice shown), removed (data kept) and purged (data gone)"
fi
echo "package_check: PASS"
