# Shared by run.sh and test.sh: a private PostgreSQL cluster with pgvector, and the build.
# Sourced, not executed. Everything it prints goes to stderr so callers can capture values.

FB_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FB_HOME=${FLUXBASE_HOME:-$FB_REPO/.fluxbase}
FB_PG_STARTED=0

# A closed terminal must not stop the clean-up that follows a message: a failed write is not an error.
fb_log() { printf '[fluxbase] %s\n' "$*" >&2 2>/dev/null || true; }
fb_die() { printf '[fluxbase] ERROR: %s\n' "$*" >&2; exit 1; }

fb_sudo() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else fb_die "need root (or sudo) to run: $*"; fi
}

# The newest installed PostgreSQL server's bin directory, or empty.
fb_pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

fb_apt_updated=0
fb_apt_update() {
    fb_apt_update_soft || fb_die "apt-get update failed"
}

# Like fb_apt_update, but reports a failure instead of exiting.
fb_apt_update_soft() {
    if [ "$fb_apt_updated" = 0 ]; then
        fb_sudo apt-get update -q >&2 || return 1
        fb_apt_updated=1
    fi
}

# Installs the PostgreSQL server when missing, and pgvector when the server lacks it. pgvector is not
# packaged for Debian 12's PostgreSQL 15, so it is built from Debian's pgvector source package.
fb_ensure_postgres() {
    if [ -z "$(fb_pg_bindir)" ]; then
        fb_log "PostgreSQL server not found, installing it with apt"
        fb_apt_update
        DEBIAN_FRONTEND=noninteractive fb_sudo apt-get install -y -q postgresql >&2 || fb_die "could not install PostgreSQL"
    fi
    FB_PG_BIN=$(fb_pg_bindir)
    [ -n "$FB_PG_BIN" ] || fb_die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    FB_PG_VERSION=$(basename "$(dirname "$FB_PG_BIN")")
    if [ ! -f "/usr/share/postgresql/$FB_PG_VERSION/extension/vector.control" ]; then
        fb_build_pgvector
    fi
}

fb_build_pgvector() {
    fb_log "pgvector not installed for PostgreSQL $FB_PG_VERSION, building it from Debian's source package"
    local sources=/etc/apt/sources.list.d/fluxbase-pgvector-src.sources
    if ! apt-cache showsrc pgvector 2>/dev/null | grep -q '^Package: pgvector'; then
        # Debian 12 has no pgvector source; Debian 13's builds against any PostgreSQL 13+.
        fb_sudo tee "$sources" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
        fb_apt_updated=0
    fi
    fb_apt_update
    DEBIAN_FRONTEND=noninteractive fb_sudo apt-get install -y -q "postgresql-server-dev-$FB_PG_VERSION" make gcc dpkg-dev >&2 \
        || fb_die "could not install the build dependencies of pgvector"
    local work
    work=$(mktemp -d)
    (cd "$work" && apt-get source -q --download-only pgvector >&2) || fb_die "could not download the pgvector source package"
    tar -xzf "$work"/pgvector_*.orig.tar.gz -C "$work" || fb_die "could not unpack pgvector"
    local dir
    dir=$(ls -d "$work"/pgvector-*/ | head -n 1)
    # OPTFLAGS="" avoids -march=native, as Debian's own build does.
    make -s -C "$dir" PG_CONFIG="$FB_PG_BIN/pg_config" OPTFLAGS="" >&2 || fb_die "pgvector build failed"
    fb_sudo make -s -C "$dir" PG_CONFIG="$FB_PG_BIN/pg_config" OPTFLAGS="" install >&2 || fb_die "pgvector install failed"
    rm -rf "$work"
    fb_log "pgvector installed"
}

# Headless Chromium and its driver for the web console's browser tests. A failed install is not fatal:
# those tests then skip, saying why.
fb_ensure_chromium() {
    if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
        return 0
    fi
    if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
        fb_log "WARNING: chromium or chromedriver missing, and no root or sudo to install them; the browser tests will be skipped"
        return 0
    fi
    fb_log "chromium or chromedriver not found, installing them with apt (for the web console's browser tests)"
    if ! { fb_apt_update_soft && DEBIAN_FRONTEND=noninteractive fb_sudo apt-get install -y -q chromium chromium-driver >&2; }; then
        fb_log "WARNING: could not install chromium and chromium-driver; the browser tests will be skipped"
    fi
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres system user.
fb_pg_user() {
    if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi
}

fb_as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

fb_port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

fb_free_port() {
    local port=${1:-55432}
    while ! fb_port_free "$port"; do port=$((port + 1)); done
    echo "$port"
}

# The cluster's directory (data and log): under FLUXBASE_HOME, unless the postgres user cannot reach it.
fb_pg_dir() {
    local dir=$FB_HOME/pg
    mkdir -p "$FB_HOME"
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$FB_HOME" 2>/dev/null; then
        dir=/var/lib/fluxbase/$(printf '%s' "$FB_HOME" | md5sum | cut -c1-12)
    fi
    echo "$dir"
}

fb_psql() { # database, then psql arguments
    local db=$1
    shift
    PGOPTIONS="-c client_min_messages=warning" fb_as_pg "$FB_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h /tmp -p "$FB_PG_PORT" -U "$(fb_pg_user)" -d "$db" "$@"
}

# Starts the private cluster (creating it on first use) and sets FB_PG_PORT. Reuses a running one.
fb_start_local_db() {
    fb_ensure_postgres
    FB_PG_DIR=$(fb_pg_dir)
    FB_PG_DATA=$FB_PG_DIR/data
    if [ ! -f "$FB_PG_DATA/PG_VERSION" ]; then
        fb_log "creating a private PostgreSQL cluster in $FB_PG_DATA"
        mkdir -p "$FB_PG_DATA"
        if [ "$(id -u)" = 0 ]; then chown -R postgres: "$FB_PG_DIR"; fi
        chmod 700 "$FB_PG_DATA"
        fb_as_pg "$FB_PG_BIN/initdb" -D "$FB_PG_DATA" -U "$(fb_pg_user)" --auth-local=peer --auth-host=scram-sha-256 \
            --encoding=UTF8 --locale=C.UTF-8 >/dev/null || fb_die "initdb failed"
    fi
    if fb_as_pg "$FB_PG_BIN/pg_ctl" -D "$FB_PG_DATA" status >/dev/null 2>&1; then
        FB_PG_PORT=$(sed -n 4p "$FB_PG_DATA/postmaster.pid")
        fb_log "PostgreSQL already running on port $FB_PG_PORT"
    else
        local saved
        saved=$(cat "$FB_HOME/pg-port" 2>/dev/null || echo 55432)
        FB_PG_PORT=$(fb_free_port "$saved")
        echo "$FB_PG_PORT" > "$FB_HOME/pg-port"
        fb_log "starting PostgreSQL $FB_PG_VERSION on 127.0.0.1:$FB_PG_PORT"
        fb_as_pg "$FB_PG_BIN/pg_ctl" -D "$FB_PG_DATA" -l "$FB_PG_DIR/postgresql.log" -w -t 60 \
            -o "-p $FB_PG_PORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null \
            || fb_die "PostgreSQL did not start, see $FB_PG_DIR/postgresql.log"
        FB_PG_STARTED=1
    fi
    fb_ensure_app_role
}

fb_stop_local_db() {
    if [ "$FB_PG_STARTED" = 1 ]; then
        fb_log "stopping PostgreSQL"
        fb_as_pg "$FB_PG_BIN/pg_ctl" -D "$FB_PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
        FB_PG_STARTED=0
    fi
}

# The server's login role: not a superuser; CREATEROLE so migrations can create the end-user roles, and allowed
# to set temp_file_limit (PostgreSQL 15+) so that execute_sql queries run with it.
fb_ensure_app_role() {
    FB_DB_USER=fluxbase
    fb_ensure_login_role "$FB_DB_USER" "$FB_HOME/db-password" CREATEROLE
    FB_DB_PASSWORD=$FB_ROLE_PASSWORD
    fb_psql postgres -v user="$FB_DB_USER" <<'SQL' || fb_die "could not grant the database role"
SELECT format('GRANT SET ON PARAMETER temp_file_limit TO %I', :'user') WHERE current_setting('server_version_num')::int >= 150000 \gexec
SQL
}

# Creates a login role with these attributes when missing, with a password kept in the file (made once), and
# sets FB_ROLE_PASSWORD to it.
fb_ensure_login_role() { # name, password file, attributes
    local user=$1 password_file=$2 attributes=$3
    if [ ! -s "$password_file" ]; then
        (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$password_file")
    fi
    FB_ROLE_PASSWORD=$(cat "$password_file")
    fb_psql postgres -v user="$user" -v password="$FB_ROLE_PASSWORD" -v attributes="$attributes" <<'SQL' || fb_die "could not create the database role $user"
SELECT format('CREATE ROLE %I LOGIN ' || :'attributes', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'user', :'password') \gexec
SQL
}

# Creates the database (dropping it first when asked) with pgvector installed, owned by the app role.
fb_ensure_database() { # name [fresh]
    local db=$1 fresh=${2:-}
    if [ "$fresh" = fresh ]; then
        fb_psql postgres -v db="$db" <<'SQL' || fb_die "could not drop database $db"
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \gexec
SQL
    fi
    fb_psql postgres -v db="$db" -v owner="$FB_DB_USER" <<'SQL' || fb_die "could not create database $db"
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
    fb_psql "$db" -c 'CREATE EXTENSION IF NOT EXISTS vector' || fb_die "could not create the vector extension in $db"
    FB_DB_URL="jdbc:postgresql://127.0.0.1:$FB_PG_PORT/$db"
}

# Builds the WAR (and fetches Payara Micro) when missing or older than the sources.
fb_ensure_build() {
    local war=$FB_REPO/target/fluxbase-ai.war
    if [ ! -f "$war" ] || [ ! -f "$FB_REPO/target/payara-micro.jar" ] || [ ! -d "$FB_REPO/target/server-libs" ] \
        || [ -n "$(find "$FB_REPO/src/main" "$FB_REPO/pom.xml" -newer "$war" -print -quit)" ]; then
        fb_log "building the WAR"
        (cd "$FB_REPO" && mvn -B -q -DskipTests package >&2) || fb_die "build failed"
    fi
}
