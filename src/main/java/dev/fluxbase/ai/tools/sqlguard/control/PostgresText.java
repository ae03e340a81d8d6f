package dev.fluxbase.ai.tools.sqlguard.control;

/**
 * The guard's reading of SQL text, for the code that runs what the guard passed: it must send PostgreSQL the very
 * statement the guard judged, read by the same lexer ({@link PostgresScanner}). Public for that reason only.
 */
public final class PostgresText {

    private PostgresText() {
    }

    /** The single statement with comments and its terminating semicolon blanked out, same length and line breaks. */
    public static String statement(String sql) {
        return PostgresScanner.scan(sql);
    }

    /** {@link #statement}, with every {@code ?} outside literals and quoted identifiers doubled for a JDBC prepared statement. */
    public static String forPreparedStatement(String sql) {
        return PostgresScanner.scanForPreparedStatement(sql);
    }
}
