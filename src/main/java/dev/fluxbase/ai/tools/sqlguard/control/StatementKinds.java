package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Names the kind of a statement. Only queries and the three kinds of row changes can run; everything else
 * (COPY, DO, CALL, SET, DDL, transaction control, ...) is refused by its kind, usually by its first word before
 * parsing: JSqlParser cannot parse many PostgreSQL commands, and "could not be parsed" would tell the LLM less.
 */
final class StatementKinds {

    /** First words of PostgreSQL commands that are never a chatbot's business. */
    private static final Set<String> COMMANDS = Set.of(
            "ABORT", "ALTER", "ANALYSE", "ANALYZE", "BEGIN", "CALL", "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT",
            "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE", "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN",
            "FETCH", "GRANT", "IMPORT", "LISTEN", "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "PREPARE", "REASSIGN",
            "REFRESH", "REINDEX", "RELEASE", "RESET", "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY", "SET", "SHOW",
            "START", "TRUNCATE", "UNLISTEN", "VACUUM");

    private StatementKinds() {
    }

    static void refuseCommand(String firstWord) {
        if (COMMANDS.contains(firstWord)) {
            throw Refusal.statement(firstWord);
        }
    }

    /** SELECT, INSERT, UPDATE or DELETE for statements that may run; refuses every other kind. */
    static String operation(Statement statement) {
        if (statement instanceof Select) {
            return "SELECT";
        } else if (statement instanceof Insert) {
            return "INSERT";
        } else if (statement instanceof Update) {
            return "UPDATE";
        } else if (statement instanceof Delete) {
            return "DELETE";
        }
        throw Refusal.statement(kind(statement));
    }

    private static String kind(Statement statement) {
        if (statement instanceof Execute execute) {
            return execute.getExecType().name();
        }
        String name = statement.getClass().getSimpleName().replaceFirst("Statement$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
