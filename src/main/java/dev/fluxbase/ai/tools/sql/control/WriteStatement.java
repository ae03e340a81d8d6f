package dev.fluxbase.ai.tools.sql.control;

import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;

/**
 * A write the guard accepted, as a preview needs it: its kind, the table it changes (as the statement names it, resolved by
 * PostgreSQL on the search path) and whether it has a RETURNING. A write is previewed and confirmed with every column of the
 * rows it changes returned, so that PostgreSQL itself says what changes.
 */
record WriteStatement(String operation, String table, boolean returns) {

    static Optional<WriteStatement> of(String sql) {
        Statement statement;
        try {
            // in this thread: the guard parsed the same statement within its time limit just before
            statement = CCJSqlParserUtil.newParser(sql).withSquareBracketQuotation(false).withBackslashEscapeCharacter(false)
                    .withHashLineComments(false).withDoubleQuotedStrings(false).withDollarQuotedStringTags(false).Statement();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
        if (statement instanceof Insert insert) {
            return Optional.of(new WriteStatement("INSERT", name(insert.getTable()), insert.getReturningClause() != null));
        }
        if (statement instanceof Update update) {
            return Optional.of(new WriteStatement("UPDATE", name(update.getTable()), update.getReturningClause() != null));
        }
        if (statement instanceof Delete delete) {
            return Optional.of(new WriteStatement("DELETE", name(delete.getTable()), delete.getReturningClause() != null));
        }
        return Optional.empty();
    }

    /** The table without its alias, as the statement wrote it (quotes kept). */
    private static String name(Table table) {
        return table.getSchemaName() == null ? table.getName() : table.getSchemaName() + "." + table.getName();
    }

    /**
     * The statement that runs: {@code scanned} (comments and the final semicolon blanked, see
     * {@link dev.fluxbase.ai.tools.sqlguard.control.PostgresText}) with {@code RETURNING *} when it returned nothing.
     */
    String returningAll(String scanned) {
        return returns ? scanned.strip() : scanned.strip() + " RETURNING *";
    }
}
