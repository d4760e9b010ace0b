#!/usr/bin/env bash
# Puts Debian's PgBouncer in transaction mode in front of the test PostgreSQL server:
#   pgbouncer_fixture.sh start DIR PORT PG_PORT   (database "sluice", user "sluice", trust auth)
#   pgbouncer_fixture.sh stop DIR
# As root, PgBouncer (which refuses to run as root) runs as the "postgres" user. Loopback only.
set -euo pipefail
action=$1 dir=$2
command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || { echo "pgbouncer not found (apt-get install pgbouncer)" >&2; exit 1; }
bouncer=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)

case "$action" in
  start)
    port=$3 pgport=$4
    [ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true
    rm -rf "$dir"
    mkdir -p "$dir"
    echo '"sluice" ""' >"$dir/userlist.txt"
    cat >"$dir/pgbouncer.ini" <<INI
[databases]
sluice = host=127.0.0.1 port=$pgport dbname=sluice user=sluice

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 200
default_pool_size = 20
ignore_startup_parameters = application_name,extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
admin_users = sluice
INI
    if [ "$(id -u)" = 0 ]; then
      chown -R postgres:postgres "$dir"
      "$bouncer" -d -u postgres "$dir/pgbouncer.ini"
    else
      "$bouncer" -d "$dir/pgbouncer.ini"
    fi
    for _ in $(seq 100); do
      [ -s "$dir/pgbouncer.pid" ] && (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      sleep 0.1
    done
    echo "PgBouncer (transaction mode) on 127.0.0.1:$port in front of 127.0.0.1:$pgport"
    ;;
  stop)
    if [ -f "$dir/pgbouncer.pid" ]; then
      pid=$(cat "$dir/pgbouncer.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT PG_PORT | stop DIR" >&2
    exit 2
    ;;
esac
