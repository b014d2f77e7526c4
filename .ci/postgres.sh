# Sourced by .ci/run: starts a throwaway PostgreSQL cluster for the resident-data service's tests
# and exports DATABASE_URL. Installs Debian's postgresql when no server binaries are found. When no
# server can start, it says why and returns: the PostgreSQL suite then skips and prints that.

find_pg_bin() {
  local dir
  # initdb on PATH is often a link into /usr/lib/postgresql/<version>/bin, where psql also lives.
  local candidates=()
  command -v initdb >/dev/null 2>&1 && candidates+=("$(dirname "$(readlink -f "$(command -v initdb)")")")
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do candidates+=("$dir"); done
  for dir in "${candidates[@]}"; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/psql" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Says why the PostgreSQL suite will skip, for this log and for the test's own skip line.
skip_postgres() {
  echo "PostgreSQL: $1; the PostgreSQL suite will skip"
  export FCT_POSTGRES_SKIPPED="$1"
}

start_test_postgres() {
  local bin
  if ! bin=$(find_pg_bin); then
    echo "Installing postgresql from Debian"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -q && apt-get install -y -q postgresql; } || { skip_postgres "could not install postgresql"; return 0; }
    bin=$(find_pg_bin) || { skip_postgres "no initdb/pg_ctl/psql after installing postgresql"; return 0; }
  fi
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user (or to us when not root).
  local as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres || true
    as=(runuser -u postgres --)
  fi
  local dir port password
  dir=$(mktemp -d /tmp/fct-pg.XXXXXX)
  chmod 700 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$((20000 + RANDOM % 20000))
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  if ! "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    skip_postgres "initdb failed: $(tail -1 "$dir/initdb.log")"
    return 0
  fi
  if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null; then
    skip_postgres "the server did not start: $(tail -1 "$dir/server.log")"
    return 0
  fi
  export FCT_TEST_PG_DIR="$dir"
  trap 'stop_test_postgres' EXIT
  # A login role that owns the test database and may create roles (the migrations create fct_app).
  if ! "${as[@]}" "$bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE fct_ci LOGIN CREATEROLE PASSWORD '$password'" -c "CREATE DATABASE fct_test OWNER fct_ci" >/dev/null; then
    skip_postgres "could not create the test role and database"
    return 0
  fi
  export DATABASE_URL="postgres://fct_ci:$password@127.0.0.1:$port/fct_test"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port for the resident-data service's tests"
}

stop_test_postgres() {
  [ -n "${FCT_TEST_PG_DIR:-}" ] || return 0
  local bin as=()
  bin=$(find_pg_bin) || return 0
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/pg_ctl" -D "$FCT_TEST_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$FCT_TEST_PG_DIR"
}
