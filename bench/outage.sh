#!/usr/bin/env bash
# Issue 27: 200 creates a second through a 60 s database outage, with a 512 MB heap (docs/benchmarks.md, "Through a
# database outage"). A benchmark, not a test: it prints figures and says whether the JVM lived.
#
#   ./mvnw -B -DskipTests package && bench/outage.sh                                   # the default java
#   JAVA=/path/to/jdk-25/bin/java bench/outage.sh                                      # another JDK
#
# It starts a PostgreSQL of its own on a free port (the system's binaries, or those the embedded PostgreSQL unpacked),
# starts the built jar on it with the demo profile and -Xmx512m, runs DatabaseOutageSimulation (creates with
# idempotency keys at RATE a second for LOAD_SECONDS), stops PostgreSQL OUTAGE_AT seconds into the load for
# OUTAGE_SECONDS and starts it again, and at the end checks that the JVM is alive and answers, that every acknowledged
# create is in the database (0 lost) and none was made twice (0 duplicates), and reports the heap used (GC log and jcmd),
# the answers (ok, 503, p95), the recovery time and the load average. Everything it writes is under RUN.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-java}
HEAP=${HEAP:-512m}
RATE=${RATE:-200}
LOAD_SECONDS=${LOAD_SECONDS:-150}
OUTAGE_AT=${OUTAGE_AT:-30}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-60}
# a fifth of the rate for a minute first, so the load does not fall on a JVM that has served nothing: with 20 s the JIT
# was still compiling when 200 a second arrived (docs/benchmarks.md, 7 December)
WARM_UP_SECONDS=${WARM_UP_SECONDS:-60}
RUN=${RUN:-target/outage-bench/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RUN"
# thousands of simulated clients retrying at once need more open connections than the usual 1,024
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
RUN=$(cd "$RUN" && pwd)

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RUN/summary.txt"; }
now_ms() { date +%s%3N; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# PostgreSQL's binaries: PG_BIN, or pg_ctl on the PATH, or a system installation, or those the embedded PostgreSQL
# unpacked into the temporary directory when Redress or its tests last ran
find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  if command -v pg_ctl >/dev/null; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$found" ]]; then
    found=$(ls -dt "$(dirname "$(mktemp -u)")"/embedded-pg/*/bin 2>/dev/null | head -1 || true)
  fi
  if [[ -z "$found" ]]; then
    echo "no PostgreSQL binaries: set PG_BIN, install PostgreSQL, or start Redress once (it unpacks its own)" >&2
    exit 1
  fi
  echo "$found"
}
PG_BIN=$(find_pg_bin)
PSQL=$([[ -x "$PG_BIN/psql" ]] && echo "$PG_BIN/psql" || command -v psql || true)
[[ -n "$PSQL" ]] || { echo "psql is needed for the checks" >&2; exit 1; }
# PostgreSQL refuses to run as root: as Redress does for its embedded server, run it in a user namespace
AS_PG=()
if [[ $(id -u) == 0 ]]; then AS_PG=(unshare -U --map-user=1000); fi

JAR=${JAR:-$(ls target/redress-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[[ -n "$JAR" ]] || { echo "build the jar first: ./mvnw -B -DskipTests package" >&2; exit 1; }
cp "$JAR" "$RUN/redress.jar"
JCMD=${JCMD:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd}

DB_PORT=$(free_port)
APP_PORT=$(free_port)
PGDATA="$RUN/pgdata"
DB_URL="jdbc:postgresql://localhost:$DB_PORT/postgres"
sql() { "$PSQL" -h localhost -p "$DB_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -At "$@"; }

start_db() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$RUN/postgres.log" -w -t 120 \
    -o "-p $DB_PORT -k $RUN -c listen_addresses=localhost -c shared_buffers=128MB -c max_connections=100" start >/dev/null
}
stop_db() { # a fast shutdown, as a database stopped under load: sessions are ended, nothing waits for them
  local pid
  pid=$(head -1 "$PGDATA/postmaster.pid")
  kill -INT "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

APP_PID=
SAMPLER_PID=
GATLING_PID=
cleanup() {
  [[ -n "$GATLING_PID" ]] && kill "$GATLING_PID" 2>/dev/null || true
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -f "$PGDATA/postmaster.pid" ]] && stop_db || true
}
trap cleanup EXIT

say "run in $RUN; java: $("$JAVA" -version 2>&1 | head -1); PostgreSQL: $PG_BIN; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
say "compiling the simulations"
./mvnw -B -q -Pgatling test-compile >"$RUN/compile.log" 2>&1

"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-locale >"$RUN/initdb.log" 2>&1
start_db
say "PostgreSQL on port $DB_PORT"

REDRESS_DB_URL=$DB_URL REDRESS_DB_USER=postgres PORT=$APP_PORT \
  "$JAVA" -Xmx"$HEAP" -Xlog:gc:file="$RUN/gc.log" -jar "$RUN/redress.jar" --spring.profiles.active=demo \
  >"$RUN/redress.log" 2>&1 &
APP_PID=$!
started=$(now_ms)
until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$APP_PORT/actuator/health/readiness" || true) == 200 ]]; do
  kill -0 "$APP_PID" 2>/dev/null || { say "Redress did not start: see redress.log"; exit 1; }
  (( $(now_ms) - started < 900000 )) || { say "Redress not ready after 15 minutes"; exit 1; }
  sleep 1
done
say "Redress (pid $APP_PID, -Xmx$HEAP) ready on port $APP_PORT after $(( ($(now_ms) - started) / 1000 )) s"
BASELINE=$(sql -c "select count(*) from casework.case_file")

# CPU time (clock ticks) of a process and every process under it, with what its ended children used
cpu_ticks() {
  local pid=$1 total=0 child
  [[ -r /proc/$pid/stat ]] || { echo 0; return; }
  total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do total=$((total + $(cpu_ticks "$child"))); done
  echo "$total"
}
# every 2 s: the heap used (jcmd), the load average, and the CPU used so far by Redress, PostgreSQL and the load driver
# (Gatling's JVM under Maven), so the driver's share of the two cores can be told apart from the product's
(
  echo "at,heap_used_kb,load1,redress_ticks,postgres_ticks,gatling_ticks" >"$RUN/samples.csv"
  while kill -0 "$APP_PID" 2>/dev/null; do
    used=$("$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9 || true)
    pg=$(head -1 "$PGDATA/postmaster.pid" 2>/dev/null || true)
    driver=$(cat "$RUN/gatling.pid" 2>/dev/null || true)
    echo "$(now_ms),${used:-},$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || true),$(cpu_ticks "$APP_PID"),$([[ -n "$pg" ]] && cpu_ticks "$pg" || echo 0),$([[ -n "$driver" ]] && cpu_ticks "$driver" || echo 0)" >>"$RUN/samples.csv"
    sleep 2
  done
) &
SAMPLER_PID=$!

./mvnw -B -Pgatling gatling:test -Dgatling.simulationClass=org.redress.bench.DatabaseOutageSimulation \
  -Dredress.url="http://localhost:$APP_PORT" -Drate="$RATE" -Dseconds="$LOAD_SECONDS" -DwarmUpSeconds="$WARM_UP_SECONDS" -Danswers="$RUN/answers.csv" \
  >"$RUN/gatling.log" 2>&1 &
GATLING_PID=$!
echo "$GATLING_PID" >"$RUN/gatling.pid"
until grep -q "Simulation org.redress.bench.DatabaseOutageSimulation started" "$RUN/gatling.log" 2>/dev/null; do
  kill -0 "$GATLING_PID" 2>/dev/null || { say "Gatling stopped before the load started: see gatling.log"; exit 1; }
  sleep 0.2
done
say "warm-up started: $((RATE / 5)) creates a second for $WARM_UP_SECONDS s"
sleep "$WARM_UP_SECONDS"
LOAD_START=$(now_ms)
say "load started: $RATE creates a second for $LOAD_SECONDS s"
sleep "$OUTAGE_AT"
DB_STOPPED=$(now_ms)
stop_db
say "PostgreSQL stopped"
sleep "$OUTAGE_SECONDS"
start_db
DB_BACK=$(now_ms)
say "PostgreSQL started again"
gatling_status=0
wait "$GATLING_PID" || gatling_status=$?
GATLING_PID=
say "load ended (Gatling exit $gatling_status)"

alive=no
kill -0 "$APP_PID" 2>/dev/null && alive=yes
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$APP_PORT/actuator/health/readiness" || true)
oom=$(grep -c OutOfMemoryError "$RUN/redress.log" || true)
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=

heap_max_kb=$(tail -n +2 "$RUN/samples.csv" | cut -d, -f2 | grep . | sort -n | tail -1 || true)
gc_max=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$RUN/gc.log" | sed 's/M->/ /; s/M(/ /; s/M)//' \
  | awk '{ if ($1 > b) b = $1; if ($2 > a) a = $2; c = $3 } END { printf "%d MB before a collection, %d MB after, of %d MB", b, a, c }')
load=$(awk -F, -v from="$LOAD_START" 'NR > 1 && $1 >= from && $3 != "" { n++; s += $3; if ($3 > m) m = $3 }
  END { if (n) printf "%.1f average, %.1f highest", s / n, m }' "$RUN/samples.csv")
# CPU seconds from the start of the load until PostgreSQL stopped (its counters start again with it), per process
TICKS=$(getconf CLK_TCK)
# a sample is stamped before its counters are read (jcmd first): one read as PostgreSQL stops counts it as gone, so
# the last 3 s before the stop are left out
cpu_before=$(awk -F, -v from="$LOAD_START" -v to="$((DB_STOPPED - 3000))" -v hz="$TICKS" 'NR > 1 && $1 >= from && $1 <= to && $4 != "" {
    if (!n++) { t0 = $1; r0 = $4; p0 = $5; g0 = $6 } t1 = $1; r1 = $4; p1 = $5; g1 = $6 }
  END { if (n > 1) printf "%.1f %.1f %.1f %.1f", (t1 - t0) / 1000, (r1 - r0) / hz, (p1 - p0) / hz, (g1 - g0) / hz }' "$RUN/samples.csv")

say "JVM alive: $alive; readiness: $ready; OutOfMemoryError in its log: $oom times"
say "heap used, highest: jcmd $(( ${heap_max_kb:-0} / 1024 )) MB; GC log $gc_max"
say "load average during the load (1 minute, sampled every 2 s): $load"
read -r cpu_wall cpu_redress cpu_postgres cpu_gatling <<<"${cpu_before:-0 0 0 0}"
say "CPU before the outage (${cpu_wall} s of the load, of $(nproc) cores): Redress ${cpu_redress} s, PostgreSQL ${cpu_postgres} s, Gatling ${cpu_gatling} s"

# a line cut short (Gatling stopped mid-write) is left out
awk -F, 'NF == 8' "$RUN/answers.csv" >"$RUN/answers.complete.csv"
sql -v start="$LOAD_START" -v stopped="$DB_STOPPED" -v back="$DB_BACK" -v end="$((LOAD_START + LOAD_SECONDS * 1000))" \
    -v baseline="$BASELINE" -v redress="${cpu_redress:-0}" -v postgres="${cpu_postgres:-0}" -v gatling="${cpu_gatling:-0}" <<SQL | tee -a "$RUN/summary.txt"
create temp table every_answer (at bigint, attempt int, status int, ms int, org text, key text, reference text, phase text);
\copy every_answer from '$RUN/answers.complete.csv' csv header
create temp table acknowledged as select distinct org, key, reference from every_answer where status in (200, 201);
-- the figures below are the load's; lost and duplicates are counted over the warm-up's creates too
create temp view answer as select * from every_answer where phase = 'load';
select 'warm-up: ' || count(*) filter (where attempt = 0) || ' first attempts, ' || count(*) filter (where attempt = 0 and status in (200, 201))
    || ' acknowledged at once' from every_answer where phase = 'warm-up';
with w(name, f, t) as (values ('before the outage', :start::bigint, :stopped::bigint), ('during it', :stopped, :back),
                              ('after it', :back, :end))
select 'a second ' || name || ' (' || round((t - f) / 1000.0) || ' s): first attempts acknowledged '
    || round(count(*) filter (where attempt = 0 and status in (200, 201)) * 1000.0 / (t - f), 1)
    || ', every acknowledged answer ' || round(count(*) filter (where status in (200, 201)) * 1000.0 / (t - f), 1)
    || ', 503s ' || round(count(*) filter (where status = 503) * 1000.0 / (t - f), 1)
    || '; acknowledged p95 ' || coalesce(percentile_disc(0.95) within group (order by ms) filter (where status in (200, 201)) || ' ms', '-')
    from w left join answer on at >= f and at < t group by name, f, t order by f;
select 'CPU per acknowledged create before the outage: Redress ' || round(:redress * 1000.0 / nullif(count(*), 0), 2)
    || ' ms, PostgreSQL ' || round(:postgres * 1000.0 / nullif(count(*), 0), 2) || ' ms, Gatling '
    || round(:gatling * 1000.0 / nullif(count(*), 0), 2) || ' ms (' || count(*) || ' acknowledged, '
    || (select count(*) from answer where at >= :start and at < :stopped and status = 503) || ' answered 503)'
    from answer where at >= :start and at < :stopped and status in (200, 201);
select 'first attempts: ' || count(*) || ', ok ' || count(*) filter (where status in (200, 201))
    || ', 503 ' || count(*) filter (where status = 503) || ', other ' || count(*) filter (where status not in (0, 200, 201, 503))
    || ', no answer ' || count(*) filter (where status = 0) from answer where attempt = 0;
select 'retries: ' || count(*) || ', ok ' || count(*) filter (where status in (200, 201))
    || ', 503 ' || count(*) filter (where status = 503) || ', other ' || count(*) filter (where status not in (0, 200, 201, 503))
    || ', no answer ' || count(*) filter (where status = 0) from answer where attempt > 0;
select 'ok answers: p50 ' || percentile_disc(0.5) within group (order by ms) || ' ms, p95 '
    || percentile_disc(0.95) within group (order by ms) || ' ms, p99 ' || percentile_disc(0.99) within group (order by ms)
    || ' ms (before the outage: p95 ' || (select percentile_disc(0.95) within group (order by ms) from answer
       where status in (200, 201) and at < :stopped) || ' ms)' from answer where status in (200, 201);
select '503 answers: p50 ' || percentile_disc(0.5) within group (order by ms) || ' ms, p95 '
    || percentile_disc(0.95) within group (order by ms) || ' ms, max ' || max(ms) || ' ms' from answer where status = 503;
select 'the first 503 came ' || (min(at) - :stopped) || ' ms after PostgreSQL stopped' from answer where status = 503 and at >= :stopped;
select 'recovery: the first create acknowledged ' || (min(at) - :back) || ' ms after PostgreSQL was back; the last 503 '
    || coalesce((select max(at) from answer where status = 503) - :back, 0) || ' ms after; creates acknowledged in the 10 s after: '
    || count(*) filter (where at < :back + 10000) from answer where status in (200, 201) and at >= :back;
select 'keys acknowledged: ' || count(distinct (org, key)) || '; gave up (never acknowledged): '
    || (select count(distinct (org, key)) from every_answer a where not exists
          (select 1 from acknowledged k where k.org = a.org and k.key = a.key)) from acknowledged;
select 'lost (acknowledged, not in the database): ' || count(*) from acknowledged a
    where not exists (select 1 from casework.case_file c where c.organisation = a.org and c.reference = a.reference);
select 'duplicates: ' || ((select count(*) from casework.case_file) - :baseline
    - (select count(*) from casework.idempotency_key k where exists (select 1 from every_answer a where a.org = k.organisation and a.key = k.key)))
    || ' cases made beyond one per key, ' || (select count(*) from (select org, key from acknowledged group by org, key
    having count(distinct reference) > 1) twice) || ' keys answered with two references';
SQL
say "figures and logs: $RUN"
