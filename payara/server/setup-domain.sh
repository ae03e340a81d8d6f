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

log() { printf '[fluxbase] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
asadmin() { "$PAYARA_HOME/bin/asadmin" --interactive=false --port "$ADMIN_PORT" "$@" >&2; }

[ -x "$PAYARA_HOME/bin/asadmin" ] || die "no bin/asadmin under PAYARA_HOME=$PAYARA_HOME"
[ -d "$SERVER_LIBS" ] || die "no server libraries in $SERVER_LIBS (run mvn package first)"
[ ! -e "$DOMAIN_DIR/$DOMAIN" ] || die "domain $DOMAIN exists in $DOMAIN_DIR; delete it first (asadmin delete-domain --domaindir $DOMAIN_DIR $DOMAIN)"
mkdir -p "$DOMAIN_DIR"

log "creating domain $DOMAIN in $DOMAIN_DIR (HTTP port $((PORT_BASE + 80)), administration port $ADMIN_PORT)"
# No administration password: administration answers on this host only until enable-secure-admin is run.
"$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --nopassword --checkports=true --domaindir "$DOMAIN_DIR" \
    --portbase "$PORT_BASE" --hazelcastdasport $((PORT_BASE + 90)) --hazelcaststartport $((PORT_BASE + 91)) "$DOMAIN" >&2

# The embedding runtime (ONNX Runtime, DJL's tokenizers) goes to the domain's common class loader, as Payara Micro's
# --addLibs does: its native libraries can bind to one class loader only, so it must not be inside the WAR.
# Libraries are copied into the domain before it starts: add-library would need a restart to load them.
cp "$SERVER_LIBS"/*.jar "$DOMAIN_DIR/$DOMAIN/lib/"

STARTED=0
stop() { if [ "$STARTED" = 1 ]; then "$PAYARA_HOME/bin/asadmin" stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2 || true; fi; }
trap stop EXIT
asadmin start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN"
STARTED=1

# The same settings Payara Micro boots with (why each: that file's comments).
asadmin multimode --file "$REPO/payara/pre-boot-commands.asadmin"

# JVM options, as Payara Micro's --systemProperties: they must be set when the JVM starts (payara/system.properties).
# asadmin separates options at colons, so they are escaped.
while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    asadmin create-jvm-options "-D${line//:/\\:}"
done < "$REPO/payara/system.properties"
asadmin delete-jvm-options '-Xmx512m' || true
asadmin create-jvm-options "-Xmx$HEAP"

# Settings: system properties of the server, which MicroProfile Config reads before the WAR's defaults.
if [ -n "${FLUXBASE_SETTINGS:-}" ]; then
    [ -f "$FLUXBASE_SETTINGS" ] || die "FLUXBASE_SETTINGS=$FLUXBASE_SETTINGS is not a file"
    while IFS= read -r line; do
        case $line in '' | '#'*) continue ;; esac
        asadmin create-system-properties "$(printf '%s' "$line" | sed 's/[:=\\]/\\&/g; s/\\=/=/')"
    done < "$FLUXBASE_SETTINGS"
fi

# The database password as a password alias, expanded by Payara when it sets the system property.
if [ -n "${FLUXBASE_DB_PASSWORD:-}" ]; then
    password_file=$(mktemp)
    trap 'rm -f "$password_file"; stop' EXIT
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$FLUXBASE_DB_PASSWORD" > "$password_file"
    asadmin --passwordfile "$password_file" create-password-alias fluxbase-db-password
    asadmin create-system-properties 'fluxbase.db.password=${ALIAS\=fluxbase-db-password}'
fi

log "domain $DOMAIN is ready; start it with: $PAYARA_HOME/bin/asadmin start-domain --domaindir $DOMAIN_DIR $DOMAIN"
