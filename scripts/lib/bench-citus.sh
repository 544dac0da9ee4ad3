# shellcheck shell=bash
# scripts/bench --citus [--quick]: one PostgreSQL and a Citus cluster side by side (docs/benchmarks.md, "Citus").
# Source after lib/pg.sh, lib/citus.sh and lib/bench.sh; scripts/bench calls bench_citus after the build, with
# MODE, TMP_ROOT, PG_DATAS, say and die set.
#
# In one run: a throwaway single node and a throwaway Citus cluster (a coordinator and two workers, as
# scripts/test --citus makes them), both with the same settings per instance; each migrated (the Citus one
# with the migrator's --citus) and seeded by the same generator with the same seed; the loading settings
# (fsync off) then replaced by durable ones on every instance; the progress query timed on each; then the
# app started on each (two processes, side by side) and every endpoint of bench/endpoints.txt driven at 8
# connections, the two taking turns endpoint by endpoint so that other work on the machine weighs on both
# alike. On Citus the coordinator counts its single-shard (router) and multi-shard query executions
# (citus_stat_counters) during each endpoint's measured run.

# shellcheck disable=SC2153 # APP_PID comes from bench_start_app
bench_citus() {
  local label practices clients answers duration connections=8
  if [ "$MODE" = quick ]; then
    IFS=: read -r label practices clients answers <<<"30k:5:200:30000"
    duration=3
  else
    IFS=: read -r label practices clients answers <<<"1M:100:10000:1000000"
    duration=10
  fi
  local out="$TMP_ROOT/results" db="bench_${label,,}" pwfile="$TMP_ROOT/superuser-password"
  mkdir -p "$out/single" "$out/citus"
  pg_random_password >"$pwfile"
  chmod 600 "$pwfile"
  local password app_password single_port citus_port
  password="$(cat "$pwfile")"
  app_password="$(pg_random_password)"
  single_port="$(pg_free_port)"
  citus_port="$(pg_free_port)"
  while [ "$citus_port" = "$single_port" ] || pg_port_in_use $((citus_port + 1)) || pg_port_in_use $((citus_port + 2)); do
    citus_port="$(pg_free_port)"
  done
  local -A port=([single]="$single_port" [citus]="$citus_port")

  # The same settings on every instance (each of the three Citus nodes gets what the single node gets);
  # loading without durability, as scripts/bench does, then durable for the measurements.
  local loading=("shared_buffers = 1GB" "work_mem = 16MB" "maintenance_work_mem = 512MB" "max_connections = 300"
    "max_wal_size = 16GB" "checkpoint_timeout = 30min" "random_page_cost = 1.1"
    "fsync = off" "synchronous_commit = off" "full_page_writes = off" "autovacuum = off")
  local durable=("fsync = on" "synchronous_commit = on" "full_page_writes = on" "autovacuum = on")
  local shards=32 # Citus's default
  pg_init "$TMP_ROOT/single" "$pwfile" "${loading[@]}"
  citus_init "$TMP_ROOT/citus" "$pwfile" "${loading[@]}" "citus.shard_count = $shards" "citus.enable_stat_counters = on"
  PG_DATAS+=("$TMP_ROOT/single" "$TMP_ROOT/citus/coordinator" "$TMP_ROOT/citus/worker1" "$TMP_ROOT/citus/worker2")
  say "throwaway PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$single_port; Citus coordinator on $citus_port, workers on the next two ports"
  pg_start "$TMP_ROOT/single" "$single_port" "$TMP_ROOT/single.log"
  citus_start "$TMP_ROOT/citus" "$citus_port" "$TMP_ROOT"
  local workers="$CITUS_WORKERS"

  local target start
  local -A migrate_seconds=()
  for target in single citus; do
    local -a citus_args=()
    [ "$target" = citus ] && citus_args=(--citus --citus-workers "$workers")
    say "migrating $db ($target)"
    start=$SECONDS
    dotnet "$MIGRATOR_DLL" --connection "$(bench_cs "${port[$target]}" "$db" postgres "$password")" --app-password "$app_password" \
      ${citus_args[@]+"${citus_args[@]}"} >"$TMP_ROOT/migrate-$target.log" || { cat "$TMP_ROOT/migrate-$target.log" >&2; die "the migrator failed ($target)"; }
    migrate_seconds[$target]=$((SECONDS - start))
    say "seeding $db ($target): --practices $practices --clients $clients --answers $answers"
    dotnet "$SEED_DLL" seed --connection "$(bench_cs "${port[$target]}" "$db" postgres "$password")" --practices "$practices" \
      --clients "$clients" --answers "$answers" --note-keys "$TMP_ROOT/note-keys-$target" --out "$out/seed-$target.json" | sed 's/^/    /'
  done

  say "restarting the four instances with fsync, full_page_writes, synchronous_commit and autovacuum on"
  pg_stop "$TMP_ROOT/single" fast
  citus_stop "$TMP_ROOT/citus" fast
  local data
  for data in "$TMP_ROOT/single" "$TMP_ROOT"/citus/{coordinator,worker1,worker2}; do
    printf '%s\n' "${durable[@]}" >>"$data/postgresql.conf"
  done
  pg_start "$TMP_ROOT/single" "$single_port" "$TMP_ROOT/single.log"
  citus_start "$TMP_ROOT/citus" "$citus_port" "$TMP_ROOT"

  local practice client
  for target in single citus; do
    read -r practice client < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["practiceId"], d["clientId"])' "$out/seed-$target.json")
    say "progress query ($target)"
    dotnet "$SEED_DLL" query --connection "$(bench_cs "${port[$target]}" "$db" counselorsuite_app "$app_password")" --practice "$practice" \
      --client "$client" --runs 200 --out "$out/query-$target.json" | head -n 1 | sed 's/^/    /'
  done

  local -A app_port=() app_pid=()
  for target in single citus; do
    app_port[$target]="$(pg_free_port)"
    local -a settings=(Notes__KeyDirectory="$TMP_ROOT/note-keys-$target")
    [ "$target" = citus ] && settings+=(Database__Citus=true)
    bench_start_app "$TMP_ROOT/app-$target.log" "${app_port[$target]}" \
      "$(bench_cs "${port[$target]}" "$db" counselorsuite_app "$app_password")" "${settings[@]}"
    app_pid[$target]="$APP_PID" # set by bench_start_app
  done
  say "HTTP load at $label, $connections connections, one node and Citus taking turns (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  local name n=0 stats
  stats="$(bench_cs "$citus_port" "$db" postgres "$password")"
  while read -r name; do
    n=$((n + 1))
    for target in single citus; do
      local -a extra=()
      [ "$target" = citus ] && extra=(--citus-stats "$stats")
      printf '  %-6s ' "$target"
      dotnet "$HTTP_DLL" run --url "http://127.0.0.1:${app_port[$target]}" --seed-info "$out/seed-$target.json" \
        --endpoints "$ROOT/bench/endpoints.txt" --only "$name" --label "$label-$target" --connections "$connections" \
        --duration "$duration" --app-pid "${app_pid[$target]}" --out "$out/$target/$(printf '%02d' "$n")-$name.json" \
        ${extra[@]+"${extra[@]}"} || { tail -n 40 "$TMP_ROOT/app-$target.log" >&2; die "the HTTP driver failed on $name ($target; the app's log above)"; }
    done
  done < <(awk '!/^#/ && NF { print $1 }' "$ROOT/bench/endpoints.txt")
  bench_stop_apps

  bench_citus_setup_json "$out/setup.json" "$single_port" "$citus_port" "$db" "$password" "$shards" \
    "$connections" "$duration" "${migrate_seconds[single]}" "${migrate_seconds[citus]}"
  bench_machine_json "$out/machine.json" "citus-$MODE" "$((SECONDS - START_SECONDS))"
  mkdir -p "$ROOT/bench/results"
  dotnet "$HTTP_DLL" citus-report --dir "$out" --out "$ROOT/bench/results/citus.json" --markdown "$ROOT/bench/results/citus.md"
  cat "$ROOT/bench/results/citus.md"
  if [ "$MODE" = full ] && bench_doc_section "$ROOT/docs/benchmarks.md" citus "$ROOT/bench/results/citus.md"; then
    say "updated the Citus section of docs/benchmarks.md"
  fi
  say "done in $((SECONDS - START_SECONDS)) s: bench/results/citus.json, bench/results/citus.md"
}

# bench_citus_sql PORT SQL: one value, as the superuser, from the benchmark database ($db, $password).
bench_citus_sql() {
  PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d "$db" -XAtq -c "$2"
}

# The database sizes, Citus's version and the run's settings, for the report.
bench_citus_setup_json() {
  local file="$1" single_port="$2" citus_port="$3" db="$4" password="$5"
  local size='pg_size_pretty(pg_database_size(current_database()))' bytes='pg_database_size(current_database())'
  local single total=0 b parts=() port
  single="$(bench_citus_sql "$single_port" "SELECT $size")"
  for port in "$citus_port" $((citus_port + 1)) $((citus_port + 2)); do
    b="$(bench_citus_sql "$port" "SELECT $bytes")"
    total=$((total + b))
    parts+=("$(bench_citus_sql "$port" "SELECT $size")")
  done
  local citus
  citus="$(bench_citus_sql "$citus_port" "SELECT pg_size_pretty($total::bigint)") (coordinator ${parts[0]}, workers ${parts[1]} and ${parts[2]})"
  python3 - "$file" "$single" "$citus" "$(bench_citus_sql "$citus_port" "SELECT extversion FROM pg_extension WHERE extname = 'citus'")" "${@:6}" <<'PY'
import json, sys
f, single, citus, version, shards, connections, duration, m_single, m_citus = sys.argv[1:10]
json.dump({"size": {"single": single, "citus": citus}, "citusVersion": version, "shardCount": int(shards),
           "connections": connections, "durationSeconds": int(duration),
           "migrateSeconds": {"single": int(m_single), "citus": int(m_citus)}}, open(f, "w"), indent=2)
PY
}
