#!/usr/bin/env bash
# Creates and configures a Payara Server 6 domain for the chatbot server: the embedding runtime as a server library,
# the production settings Payara Micro gets from payara/pre-boot-commands.asadmin and payara/system.properties, and
# the application's settings as system properties of the server. Then the unchanged WAR deploys with
#   asadmin deploy --contextroot / --name fluxbase-ai target/fluxbase-ai.war
# README: "Deploying on a full Payara Server". The Arquillian ITs (FullServerIT) configure their domain with this
# script too, so what the README describes is what the tests run.
#
# Environment:
#   PAYARA_HOME            the Payara Server installation (the directory holding bin/asadmin); required
#   FLUXBASE_DB_PASSWORD   the database password: kept as the password alias fluxbase-db-password, never in domain.xml
#   FLUXBASE_SETTINGS      a properties file of settings (MicroProfile Config keys, as in the README's Configuration
#                          table: fluxbase.db.url=jdbc:postgresql://..., fluxbase.db.user=..., ...); optional
#   FLUXBASE_DOMAIN        the domain's name (default fluxbase); it must not exist yet
#   FLUXBASE_DOMAIN_DIR    where domains are kept (default: the installation's glassfish/domains)
#   FLUXBASE_PORT_BASE     the domain's ports: HTTP base+80, administration base+48, ... (default 8000)
#   FLUXBASE_SERVER_LIBS   the embedding runtime's jars (default target/server-libs, made by mvn package)
#   FLUXBASE_HEAP          the server's maximum heap (default 1g)
# The domain is left stopped; start it with asadmin start-domain [--domaindir DIR] NAME.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${PAYARA_HOME:?set PAYARA_HOME to the Payara Server installation}"
DOMAIN=${FLUXBASE_DOMAIN:-fluxbase}
DOMAIN_DIR=${FLUXBASE_DOMAIN_DIR:-$PAYARA_HOME/glassfish/domains}
PORT_BASE=${FLUXBASE_PORT_BASE:-8000}
SERVER_LIBS=${FLUXBASE_SERVER_LIBS:-$REPO/target/server-libs}
HEAP=${FLUXBASE_HEAP:-1g}
ADMIN_PORT=$((PORT_BASE + 48))
ASADMIN=$PAYARA_HOME/bin/asadmin

log() { printf '[fluxbase] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# Escapes for a command file: multimode reads a backslash as an escape, and then create-system-properties reads a
# colon or an equals sign as a separator (create-jvm-options a colon) unless a backslash escapes it.
escape() { printf '%s' "$1" | sed -e 's/['"$2"']/\\&/g' -e 's/\\/\\\\/g'; }

[ -x "$ASADMIN" ] || die "no bin/asadmin under PAYARA_HOME=$PAYARA_HOME"
[ -d "$SERVER_LIBS" ] || die "no server libraries in $SERVER_LIBS (run mvn package first)"
[ ! -e "$DOMAIN_DIR/$DOMAIN" ] || die "domain $DOMAIN exists in $DOMAIN_DIR; delete it first (asadmin delete-domain --domaindir $DOMAIN_DIR $DOMAIN)"
[ -z "${FLUXBASE_SETTINGS:-}" ] || [ -f "$FLUXBASE_SETTINGS" ] || die "FLUXBASE_SETTINGS=$FLUXBASE_SETTINGS is not a file"
mkdir -p "$DOMAIN_DIR"

log "creating domain $DOMAIN in $DOMAIN_DIR (HTTP port $((PORT_BASE + 80)), administration port $ADMIN_PORT)"
# No administration password: administration answers on this host only until enable-secure-admin is run.
"$ASADMIN" --interactive=false create-domain --nopassword --checkports=true --domaindir "$DOMAIN_DIR" \
    --portbase "$PORT_BASE" --hazelcastdasport $((PORT_BASE + 90)) --hazelcaststartport $((PORT_BASE + 91)) "$DOMAIN" >&2

# The embedding runtime (ONNX Runtime, DJL's tokenizers) goes to the domain's common class loader, as Payara Micro's
# --addLibs does: its native libraries can bind to one class loader only, so it must not be inside the WAR.
# Copied before the domain first starts, where add-library would need a restart to load them.
cp "$SERVER_LIBS"/*.jar "$DOMAIN_DIR/$DOMAIN/lib/"

# Every configuration command in one file, run by one asadmin (each asadmin is a JVM start of its own).
WORK=$(mktemp -d)
STARTED=0
finish() {
    if [ "$STARTED" = 1 ]; then "$ASADMIN" stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2 || true; fi
    rm -rf "$WORK"
}
trap finish EXIT
{
    # The same settings Payara Micro boots with (why each: that file's comments).
    grep -v '^#' "$REPO/payara/pre-boot-commands.asadmin" | grep .
    # JVM options, as Payara Micro's --systemProperties: they must be set when the JVM starts (payara/system.properties).
    grep -v '^#' "$REPO/payara/system.properties" | grep . | while IFS= read -r line; do
        printf 'create-jvm-options -D%s\n' "$(escape "$line" ':')"
    done
    printf 'delete-jvm-options -Xmx512m\ncreate-jvm-options -Xmx%s\n' "$HEAP"
    # Settings: system properties of the server, which MicroProfile Config reads before the WAR's defaults.
    if [ -n "${FLUXBASE_SETTINGS:-}" ]; then
        grep -v '^#' "$FLUXBASE_SETTINGS" | grep . | while IFS= read -r line; do
            printf 'create-system-properties %s=%s\n' "$(escape "${line%%=*}" '\\:=')" "$(escape "${line#*=}" '\\:=')"
        done
    fi
    # The database password as a password alias, which Payara expands when it sets the system property.
    if [ -n "${FLUXBASE_DB_PASSWORD:-}" ]; then
        printf 'create-password-alias fluxbase-db-password\n'
        printf 'create-system-properties fluxbase.db.password=${ALIAS\\=fluxbase-db-password}\n'
    fi
} > "$WORK/commands.asadmin"
(umask 077 && printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "${FLUXBASE_DB_PASSWORD:-}" > "$WORK/password")

"$ASADMIN" --interactive=false start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2
STARTED=1
"$ASADMIN" --interactive=false --port "$ADMIN_PORT" --passwordfile "$WORK/password" multimode --file "$WORK/commands.asadmin" \
    2>&1 | tee "$WORK/output" >&2
# multimode carries on after a failed command and ends successfully all the same.
! grep -q '^Command .* failed\.$' "$WORK/output" || die "a configuration command failed (see above)"

log "domain $DOMAIN is ready; start it with: $ASADMIN start-domain --domaindir $DOMAIN_DIR $DOMAIN"
