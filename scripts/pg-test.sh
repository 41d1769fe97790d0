#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the SQL tests (test/premium/orders-sql.test.ts), reached only through a Unix
# socket in its own directory (no TCP port, so it cannot clash with another cluster):
#   scripts/pg-test.sh check       exit 0 when PostgreSQL's server binaries are installed, 3 when not
#   scripts/pg-test.sh start       initdb into a new temporary directory, start the server; prints the directory
#                                  (connect with: psql -h DIR -U postgres -d postgres)
#   scripts/pg-test.sh stop DIR    stop that server and remove its directory
# Run as root, the server runs as the postgres user (PostgreSQL refuses to run as root).
set -euo pipefail

bindir() {
  if command -v pg_config > /dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  if command -v initdb > /dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  return 3
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  check)
    bindir > /dev/null || exit 3
    ;;
  start)
    bin=$(bindir) || { echo "PostgreSQL is not installed" >&2; exit 3; }
    dir=$(mktemp -d "${TMPDIR:-/tmp}/zhishang-pg.XXXXXX")
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C > "$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c full_page_writes=off" start > /dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$dir"
    ;;
  stop)
    dir=${2:?usage: pg-test.sh stop DIR}
    bin=$(bindir) || exit 3
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test.sh check | start | stop DIR" >&2
    exit 2
    ;;
esac
