package dev.fluxbase.ai.tools.sqlguard.control;

/**
 * Ends a check as soon as one rule is broken. Every reason the guard gives is built here, so the wording
 * the LLM and the client see stays in one place.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DETAIL = 200;

    private final String operation;

    private Refusal(String reason, String operation) {
        super(reason, null, false, false); // no stack trace: refusals are expected, not errors
        this.operation = operation;
    }

    String reason() {
        return getMessage();
    }

    /** The statement kind recognised before the refusal, or null. */
    String operation() {
        return operation;
    }

    Refusal withOperation(String kind) {
        return operation != null || kind == null ? this : new Refusal(reason(), kind);
    }

    static Refusal empty() {
        return new Refusal("Empty SQL statement", null);
    }

    static Refusal tooLong(int maxLength) {
        return new Refusal("SQL too long (more than " + maxLength + " characters)", null);
    }

    static Refusal multipleStatements() {
        return new Refusal("Multiple statements are not allowed", null);
    }

    static Refusal unparseable(String detail) {
        return new Refusal("SQL could not be parsed: " + oneLine(detail), null);
    }

    static Refusal statement(String kind) {
        return new Refusal("Statement not allowed: " + kind, kind);
    }

    static Refusal operation(String operation) {
        return new Refusal("Operation not allowed: " + operation, null);
    }

    static Refusal locking() {
        return new Refusal("Locking clauses are not allowed for read-only chatbots", null);
    }

    static Refusal function(String name) {
        return new Refusal("Function not allowed: " + name, null);
    }

    static Refusal cast(String type) {
        return new Refusal("Cast not allowed: " + type, null);
    }

    static Refusal schema(String name) {
        return new Refusal("Schema not allowed: " + name, null);
    }

    static Refusal table(String name) {
        return new Refusal("Table not allowed: " + name, null);
    }

    static Refusal construct(String name) {
        return new Refusal("Unsupported SQL construct: " + name, null);
    }

    private static String oneLine(String detail) {
        String line = detail == null || detail.isBlank() ? "syntax error" : detail.strip().lines().findFirst().orElse("").strip();
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
