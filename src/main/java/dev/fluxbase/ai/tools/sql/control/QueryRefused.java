package dev.fluxbase.ai.tools.sql.control;

/** A query the database's answers showed may not run (after the guard passed it); nothing ran. */
final class QueryRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    QueryRefused(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
