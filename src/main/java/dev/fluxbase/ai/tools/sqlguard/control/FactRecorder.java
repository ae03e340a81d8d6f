package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonTableFunction;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Notes what one node contributes: an operation (a DELETE inside a CTE counts as much as one at the top), a
 * relation that is not a CTE in scope, a function call, a type a value is cast to, SELECT INTO or a row lock. Also
 * refuses names that show JSqlParser misread PostgreSQL syntax ({@link ReservedWords}), and the key words that read
 * the server's identity.
 */
final class FactRecorder {

    /** Values PostgreSQL computes from the session: the database's name, the login role, how it authenticated. */
    private static final Set<String> SERVER_IDENTITY = Set.of("current_catalog", "current_schema", "session_user", "system_user");

    /** ROLLUP and CUBE are grouping syntax directly in GROUP BY, and function calls anywhere else. */
    private static final Set<String> GROUPING_SYNTAX = Set.of("rollup", "cube");

    private final StatementFacts facts;
    private final Set<Object> groupingConstructs = Collections.newSetFromMap(new IdentityHashMap<>());

    FactRecorder(StatementFacts facts) {
        this.facts = facts;
    }

    void record(Object node, CteScope scope) {
        if (node instanceof Select select) {
            recordSelect(select);
        } else if (node instanceof Insert insert) {
            recordInsert(insert);
        } else if (node instanceof Update update) {
            facts.operation("UPDATE");
            target(update.getTable());
        } else if (node instanceof Delete delete) {
            recordDelete(delete);
        } else if (node instanceof Table table) {
            relation(table, scope);
        } else if (node instanceof GroupByElement groupBy) {
            noteGroupingConstructs(groupBy);
        } else if (node instanceof Function function) {
            recordFunction(function);
        } else if (node instanceof AnalyticExpression analytic) {
            ReservedWords.requireFunctionName(analytic.getName());
            facts.function(SqlNames.parse(analytic.getName()));
        } else if (node instanceof Column column) {
            checkColumn(column);
        } else if (node instanceof ColDataType type) {
            facts.castType(type.getDataType());
        } else if (node instanceof Alias alias) {
            checkAlias(alias);
        }
    }

    /**
     * PostgreSQL has no string aliases: JSqlParser reads {@code regclass 'pg_authid'} as a column aliased with a
     * string, PostgreSQL as a constant of type regclass, which is a catalog look-up.
     */
    private static void checkAlias(Alias alias) {
        if (alias.getName() != null && alias.getName().startsWith("'")) {
            throw Refusal.unparseable("a type name before a string literal (type 'value') is not supported; use CAST");
        }
        if (!alias.isUseAs()) {
            ReservedWords.requireAlias(alias.getName());
        }
    }

    /** Visited before its expressions, so that their ROLLUP (...) is known as grammar when they are recorded. */
    private void noteGroupingConstructs(GroupByElement groupBy) {
        if (groupBy.getGroupByExpressionList() != null) {
            for (Object expression : groupBy.getGroupByExpressionList()) {
                if (expression instanceof Function f && f.getMultipartName() != null && f.getMultipartName().size() == 1
                        && GROUPING_SYNTAX.contains(SqlNames.foldAscii(f.getMultipartName().get(0)))) {
                    groupingConstructs.add(f);
                }
            }
        }
    }

    /** Function calls the grammar makes: ROLLUP in GROUP BY, JSON_TABLE, and the key words of {@link BuiltinFunctions#isSyntax}. */
    private boolean isGrammar(Function function, List<String> parts) {
        return function instanceof JsonTableFunction || groupingConstructs.contains(function)
                || parts.size() == 1 && BuiltinFunctions.isSyntax(parts.get(0));
    }

    private void recordFunction(Function function) {
        if (function.getExtraKeyword() != null) {
            throw Refusal.construct(function.getExtraKeyword() + " argument"); // ALL (TABLE t) reads t, not a column
        }
        List<String> parts = function.getMultipartName();
        if (parts != null) { // null for the wrapper of a function in FROM
            ReservedWords.requireFunctionName(parts.get(parts.size() - 1));
            if (!isGrammar(function, parts)) {
                facts.function(parts.stream().map(FactRecorder::normalize).toList());
            }
        }
    }

    private static void checkColumn(Column column) {
        ReservedWords.requireColumnName(column.getColumnName());
        if (column.getTable() == null && SERVER_IDENTITY.contains(column.getColumnName().toLowerCase(Locale.ROOT))) {
            throw Refusal.function(column.getColumnName().toLowerCase(Locale.ROOT));
        }
        if (column.getTable() != null) {
            column.getTable().getNameParts().forEach(ReservedWords::requireRelationName);
        }
    }

    private void recordSelect(Select select) {
        if (select instanceof PlainSelect plain) {
            facts.operation("SELECT");
            if (plain.getIntoTables() != null || plain.getIntoTempTable() != null || plain.getMySqlSelectIntoClause() != null) {
                facts.selectInto();
            }
        } else if (select instanceof TableStatement) {
            facts.operation("SELECT");
        }
        if (select.getForMode() != null || select.isSkipLocked() || select.isNoWait() || select.getWait() != null
                || select.getForUpdateTables() != null) {
            facts.locking();
        }
    }

    private void recordInsert(Insert insert) {
        facts.operation("INSERT");
        if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null
                || insert.getDuplicateUpdateSets() != null) {
            facts.operation("UPDATE"); // an upsert updates existing rows
        }
        target(insert.getTable());
    }

    private void recordDelete(Delete delete) {
        facts.operation("DELETE");
        target(delete.getTable());
        if (delete.getTables() != null) {
            delete.getTables().forEach(this::target);
        }
    }

    /** The table a statement writes is always a real table in PostgreSQL, even when a CTE has its name. */
    private void target(Table table) {
        if (table != null) {
            facts.table(new TableRef(nameParts(table)));
        }
    }

    private void relation(Table table, CteScope scope) {
        if (table.getTimeTravel() != null || table.getTimeTravelStrAfterAlias() != null) {
            throw Refusal.construct("time travel clause"); // kept as raw text, so it could hide a query
        }
        List<String> parts = nameParts(table);
        if (parts.size() == 1 && scope.isCte(parts.get(0))) {
            return;
        }
        facts.table(new TableRef(parts));
    }

    /** JSqlParser keeps the parts innermost first, with null for an empty part as in {@code db..table}. */
    private static List<String> nameParts(Table table) {
        List<String> reversed = table.getNameParts();
        reversed.forEach(ReservedWords::requireRelationName);
        List<String> parts = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            parts.add(normalize(reversed.get(i)));
        }
        return parts;
    }

    private static String normalize(String part) {
        return part == null ? "" : SqlNames.normalize(part);
    }
}
