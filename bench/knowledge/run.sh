#!/usr/bin/env bash
# Runs the vector-search benchmark against a fresh database on the private PostgreSQL cluster that
# payara/run.sh and payara/test.sh use (installed and started the same way). Settings: see README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../payara/lib.sh"
trap fb_stop_local_db EXIT

fb_start_local_db
fb_ensure_database fluxbase_kbbench fresh
export BENCH_DB_URL=$FB_DB_URL BENCH_DB_USER=$FB_DB_USER BENCH_DB_PASSWORD=$FB_DB_PASSWORD
export BENCH_MIGRATIONS=$FB_REPO/src/main/resources/db/migration

cd "$FB_REPO/bench/knowledge"
mvn -B -q clean package
java -Xmx1g -jar target/knowledge-bench.jar
