package dev.fluxbase.ai.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The application tables (with row-level security) that SQL tests query; created once per run. */
public final class SqlFixture {

    private static volatile boolean created;

    private SqlFixture() {
    }

    public static synchronized void ensure(ServerUnderTest server) {
        if (created) {
            return;
        }
        try (InputStream script = SqlFixture.class.getResourceAsStream("/it-fixture.sql");
                Connection connection = server.jdbc();
                Statement statement = connection.createStatement()) {
            statement.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            created = true;
        } catch (IOException | SQLException e) {
            throw new AssertionError("could not create the SQL fixture", e);
        }
    }

    /**
     * A fingerprint of every row of every application table, of the schema objects themselves and of every grant on
     * relations, functions and schemas (this server's own {@code ai} schema aside, whose ledger every turn writes).
     */
    public static String checksum(ServerUnderTest server) {
        StringBuilder all = new StringBuilder();
        for (String table : server.column("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
                + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'ai') ORDER BY 1")) {
            all.append(table).append('=').append(server.column("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                    + table + " t").get(0)).append('\n');
        }
        all.append(server.column("SELECT string_agg(n.nspname || '.' || c.relname || ':' || c.relkind::text, ',' ORDER BY 1) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"));
        all.append(server.column("SELECT string_agg(proname, ',' ORDER BY proname) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"));
        all.append(server.column("SELECT string_agg(rolname || ':' || rolsuper::text || rolcreaterole::text, ',' ORDER BY rolname) FROM pg_roles"));
        all.append(server.column("SELECT string_agg(n.nspname || '.' || c.relname || '=' || coalesce(c.relacl::text, '-'), ',' ORDER BY 1) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'ai')"));
        all.append(server.column("SELECT string_agg(p.oid::regprocedure::text || '=' || coalesce(p.proacl::text, '-') || p.prosecdef::text, ',' "
                + "ORDER BY 1) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"));
        all.append(server.column("SELECT string_agg(nspname || '=' || coalesce(nspacl::text, '-'), ',' ORDER BY 1) FROM pg_namespace"));
        return all.toString();
    }

    /** Where every application sequence stands (an insert that fails still moves its sequence). */
    public static String sequences(ServerUnderTest server) {
        return server.column("SELECT coalesce(string_agg(schemaname || '.' || sequencename || '=' || coalesce(last_value::text, '-'), ',' "
                + "ORDER BY 1), '') FROM pg_sequences WHERE schemaname <> 'ai'").get(0);
    }
}
