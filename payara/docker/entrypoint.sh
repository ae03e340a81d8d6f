#!/usr/bin/env bash
# The container's start: Payara Micro with the WAR, started as payara/run.sh starts it, but with a database of
# the operator's (FLUXBASE_DB_URL, _USER, _PASSWORD) and tokens of the operator's identity provider: nothing is
# built, installed or generated here. SIGTERM (docker stop, a pod's deletion) reaches Java directly (exec).
set -euo pipefail
APP=/opt/fluxbase
source "$APP/payara/defaults.sh"

: "${FLUXBASE_DB_URL:?set FLUXBASE_DB_URL (jdbc:postgresql://host:5432/db), FLUXBASE_DB_USER and FLUXBASE_DB_PASSWORD}"
export FLUXBASE_CHATBOTS_DIR=${FLUXBASE_CHATBOTS_DIR:-$APP/chatbots}
PORT=${FLUXBASE_PORT:-8080}
fb_cluster_args

# shellcheck disable=SC2086
exec java ${FLUXBASE_JAVA_OPTS:--XX:MaxRAMPercentage=75} -jar "$APP/payara-micro.jar" \
    --deploy "$APP/fluxbase-ai.war" --contextRoot / \
    --addLibs "$APP/server-libs" \
    --port "$PORT" "${FB_CLUSTER_ARGS[@]}" \
    --rootDir /tmp/payara-root \
    --logProperties "$APP/payara/logging.properties" \
    --prebootcommandfile "$APP/payara/pre-boot-commands.asadmin" \
    --systemProperties "$APP/payara/system.properties"
