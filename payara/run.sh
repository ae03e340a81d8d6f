#!/usr/bin/env bash
# Starts the chatbot server in the foreground with the example chatbots. Without FLUXBASE_DB_URL it
# runs a private PostgreSQL with pgvector (installed with apt when missing). Ctrl-C stops both.
# Every setting is read from the environment (the README's Configuration table lists them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/defaults.sh"

PORT=${FLUXBASE_PORT:-8080}
export FLUXBASE_CHATBOTS_DIR=${FLUXBASE_CHATBOTS_DIR:-$FB_REPO/chatbots}
# The support assistant's knowledge bases, as files (README: Knowledge bases from files).
export FLUXBASE_KNOWLEDGE_DIR=${FLUXBASE_KNOWLEDGE_DIR:-$FB_REPO/payara/demo/knowledge}
DEMO_DATA=0
READY_TIMEOUT=${FLUXBASE_READY_TIMEOUT:-240}
LOG=$FB_HOME/payara.log
FAILURE=$FB_HOME/startup-failure
JAVA_PID=

cleanup() {
    trap - INT TERM EXIT
    if [ -n "${WATCH_PID:-}" ]; then kill "$WATCH_PID" 2>/dev/null || true; fi
    if [ -n "$JAVA_PID" ] && kill -0 "$JAVA_PID" 2>/dev/null; then
        fb_log "stopping the server"
        kill -TERM "$JAVA_PID" 2>/dev/null || true
        wait "$JAVA_PID" 2>/dev/null || true
    fi
    fb_stop_local_db
}
trap cleanup EXIT
# Ctrl-C, a stop signal or a closed terminal: the server and its PostgreSQL stop cleanly; messages written to a
# terminal that is gone fail quietly instead of ending the clean-up (SIGPIPE ignored).
trap 'exit 130' INT TERM HUP
trap '' PIPE

fb_port_free "$PORT" || fb_die "port $PORT is in use; set FLUXBASE_PORT to another port"
mkdir -p "$FB_HOME"
fb_ensure_build

if [ -z "${FLUXBASE_DB_URL:-}" ]; then
    fb_start_local_db
    fb_ensure_database fluxbase
    export FLUXBASE_DB_URL=$FB_DB_URL FLUXBASE_DB_USER=$FB_DB_USER FLUXBASE_DB_PASSWORD=$FB_DB_PASSWORD
    if [ "${FLUXBASE_DEMO_DATA:-true}" != false ]; then DEMO_DATA=1; fi
    # Stored secrets (provider API keys, secret settings such as the weather assistant's) need a key to be sealed
    # with; the private database's is kept beside it, and only for it: a shared database needs the operator's key.
    if [ -z "${FLUXBASE_AI_ENCRYPTION_KEY:-}" ]; then
        if [ ! -f "$FB_HOME/keys/encryption.key" ]; then
            fb_log "creating a development encryption key for stored secrets in $FB_HOME/keys/encryption.key"
            (umask 077 && mkdir -p "$FB_HOME/keys" && head -c 32 /dev/urandom | base64 > "$FB_HOME/keys/encryption.key")
        fi
        FLUXBASE_AI_ENCRYPTION_KEY=$(cat "$FB_HOME/keys/encryption.key")
        export FLUXBASE_AI_ENCRYPTION_KEY
    fi
fi

# Development key pair: only when no other way to verify tokens is configured (an identity provider, a
# public key or Fluxbase's secret), so that it never sits beside a production setting as a second door.
DEV_KEYS=0
if [ -z "${MP_JWT_VERIFY_PUBLICKEY:-}${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}${MP_JWT_VERIFY_ISSUER:-}${FLUXBASE_AUTH_ISSUER:-}${FLUXBASE_JWT_SECRET:-}" ]; then
    if [ ! -f "$FB_HOME/keys/private.pem" ]; then
        fb_log "creating a development RS256 key pair in $FB_HOME/keys"
        java "$FB_REPO/payara/tools/DevTokens.java" keygen "$FB_HOME/keys"
    fi
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$FB_HOME/keys/public.pem"
    export MP_JWT_VERIFY_ISSUER=fluxbase-dev
    export MP_JWT_VERIFY_AUDIENCES=${MP_JWT_VERIFY_AUDIENCES:-fluxbase-dev}
    DEV_KEYS=1
fi

# The health answer must contain our own check: Payara keeps serving (404s and an empty UP) after a
# failed deployment, so "Payara is up" alone proves nothing.
# Plain bash HTTP (curl may not be installed): HTTP/1.0, so the server closes after answering.
readiness() {
    timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf "GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && cat <&3' "$PORT" 2>/dev/null \
        | tr -d ' \r\n' || true
}

watch_startup() {
    local deadline=$((SECONDS + READY_TIMEOUT)) reported_waiting=0 health
    while [ $SECONDS -lt $deadline ]; do
        kill -0 "$JAVA_PID" 2>/dev/null || return 0
        health=$(readiness)
        if [[ $health == *'"name":"database","status":"UP"'* ]]; then
            load_demo_data
            print_banner
            return 0
        fi
        if grep -aqE 'Exception while (loading|deploying) the app|Deployment failed|deploy.*failed' "$LOG" 2>/dev/null \
            || { grep -aq 'ready in' "$LOG" 2>/dev/null && [[ $health != *'"name":"database"'* ]] && [ -n "$health" ]; }; then
            # The innermost cause is where the application says why it refused to start.
            { echo "the application failed to deploy: $(grep -a '^Caused by: ' "$LOG" | tail -n 1 | sed 's/^Caused by: //')";
              grep -a -E 'Exception|Caused by' "$LOG" | sed -E 's/.*levelValue: [0-9]+\] //' | head -n 8; } > "$FAILURE"
            kill -TERM "$JAVA_PID" 2>/dev/null
            return 1
        fi
        if [[ $health == *'"name":"database","status":"DOWN"'* ]] && [ $reported_waiting = 0 ]; then
            fb_log "server started, waiting for the database to become reachable and migrated ..."
            reported_waiting=1
        fi
        sleep 0.5
    done
    echo "the server did not become ready within $READY_TIMEOUT s (see $LOG)" > "$FAILURE"
    kill -TERM "$JAVA_PID" 2>/dev/null
}

# The demo shop (payara/demo/schema.sql) in the private database, once the server has made the roles it grants to.
load_demo_data() {
    if [ "$DEMO_DATA" = 1 ]; then
        fb_psql fluxbase -f "$FB_REPO/payara/demo/schema.sql" >/dev/null \
            && fb_log "demo shop loaded (tables products, orders with row-level security, locations)" \
            || fb_log "ERROR: could not load the demo shop (payara/demo/schema.sql)"
    fi
}

print_banner() {
    {
        echo
        echo "  Fluxbase AI chatbot server is ready"
        echo "  URL:        http://localhost:$PORT"
        echo "  WebSocket:  ws://localhost:$PORT/ai/ws"
        echo "  Console:    http://localhost:$PORT/console"
        echo "  Health:     http://localhost:$PORT/health/ready"
        echo "  Chatbots:   $FLUXBASE_CHATBOTS_DIR"
        echo "  Log:        $LOG"
        if [ "$DEV_KEYS" = 1 ]; then
            echo
            echo "  FOR DEVELOPMENT ONLY: no identity provider is configured, so a development key pair in"
            echo "  $FB_HOME/keys signs these tokens (valid 24 hours; a restart prints new ones)."
            echo "  Set FLUXBASE_AUTH_ISSUER and MP_JWT_VERIFY_AUDIENCES for real users (README: Single sign-on)."
            java "$FB_REPO/payara/tools/DevTokens.java" dev-tokens "$FB_HOME/keys/private.pem" "$MP_JWT_VERIFY_ISSUER" | sed 's/^/  /'
        fi
        if [ "$DEMO_DATA" = 1 ] && [ "$DEV_KEYS" = 1 ]; then
            echo
            echo "  Try it: sign in to the console with the USER_TOKEN above, pick sql-assistant and ask"
            echo "  \"How much have I spent on orders, by status?\" (row-level security shows this user's orders only)."
        fi
        echo "  Stop with Ctrl-C."
        echo
    } >&2
}

fb_cluster_args

# FLUXBASE_LOG_FORMAT=json: one JSON object per line. The application installs its own formatter when it starts
# (with the chat turn's ids); until then Payara's JSON formatter writes the boot lines.
LOG_PROPERTIES="$FB_REPO/payara/logging.properties"
if [ "${FLUXBASE_LOG_FORMAT:-text}" = json ]; then
    LOG_PROPERTIES="$FB_HOME/logging-json.properties"
    sed 's/^java\.util\.logging\.ConsoleHandler\.formatter=.*/java.util.logging.ConsoleHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter/' \
        "$FB_REPO/payara/logging.properties" > "$LOG_PROPERTIES"
fi

rm -f "$FAILURE"
: > "$LOG"
# A reused runtime directory would redeploy the previous run's application before ours.
rm -rf "$FB_HOME/payara-root"
# shellcheck disable=SC2086
java ${FLUXBASE_JAVA_OPTS:--Xmx512m} -jar "$FB_REPO/target/payara-micro.jar" \
    --deploy "$FB_REPO/target/fluxbase-ai.war" --contextRoot / \
    --addLibs "$FB_REPO/target/server-libs" \
    --port "$PORT" "${FB_CLUSTER_ARGS[@]}" \
    --rootDir "$FB_HOME/payara-root" \
    --logProperties "$LOG_PROPERTIES" \
    --prebootcommandfile "$FB_REPO/payara/pre-boot-commands.asadmin" \
    --systemProperties "$FB_REPO/payara/system.properties" \
    >> "$LOG" 2>&1 &
JAVA_PID=$!
# Payara's boot output stays in the log file; the terminal shows our own lines and the errors (until the
# server has exited: tail --pid).
tail -n +1 -F --pid="$JAVA_PID" "$LOG" 2>/dev/null | grep --line-buffered -aE '^\[fluxbase\]|\[SEVERE\]' \
    | sed -u -E 's/^\[[^]]*\] \[[^]]*\] \[SEVERE\] \[[^]]*\] \[([^]]*)\].*\[levelValue: [0-9]+\] /[fluxbase] ERROR (\1): /' >&2 &
watch_startup &
WATCH_PID=$!
set +e
wait "$JAVA_PID"
status=$?
set -e
if [ -s "$FAILURE" ]; then
    fb_log "ERROR: $(cat "$FAILURE")"
    exit 1
fi
exit "$status"
