package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import dev.fluxbase.ai.tools.sqlguard.control.PostgresText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

/**
 * A statement the guard accepted, as a preview needs it: its kind, the table it changes (as the statement names it,
 * resolved by PostgreSQL on the search path), the name its rows go by there (the alias, else the table's own name), and
 * whether its WITH changes rows too, which a preview could not show. A write is previewed and confirmed returning every
 * column of the rows it changes, and an UPDATE's rows as they are before it are found by the UPDATE's own FROM and
 * WHERE ({@link #targetRows}); both statements are made of pieces of the statement's own text ({@link WriteClauses}).
 */
final class WriteStatement {

    private final String operation;
    private final String table;
    private final String rows;
    private final boolean changesRowsInWith;
    private final WriteClauses clauses;
    private final List<String> parameters;

    private WriteStatement(String operation, Table table, List<WithItem<?>> with, WriteClauses clauses, List<String> parameters) {
        this.operation = operation;
        this.table = table == null ? null : table.getSchemaName() == null ? table.getName() : table.getSchemaName() + "." + table.getName();
        this.rows = table == null ? null : table.getAlias() == null ? table.getName() : table.getAlias().getName();
        this.changesRowsInWith = with != null && with.stream().anyMatch(item -> !(item.getParenthesedStatement() instanceof ParenthesedSelect));
        this.clauses = clauses;
        this.parameters = parameters;
    }

    /** A SELECT, INSERT, UPDATE or DELETE; empty for anything else, or when its text cannot be read into clauses. */
    static Optional<WriteStatement> of(BoundStatement statement) {
        Statement parsed;
        WriteClauses clauses;
        try {
            String scanned = PostgresText.statement(statement.sql());
            // in this thread: the guard parsed the same statement within its time limit just before
            CCJSqlParser parser = CCJSqlParserUtil.newParser(scanned).withSquareBracketQuotation(false).withBackslashEscapeCharacter(false)
                    .withHashLineComments(false).withDoubleQuotedStrings(false).withDollarQuotedStringTags(false)
                    .withUnsupportedStatements(false).withErrorRecovery(false);
            Token first = parser.getToken(1);
            parsed = parser.Statement();
            clauses = WriteClauses.of(scanned, first);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
        List<String> values = statement.parameters();
        if (!clauses.binds(values)) {
            return Optional.empty();
        }
        if (parsed instanceof Insert insert) {
            return Optional.of(new WriteStatement("INSERT", insert.getTable(), insert.getWithItemsList(), clauses, values));
        }
        if (parsed instanceof Update update) {
            return Optional.of(new WriteStatement("UPDATE", update.getTable(), update.getWithItemsList(), clauses, values));
        }
        if (parsed instanceof Delete delete) {
            return Optional.of(new WriteStatement("DELETE", delete.getTable(), delete.getWithItemsList(), clauses, values));
        }
        if (parsed instanceof Select select) {
            return Optional.of(new WriteStatement("SELECT", null, select.getWithItemsList(), clauses, values));
        }
        return Optional.empty();
    }

    /** INSERT, UPDATE, DELETE or SELECT. */
    String operation() {
        return operation;
    }

    /** The table the write changes as the statement wrote it (quotes kept); null for a SELECT. */
    String table() {
        return table;
    }

    /**
     * A WITH of the statement holds an INSERT, UPDATE or DELETE: its rows would change unseen, beside the rows the
     * statement returns (PostgreSQL allows such a WITH at the top level only).
     */
    boolean changesRowsInWith() {
        return changesRowsInWith;
    }

    /**
     * The write as it runs for its preview and its confirmation: its own RETURNING, if any, gives way to every column of
     * the rows it changes, and of those only (an UPDATE's FROM and a DELETE's USING add columns of other tables to
     * {@code RETURNING *}). Nobody reads the statement's own RETURNING: the LLM hears how many rows changed.
     */
    BoundStatement returningRows() {
        int returning = clauses.find("RETURNING", 0);
        return new BoundStatement(clauses.text(-1, returning).strip() + " RETURNING " + rows + ".*",
                clauses.values(parameters, -1, returning));
    }

    /**
     * The rows an UPDATE changes as they are before it, locked: {@code [WITH ...] SELECT to_jsonb(rows) FROM table [WHERE
     * EXISTS (SELECT FROM from_list WHERE condition) | WHERE condition] FOR UPDATE OF rows}. A SELECT FOR UPDATE meets the
     * same row-level security as the UPDATE (the SELECT and UPDATE policies); EXISTS counts a row once, however many rows of
     * the FROM list it joins, as the UPDATE changes it once.
     *
     * @throws IllegalStateException for a statement that is not an UPDATE
     */
    BoundStatement targetRows() {
        if (!"UPDATE".equals(operation)) {
            throw new IllegalStateException("only an UPDATE has target rows to read first, not " + operation);
        }
        int update = clauses.find("UPDATE", 0);
        int set = clauses.find("SET", update + 1);
        int returning = clauses.find("RETURNING", set + 1);
        int where = Math.min(clauses.find("WHERE", set + 1), returning);
        int from = Math.min(clauses.find("FROM", set + 1), where);
        StringBuilder sql = new StringBuilder(clauses.text(-1, update)).append("SELECT to_jsonb(").append(rows).append(")::text FROM")
                .append(clauses.textAfter(update, set).stripTrailing());
        List<String> values = new ArrayList<>(clauses.values(parameters, -1, set));
        String condition = where < returning ? clauses.textAfter(where, returning).stripTrailing() : null;
        if (from < where) {
            sql.append(" WHERE EXISTS (SELECT FROM").append(clauses.textAfter(from, where).stripTrailing())
                    .append(condition == null ? "" : " WHERE" + condition).append(")");
        } else if (condition != null) {
            sql.append(" WHERE (").append(condition).append(")");
        }
        values.addAll(clauses.values(parameters, from, returning));
        return new BoundStatement(sql.append(" FOR UPDATE OF ").append(rows).toString(), values);
    }
}
