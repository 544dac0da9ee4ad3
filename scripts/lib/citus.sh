# shellcheck shell=bash
# Local Citus clusters for scripts/run --citus and scripts/test --citus: a coordinator and two workers,
# each a PostgreSQL instance of its own on 127.0.0.1. Source after lib/pg.sh; it defines functions only.
#
#   citus_ensure_installed            Citus in the machine's PostgreSQL: built from ../shared/citus when
#                                     that folder is there (root), else says how to install it
#   citus_init DIR PWFILE [SETTING...]   DIR/coordinator, DIR/worker1, DIR/worker2 (pg_init + Citus settings)
#   citus_init_node DATADIR PWFILE coordinator|worker [SETTING...]   one node
#   citus_start DIR PORT LOGDIR       coordinator on PORT, workers on the next two ports; sets CITUS_WORKERS
#   citus_running_port DIR            the coordinator's port when all three nodes run and are ready
#   citus_stop DIR [MODE]             stops the three nodes
#
# The nodes listen on 127.0.0.1 only. The coordinator's clients sign in with passwords as on a single
# node; the workers trust connections from 127.0.0.1, since the coordinator opens its connections to
# them as the user of each query (fine for a cluster on one machine; across machines, give Citus the
# passwords in pg_dist_authinfo or use certificates).
# The migrator (--citus --citus-workers "$CITUS_WORKERS") creates the database on every node and
# registers the workers; see docs/scale-out.md.

CITUS_NODES=(coordinator worker1 worker2)
CITUS_SOURCE="${COUNSELORSUITE_CITUS_SOURCE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/shared/citus}"

citus_installed() {
  local libdir
  libdir="$("$PG_BIN/pg_config" --pkglibdir 2>/dev/null || pg_config --pkglibdir 2>/dev/null || echo "$PG_BIN/../lib")"
  [ -f "$libdir/citus.so" ]
}

citus_ensure_installed() {
  if citus_installed; then
    return 0
  fi
  if [ -x "$CITUS_SOURCE/build-from-source.sh" ] && pg_is_root; then
    citus_pin_server_headers
    printf '==> building Citus from %s (about 5 minutes on an idle 2-core machine)\n' "$CITUS_SOURCE"
    PG_BIN="$PG_BIN" "$CITUS_SOURCE/build-from-source.sh" || return 1
    citus_installed && return 0
  fi
  cat >&2 <<'EOF'
error: the Citus extension is not installed in this machine's PostgreSQL.
       Install Citus's own packages (https://docs.citusdata.com/en/stable/installation/multi_node.html,
       e.g. postgresql-15-citus-13.2 from Citus's package repository), or build it from Citus's
       source release (https://github.com/citusdata/citus/releases), then run this again.
EOF
  return 1
}

# The server's headers at the installed server's own version, before build-from-source.sh asks apt for
# postgresql-server-dev-N: left to itself apt takes the newest headers and upgrades the server package with
# them, and every PostgreSQL already running on the machine (another run's, another user's) then fails to
# load plpgsql until restarted. Does nothing off Debian/Ubuntu or when that version is no longer offered.
citus_pin_server_headers() {
  command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
  local major version
  major="$("$PG_BIN/postgres" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
  dpkg -s "postgresql-server-dev-$major" >/dev/null 2>&1 && return 0
  version="$(dpkg-query -W -f='${Version}' "postgresql-$major" 2>/dev/null)" || return 0
  [ -n "$version" ] || return 0
  printf '==> apt-get install postgresql-server-dev-%s=%s (the running server'"'"'s version)\n' "$major" "$version"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$major=$version" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$major=$version" >/dev/null 2>&1; } ||
    printf 'warning: postgresql-server-dev-%s=%s is not available; the Citus build may upgrade PostgreSQL (restart running clusters then)\n' "$major" "$version" >&2
}

citus_init() {
  local dir="$1" pwfile="$2" node
  shift 2
  for node in "${CITUS_NODES[@]}"; do
    citus_init_node "$dir/$node" "$pwfile" "$([ "$node" = coordinator ] && echo coordinator || echo worker)" "$@"
  done
}

# citus_init_node DATADIR PWFILE coordinator|worker [SETTING...]: one node (a spare worker, say).
citus_init_node() {
  local datadir="$1" pwfile="$2" role="$3"
  shift 3
  pg_init "$datadir" "$pwfile" \
    "shared_preload_libraries = 'citus'" \
    "wal_level = logical" "max_replication_slots = 20" "max_wal_senders = 20" \
    "max_connections = 300" "$@"
  [ "$role" = coordinator ] && return 0
  {
    printf 'host all all 127.0.0.1/32 trust\n'
    cat "$datadir/pg_hba.conf"
  } >"$datadir/pg_hba.conf.new"
  mv "$datadir/pg_hba.conf.new" "$datadir/pg_hba.conf"
  if pg_is_root; then
    chown postgres:postgres "$datadir/pg_hba.conf"
  fi
}

citus_start() {
  local dir="$1" port="$2" logdir="$3" i=0 node workers=""
  for node in "${CITUS_NODES[@]}"; do
    pg_start "$dir/$node" $((port + i)) "$logdir/$node.log"
    if [ "$i" -gt 0 ]; then
      workers+="${workers:+,}127.0.0.1:$((port + i))"
    fi
    i=$((i + 1))
  done
  CITUS_WORKERS="$workers"
}

citus_running_port() {
  local dir="$1" node port first="" i=0
  for node in "${CITUS_NODES[@]}"; do
    port="$(pg_running_port "$dir/$node")" || return 1
    if [ "$i" -eq 0 ]; then
      first="$port"
    fi
    i=$((i + 1))
  done
  CITUS_WORKERS="127.0.0.1:$((first + 1)),127.0.0.1:$((first + 2))"
  printf '%s\n' "$first"
}

citus_stop() {
  local dir="$1" mode="${2:-fast}" node
  for node in "${CITUS_NODES[@]}"; do
    pg_stop "$dir/$node" "$mode" || true
  done
}
