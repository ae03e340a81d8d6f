#!/usr/bin/env bash
# Runs the whole test suite: unit tests, then integration tests against the real WAR on Payara Micro
# and a fresh PostgreSQL database (with pgvector) made for this run. PostgreSQL is installed and
# started exactly as payara/run.sh does it; Chromium and chromedriver (for the web console's browser
# tests) are installed with apt when missing. Extra arguments go to Maven.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap fb_stop_local_db EXIT

if [ -z "${FLUXBASE_TEST_DB_URL:-}" ]; then
    fb_start_local_db
    fb_ensure_database fluxbase_test fresh
    export FLUXBASE_TEST_DB_URL=$FB_DB_URL FLUXBASE_TEST_DB_USER=$FB_DB_USER FLUXBASE_TEST_DB_PASSWORD=$FB_DB_PASSWORD
    # The full Payara Server of FullServerIT gets a database of its own, so that nothing it stores meets the Micro ITs.
    fb_ensure_database fluxbase_test_server fresh
    export FLUXBASE_TEST_SERVER_DB_URL=$FB_DB_URL
    # A superuser for the tests that need one (SchemaChangesIT: an instance that may create event triggers).
    fb_ensure_login_role fluxbase_it_admin "$FB_HOME/db-admin-password" SUPERUSER
    export FLUXBASE_TEST_DB_ADMIN_USER=fluxbase_it_admin FLUXBASE_TEST_DB_ADMIN_PASSWORD=$FB_ROLE_PASSWORD
fi

fb_ensure_chromium

cd "$FB_REPO"
mvn -B clean verify "$@"
