# shellcheck shell=bash
# What scripts/bench's two modes share (the sizes benchmark, and --citus in lib/bench-citus.sh). Source after
# lib/pg.sh, with say, die and TMP_ROOT defined; it defines functions only.
#
#   bench_tools                       dotnet, PostgreSQL's server programs and wrk (apt-get when root)
#   bench_build                       the app, migrator, generator and HTTP driver in Release; sets WEB_DIR,
#                                     WEB_DLL, MIGRATOR_DLL, SEED_DLL, HTTP_DLL
#   bench_cs PORT DB USER PASSWORD    a connection string to 127.0.0.1
#   bench_start_app LOG PORT CS [NAME=VALUE...]   the app in Release on 127.0.0.1:PORT (no job server,
#                                     the baseline endpoint on, plain HTTP, no sign-in rate limit: each
#                                     driver run signs in four times), extra settings as environment; waits for
#                                     /health; sets APP_PID and adds it to APP_PIDS (bench_stop_apps ends them)
#   bench_machine_json FILE MODE SECONDS   the machine, versions and load average, as JSON
#   bench_doc_section DOC NAME MD     replaces <!-- bench:NAME:begin -->…<!-- bench:NAME:end --> in DOC with MD

APP_PIDS=()
APT_UPDATED=0

bench_apt_install() {
  pg_is_root && command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$APT_UPDATED" -eq 0 ]; then
    apt-get update -qq >/dev/null || return 1
    APT_UPDATED=1
  fi
  say "apt-get install -y $*"
  apt-get install -y -qq "$@" >/dev/null
}

bench_tools() {
  command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is needed"
  if ! pg_find_bin && ! { bench_apt_install postgresql && pg_find_bin; }; then
    pg_install_hint
    exit 1
  fi
  if ! command -v wrk >/dev/null 2>&1; then
    bench_apt_install wrk || die "wrk is needed: apt-get install -y wrk"
  fi
}

bench_build() {
  local proj
  say "building (Release): app, migrator, generator, HTTP driver"
  for proj in bench/CounselorSuite.Seed.Scale migrations/CounselorSuite.Migrations bench/CounselorSuite.Bench.Http; do
    dotnet build "$ROOT/$proj" -c Release -nologo -v quiet >/dev/null || die "building $proj failed (run: dotnet build $proj -c Release)"
  done
  # shellcheck disable=SC2034 # read by scripts/bench and lib/bench-citus.sh
  WEB_DIR="$ROOT/src/CounselorSuite.Web"
  WEB_DLL="$WEB_DIR/bin/Release/net10.0/CounselorSuite.Web.dll"
  # shellcheck disable=SC2034
  MIGRATOR_DLL="$ROOT/migrations/CounselorSuite.Migrations/bin/Release/net10.0/CounselorSuite.Migrations.dll"
  # shellcheck disable=SC2034
  SEED_DLL="$ROOT/bench/CounselorSuite.Seed.Scale/bin/Release/net10.0/CounselorSuite.Seed.Scale.dll"
  # shellcheck disable=SC2034
  HTTP_DLL="$ROOT/bench/CounselorSuite.Bench.Http/bin/Release/net10.0/CounselorSuite.Bench.Http.dll"
}

bench_cs() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' "$1" "$2" "$3" "$4"
}

bench_start_app() {
  local log="$1" port="$2" cs="$3" i
  shift 3
  (
    cd "$WEB_DIR" || exit 1
    exec env ConnectionStrings__Default="$cs" ASPNETCORE_ENVIRONMENT=Benchmark Jobs__RunServer=false \
      Bench__BaselineEndpoint=true Security__HttpsOnly=false RateLimits__AuthPermitsPerMinute=100000 \
      Mail__PickupDirectory="$TMP_ROOT/mail" "$@" \
      dotnet "$WEB_DLL" --urls "http://127.0.0.1:$port"
  ) >"$log" 2>&1 &
  APP_PID=$!
  APP_PIDS+=("$APP_PID")
  for ((i = 0; i < 240; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; then
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$log" >&2; die "the app stopped (above)"; }
    sleep 0.5
  done
  die "the app did not answer /health within 2 minutes (log: $log)"
}

bench_stop_apps() {
  local pid
  for pid in ${APP_PIDS[@]+"${APP_PIDS[@]}"}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  APP_PIDS=()
}

bench_machine_json() {
  PG_BIN="$PG_BIN" python3 - "$1" "$2" "$3" <<'PY'
import json, os, platform, subprocess, sys, datetime
def run(*cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True)
        return (r.stdout or r.stderr).strip().splitlines()[0] if (r.stdout or r.stderr).strip() else None
    except Exception:
        return None
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), None)
mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), None)
os_name = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")), None)
json.dump({
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "mode": sys.argv[2], "totalSeconds": int(sys.argv[3]),
    "cpu": cpu, "cores": os.cpu_count(), "memoryMb": mem, "os": os_name, "kernel": platform.release(),
    "dotnet": run("dotnet", "--version"), "postgres": run(os.environ.get("PG_BIN", "/usr/bin") + "/postgres", "--version"),
    "wrk": run("wrk", "--version"), "commit": run("git", "rev-parse", "--short", "HEAD"),
    "loadAverageAtEnd": open("/proc/loadavg").read().split()[:3],
}, open(sys.argv[1], "w"), indent=2)
PY
}

bench_doc_section() {
  local doc="$1" name="$2" md="$3"
  [ -f "$doc" ] && grep -q "<!-- bench:$name:begin -->" "$doc" || return 1
  python3 - "$doc" "$name" "$md" <<'PY'
import sys, re
doc, name, md = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(doc).read()
begin, end = f"<!-- bench:{name}:begin -->\n", f"<!-- bench:{name}:end -->"
text = re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda m: begin + md + end, text, flags=re.S)
open(doc, "w").write(text)
PY
}
