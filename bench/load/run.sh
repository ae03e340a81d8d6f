#!/usr/bin/env bash
# The load benchmark in one command: builds the WAR when needed, starts the private PostgreSQL of
# payara/run.sh with a fresh database (holding the SQL chatbot's tables), compiles the bench (JDK only)
# and runs it. The bench starts the fake provider and Payara Micro itself. Options (see README.md) go to
# the bench, e.g.
#   bench/load/run.sh --scenarios stream,throughput --duration 10
#   bench/load/run.sh --scenarios sql
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../payara/lib.sh"
trap fb_stop_local_db EXIT

BENCH=$FB_REPO/bench/load
OUT=$BENCH/target
mkdir -p "$FB_HOME" "$OUT"
fb_ensure_build
fb_start_local_db
fb_ensure_database fluxbase_bench fresh
export FLUXBASE_DB_URL=$FB_DB_URL FLUXBASE_DB_USER=$FB_DB_USER FLUXBASE_DB_PASSWORD=$FB_DB_PASSWORD
fb_psql fluxbase_bench -f "$BENCH/sql/catalog.sql" || fb_die "could not load the bench chatbot's tables"
# The SQL scenarios run the server as a superuser, so that it creates the event triggers that announce DDL.
fb_ensure_login_role fluxbase_bench_admin "$FB_HOME/bench-admin-password" SUPERUSER
export BENCH_DB_SUPERUSER=fluxbase_bench_admin BENCH_DB_SUPERUSER_PASSWORD=$FB_ROLE_PASSWORD
# psql as the cluster's superuser on the bench database, for the bench (it adds the 2,000 noise tables).
cat > "$OUT/psql.sh" <<PSQL
#!/usr/bin/env bash
source "$FB_REPO/payara/lib.sh"
FB_PG_BIN=$FB_PG_BIN FB_PG_PORT=$FB_PG_PORT
fb_psql fluxbase_bench "\$@"
PSQL
chmod +x "$OUT/psql.sh"

if [ ! -f "$OUT/keys/private.pem" ]; then
    java "$FB_REPO/payara/tools/DevTokens.java" keygen "$OUT/keys"
fi
rm -rf "$OUT/classes"
javac -d "$OUT/classes" "$FB_REPO/payara/tools/DevTokens.java" "$FB_REPO/src/main/java/dev/fluxbase/ai/platform/entity/JsonStrings.java" \
    $(find "$BENCH/src" -name '*.java') 2>&1 | grep -v '^Note:' >&2 || true
[ -f "$OUT/classes/dev/fluxbase/bench/load/LoadBench.class" ] || fb_die "the bench did not compile"

fb_log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
# The client side holds up to 5,000 sockets and the fake provider's streams. The fake sends every chunk at once
# (TCP_NODELAY), as a real provider's servers do: with Nagle's algorithm the first chunk after the headers waited
# for the reader's delayed ACK, about 35 ms more on every response's first delta.
java -Xmx2g -XX:+UseParallelGC -Dsun.net.httpserver.maxIdleConnections=100000 -Dsun.net.httpserver.nodelay=true -Dbench.repo="$FB_REPO" \
    -Dbench.psql="$OUT/psql.sh" -Dbench.pgdata="$FB_PG_DATA" -cp "$OUT/classes" dev.fluxbase.bench.load.LoadBench \
    --out "$OUT/last-run.md" "$@"
fb_log "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
fb_log "results: $OUT/last-run.md"
