#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:$PORT (default 55432) in $DIR, as the
# postgres user (the server refuses to run as root). Prints the admin URL. Stop it with
#   scripts/pg-throwaway.sh stop
set -euo pipefail
PORT=${PGPORT_THROWAWAY:-55432}
DIR=${PGDIR_THROWAWAY:-/tmp/laurel-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
run_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ "${1:-start}" = stop ]; then
  run_as_postgres "$BIN/pg_ctl -D $DIR stop -m fast" >/dev/null 2>&1 || true
  exit 0
fi
if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  run_as_postgres "$BIN/initdb -D $DIR -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
fi
run_as_postgres "$BIN/pg_ctl -D $DIR -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300' -l $DIR/server.log -w start" >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
