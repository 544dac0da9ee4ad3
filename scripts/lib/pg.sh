# shellcheck shell=bash
# Shared PostgreSQL helpers for scripts/run and scripts/test. Source it; it defines functions only.
#
#   pg_find_bin                      sets PG_BIN (dir with initdb, pg_ctl, postgres, pg_isready)
#   pg_init DATADIR PWFILE [SETTING...]   new cluster, superuser "postgres" with the password in PWFILE,
#                                    each SETTING ("name = value") appended to postgresql.conf
#   pg_start DATADIR PORT LOGFILE    start on 127.0.0.1:PORT and wait until it accepts connections
#   pg_stop DATADIR [MODE]           stop (MODE fast by default; immediate for throwaway clusters)
#   pg_running_port DATADIR          print the port of a running, ready server of DATADIR, or fail
#   pg_free_port                     print a free TCP port on 127.0.0.1
#   pg_random_password               print a random alphanumeric password (safe in connection strings)
#
# PostgreSQL refuses to run as root: when root, the server programs run as the "postgres" OS user
# (runuser), and the data directory belongs to that user.

pg_die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

pg_is_root() {
  [ "$(id -u)" -eq 0 ]
}

# Runs a command as the cluster's owner: "postgres" when we are root, else ourselves.
# Runs from / so that a cwd the postgres user cannot enter causes no warnings.
pg_as_owner() {
  if pg_is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

pg_find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then
    return 0
  fi
  PG_BIN=""
  local dir best=""
  # Highest installed major version under /usr/lib/postgresql (Debian/Ubuntu layout).
  while IFS= read -r dir; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      best="$dir"
    fi
  done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V)
  if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      best="$dir"
    fi
  fi
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    best="$(dirname "$(command -v pg_ctl)")"
  fi
  if [ -z "$best" ]; then
    return 1
  fi
  local prog
  for prog in initdb pg_ctl postgres pg_isready; do
    [ -x "$best/$prog" ] || return 1
  done
  PG_BIN="$best"
  if pg_is_root && ! id -u postgres >/dev/null 2>&1; then
    pg_die "running as root needs the 'postgres' OS user (PostgreSQL refuses to run as root). Install the server: apt-get install -y postgresql"
  fi
  return 0
}

pg_install_hint() {
  cat >&2 <<'EOF'
error: the PostgreSQL server programs (initdb, pg_ctl, postgres, pg_isready) were not found.
       Looked in /usr/lib/postgresql/*/bin, `pg_config --bindir` and PATH.
       Install them, e.g. on Debian/Ubuntu:   apt-get install -y postgresql
       (any version 15 or later; the scripts start their own cluster, not the system one)
EOF
}

# The postgres OS user must be able to reach DIR (every ancestor searchable).
pg_check_reachable() {
  local dir="$1"
  if pg_is_root && ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
    pg_die "the 'postgres' OS user cannot enter $dir (PostgreSQL runs as that user because it refuses to run as root). Make every parent directory searchable (chmod o+x), or put the repository elsewhere."
  fi
}

pg_random_password() {
  # Alphanumeric only: no ';', '=' or quotes to escape in connection strings.
  head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-32
}

pg_init() {
  local datadir="$1" pwfile="$2"
  shift 2
  local parent tmpdir
  parent="$(dirname "$datadir")"
  mkdir -p "$parent"
  pg_check_reachable "$parent"
  mkdir -p "$datadir"
  chmod 700 "$datadir"
  if pg_is_root; then
    chown postgres:postgres "$datadir"
  fi
  # initdb reads the password as the postgres user: hand it a copy that user can read.
  tmpdir="$(mktemp -d)"
  chmod 700 "$tmpdir"
  cp "$pwfile" "$tmpdir/pw"
  chmod 600 "$tmpdir/pw"
  if pg_is_root; then
    chown -R postgres:postgres "$tmpdir"
  fi
  if ! pg_as_owner "$PG_BIN/initdb" -D "$datadir" -U postgres --pwfile="$tmpdir/pw" \
      -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$tmpdir/initdb.log" 2>&1; then
    cat "$tmpdir/initdb.log" >&2
    rm -rf "$tmpdir"
    pg_die "initdb failed for $datadir"
  fi
  rm -rf "$tmpdir"
  # Listen on 127.0.0.1 only, and no Unix socket: its default directory may not exist or be writable.
  {
    printf '\n# Added by scripts/lib/pg.sh\n'
    printf "listen_addresses = '127.0.0.1'\n"
    printf "unix_socket_directories = ''\n"
    local setting
    for setting in "$@"; do
      printf '%s\n' "$setting"
    done
  } >>"$datadir/postgresql.conf"
}

pg_start() {
  local datadir="$1" port="$2" logfile="$3"
  pg_check_reachable "$datadir/.."
  touch "$logfile"
  if pg_is_root; then
    chown postgres:postgres "$logfile"
  fi
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 \
      -o "-p $port" start >/dev/null 2>&1; then
    tail -n 20 "$logfile" >&2 || true
    pg_die "PostgreSQL did not start (data $datadir, port $port; log $logfile)"
  fi
  pg_wait_ready "$port" 60 || pg_die "PostgreSQL on port $port is not accepting connections (log $logfile)"
}

pg_wait_ready() {
  local port="$1" seconds="${2:-60}" i
  for ((i = 0; i < seconds * 4; i++)); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1; then
      return 0
    fi
    sleep 0.25
  done
  return 1
}

pg_stop() {
  local datadir="$1" mode="${2:-fast}"
  [ -f "$datadir/postmaster.pid" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m "$mode" -w -t 60 stop >/dev/null 2>&1
}

# Prints the port of DATADIR's server when it is running and ready; fails otherwise.
# (After a killed server, pg_ctl status may still say running for a moment: ask pg_isready.)
pg_running_port() {
  local datadir="$1" port
  [ -f "$datadir/postmaster.pid" ] || return 1
  port="$(sed -n '4p' "$datadir/postmaster.pid" 2>/dev/null || true)"
  [ -n "$port" ] || return 1
  pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" status >/dev/null 2>&1 || return 1
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2 || return 1
  printf '%s\n' "$port"
}

pg_port_in_use() {
  local port="$1"
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

pg_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    local p
    if p="$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null)" && [ -n "$p" ]; then
      printf '%s\n' "$p"
      return 0
    fi
  fi
  local i port
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + RANDOM % 40000))
    if ! pg_port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  pg_die "found no free TCP port on 127.0.0.1"
}
