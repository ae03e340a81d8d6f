#!/usr/bin/env bash
# Creates and configures a Payara Server 6 domain for the chatbot server: the embedding runtime and the JDBC driver as
# server libraries, the connection pool, the production settings Payara Micro gets from payara/pre-boot-commands.asadmin
# and payara/system.properties, and the application's settings as system properties of the server. Then the unchanged WAR deploys with
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
#   FLUXBASE_SERVER_LIBS   the server libraries: the embedding runtime and the JDBC driver (default target/server-libs,
#                          made by mvn package)
#   FLUXBASE_HEAP          the server's maximum heap (default 1g)
# The database connection pool is the server's: fluxbase-pool with the JDBC resource jdbc/fluxbase, made from
# fluxbase.db.url, fluxbase.db.user and fluxbase.db.pool.max of FLUXBASE_SETTINGS (or FLUXBASE_DB_URL, _USER, _POOL_MAX)
# and the password alias, with the settings of the WAR's own pool; the setting fluxbase.db.jndi-name points the WAR at it.
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
compgen -G "$SERVER_LIBS/postgresql-*.jar" > /dev/null || die "no PostgreSQL JDBC driver in $SERVER_LIBS (run mvn package first)"
[ ! -e "$DOMAIN_DIR/$DOMAIN" ] || die "domain $DOMAIN exists in $DOMAIN_DIR; delete it first (asadmin delete-domain --domaindir $DOMAIN_DIR $DOMAIN)"
[ -z "${FLUXBASE_SETTINGS:-}" ] || [ -f "$FLUXBASE_SETTINGS" ] || die "FLUXBASE_SETTINGS=$FLUXBASE_SETTINGS is not a file"
mkdir -p "$DOMAIN_DIR"

# A setting of FLUXBASE_SETTINGS, else its environment variable, else a default.
setting() {
    local value=""
    [ -z "${FLUXBASE_SETTINGS:-}" ] || value=$(grep -m1 "^$1=" "$FLUXBASE_SETTINGS" | cut -d= -f2- || true)
    printf '%s' "${value:-${2:-$3}}"
}
DB_URL=$(setting fluxbase.db.url "${FLUXBASE_DB_URL:-}" "")
DB_USER=$(setting fluxbase.db.user "${FLUXBASE_DB_USER:-}" fluxbase)
POOL_MAX=$(setting fluxbase.db.pool.max "${FLUXBASE_DB_POOL_MAX:-}" 32)
[ -n "$DB_URL" ] || die "the connection pool needs the database's JDBC URL: fluxbase.db.url in FLUXBASE_SETTINGS, or FLUXBASE_DB_URL"

log "creating domain $DOMAIN in $DOMAIN_DIR (HTTP port $((PORT_BASE + 80)), administration port $ADMIN_PORT)"
# No administration password: administration answers on this host only until enable-secure-admin is run.
"$ASADMIN" --interactive=false create-domain --nopassword --checkports=true --domaindir "$DOMAIN_DIR" \
    --portbase "$PORT_BASE" --hazelcastdasport $((PORT_BASE + 90)) --hazelcaststartport $((PORT_BASE + 91)) "$DOMAIN" >&2

# The server libraries go to the domain's common class loader, as Payara Micro's --addLibs does: the embedding runtime
# (ONNX Runtime, DJL's tokenizers), whose native libraries can bind to one class loader only, and the JDBC driver, which
# the server's pool and the application must load as the same classes. Copied before the domain first starts, where
# add-library would need a restart to load them.
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
    # The database password as a password alias, which Payara expands when it sets the system property (read by the
    # configuration-change listener, whose connection is its own) and when the pool connects.
    # --property takes name=value pairs apart at colons, so a value's colons and equals signs are escaped.
    pool_properties="url=$(escape "$DB_URL" ':='):user=$(escape "$DB_USER" ':=')"
    if [ -n "${FLUXBASE_DB_PASSWORD:-}" ]; then
        printf 'create-password-alias fluxbase-db-password\n'
        printf 'create-system-properties fluxbase.db.password=${ALIAS\\=fluxbase-db-password}\n'
        pool_properties="$pool_properties:password=$(escape '${ALIAS=fluxbase-db-password}' ':=')"
    fi
    # The pool, with the settings of the WAR's own (why each: platform/control/Database.java): no connection until one is
    # needed, at most 5 s waiting for one, checked on checkout without a query, all replaced once one is found broken.
    printf 'create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource'
    printf ' --steadypoolsize 0 --maxpoolsize %s --maxwait 5000 --statementtimeout 60' "$POOL_MAX"
    printf ' --isconnectvalidatereq=true --validationmethod meta-data --failconnection=true --matchconnections=false'
    printf ' --property %s:stringtype=unspecified:connectTimeout=5:ApplicationName=fluxbase-ai/%s fluxbase-pool\n' \
        "$pool_properties" "$DOMAIN"
    printf 'create-jdbc-resource --connectionpoolid fluxbase-pool jdbc/fluxbase\n'
    printf 'create-system-properties fluxbase.db.jndi-name=jdbc/fluxbase\n'
} > "$WORK/commands.asadmin"
(umask 077 && printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "${FLUXBASE_DB_PASSWORD:-}" > "$WORK/password")

"$ASADMIN" --interactive=false start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2
STARTED=1
"$ASADMIN" --interactive=false --port "$ADMIN_PORT" --passwordfile "$WORK/password" multimode --file "$WORK/commands.asadmin" \
    2>&1 | tee "$WORK/output" >&2
# multimode carries on after a failed command and ends successfully all the same.
! grep -q '^Command .* failed\.$' "$WORK/output" || die "a configuration command failed (see above)"

# The database may not be up yet, which is no reason to fail: the server retries its migrations until it is.
if "$ASADMIN" --interactive=false --port "$ADMIN_PORT" ping-connection-pool fluxbase-pool > "$WORK/ping" 2>&1; then
    log "the connection pool fluxbase-pool reaches the database"
else
    log "WARNING: the connection pool fluxbase-pool cannot reach the database yet: $(grep -v '^$' "$WORK/ping" | head -3)"
fi
log "domain $DOMAIN is ready; start it with: $ASADMIN start-domain --domaindir $DOMAIN_DIR $DOMAIN"
