#!/usr/bin/env bash
# Throwaway Redis and PostgreSQL on 127.0.0.1 for the tests: `source deploy/services.sh; services_start DIR` starts them
# (installing redis-server and postgresql with apt-get when missing) and exports REDIS_TEST_CONNECTION and
# POSTGRES_TEST_CONNECTION; `services_stop` stops them and removes DIR. PostgreSQL refuses to run as root, so its
# cluster runs as the `postgres` user in a folder of DIR. Nothing listens beyond loopback; nothing outlives the caller.

services_install() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ "$#" -gt 0 ] && for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "Installing ${missing[*]} with apt-get."
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# A free TCP port on loopback.
services_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

services_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

services_start() {
  SERVICES_DIR="$1"
  mkdir -p "$SERVICES_DIR"
  services_install || { echo "Could not install Redis/PostgreSQL with apt-get." >&2; return 1; }

  local redis_port; redis_port="$(services_port)"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log" >/dev/null || return 1
  for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export REDIS_TEST_CONNECTION="127.0.0.1:$redis_port"

  local bin; bin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  local data="$SERVICES_DIR/pg"
  PG_PORT="$(services_port)"
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$SERVICES_DIR" && chmod 755 "$SERVICES_DIR"
  services_as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >"$SERVICES_DIR/initdb.log" 2>&1 || { cat "$SERVICES_DIR/initdb.log" >&2; return 1; }
  services_as_postgres "$bin/pg_ctl" -D "$data" -l "$SERVICES_DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$SERVICES_DIR/postgres.log" >&2; return 1; }
  SERVICES_PG_BIN="$bin"
  export PG_PORT SERVICES_PG_BIN SERVICES_DIR
  export POSTGRES_TEST_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
}

services_stop() {
  [ -n "${SERVICES_DIR:-}" ] || return 0
  if [ -f "$SERVICES_DIR/redis.pid" ]; then kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null; fi
  if [ -n "${SERVICES_PG_BIN:-}" ] && [ -d "$SERVICES_DIR/pg" ]; then
    services_as_postgres "$SERVICES_PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$SERVICES_DIR"
  unset SERVICES_DIR REDIS_TEST_CONNECTION POSTGRES_TEST_CONNECTION
}
