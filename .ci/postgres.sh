#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the storage tests and print its SQLAlchemy URL.
# Installs Debian's postgresql when the server is missing (CI machines run as root).
set -euo pipefail
PORT="${PGPORT_TEST:-55432}"
find_bin() { command -v "$1" 2>/dev/null || ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | tail -n 1; }
if [ -z "$(find_bin initdb)" ]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
fi
INITDB=$(find_bin initdb); PG_CTL=$(find_bin pg_ctl)
id postgres >/dev/null 2>&1 || useradd --system --create-home postgres >&2
DIR=$(mktemp -d /tmp/subsidybot-pg.XXXXXX)
chown postgres "$DIR"
run_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run_as_postgres "$INITDB -D $DIR/data -A trust -U postgres" >/dev/null
run_as_postgres "$PG_CTL -D $DIR/data -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1' -l $DIR/log -w start" >/dev/null
echo "$DIR" > /tmp/subsidybot-pg.dir
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
