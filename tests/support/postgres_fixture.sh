#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the test suite:
#   postgres_fixture.sh start DIR PORT   (creates database "sluice", user "sluice", trust auth)
#   postgres_fixture.sh stop DIR
#   postgres_fixture.sh replica DIR PORT PRIMARY_PORT   (a streaming replica of the server on PRIMARY_PORT)
#   postgres_fixture.sh halt DIR / resume DIR PORT   (stop and restart, keeping the data: outage tests)
#   postgres_fixture.sh crash DIR        (SIGKILL to the server and its backends; resume restarts it)
# As root, the server runs as the "postgres" user. Loopback only, fsync off.
set -euo pipefail
action=$1 dir=$2 port=${3:-55432}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/pg_ctl" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The pids whose parent is $1 (from /proc: no procps needed).
children() {
  local stat fields
  for stat in /proc/[0-9]*/stat; do
    read -r -a fields <"$stat" 2>/dev/null || continue
    [ "${fields[3]}" = "$1" ] && echo "${fields[0]}"
  done
  return 0
}

case "$action" in
  start)
    if [ -f "$dir/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir" --no-sync -U sluice --auth=trust >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -w -t 30 -D "$dir" -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U sluice -d postgres -qc "CREATE DATABASE sluice" >/dev/null
    echo "PostgreSQL running on 127.0.0.1:$port ($dir)"
    ;;
  replica)
    primary=${4:?primary port}
    if [ -f "$dir/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 0700 "$dir"
    as_owner "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary" -U sluice -D "$dir" -R -X stream >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -w -t 30 -D "$dir" -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    echo "PostgreSQL replica of :$primary running on 127.0.0.1:$port ($dir)"
    ;;
  halt)
    as_owner "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    ;;
  crash)
    pid=$(head -n 1 "$dir/postmaster.pid")
    backends=$(children "$pid")
    kill -KILL "$pid" $backends 2>/dev/null || true
    for p in "$pid" $backends; do  # gone, or a zombie nobody has reaped yet (at most 10 s)
      for _ in $(seq 200); do
        state=$(cut -d')' -f2 "/proc/$p/stat" 2>/dev/null | cut -d' ' -f2) || true
        [ -z "$state" ] || [ "$state" = Z ] && break
        sleep 0.05
      done
    done
    rm -f "$dir/postmaster.pid" "$dir"/.s.PGSQL.*.lock  # a zombie's pid would keep the next start out
    ;;
  resume)
    as_owner "$bindir/pg_ctl" -w -t 30 -D "$dir" -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    ;;
  stop)
    if [ -f "$dir/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$dir" -m immediate stop >/dev/null; fi
    rm -rf "$dir" "$dir.initdb.log"
    echo "PostgreSQL stopped"
    ;;
  *) echo "usage: $0 start|stop|halt|crash|resume|replica DIR [PORT [PRIMARY_PORT]]" >&2; exit 2 ;;
esac
