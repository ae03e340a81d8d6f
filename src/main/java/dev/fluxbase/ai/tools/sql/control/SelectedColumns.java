package dev.fluxbase.ai.tools.sql.control;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * The column names a SELECT lists (lower case, also those inside expressions; {@code *} for a star), for
 * {@code @fluxbase:required-columns}. A statement that does not parse here selects "everything": the guard already
 * accepted it, and this check only guides the model, as in Fluxbase, which skips it then too.
 */
final class SelectedColumns {

    private SelectedColumns() {
    }

    static Set<String> of(String sql) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException | RuntimeException e) {
            return Set.of("*");
        }
        Set<String> columns = new HashSet<>();
        if (statement instanceof Select select) {
            collect(select, columns);
        }
        return columns;
    }

    private static void collect(Select select, Set<String> columns) {
        if (select instanceof PlainSelect plain) {
            plain.getSelectItems().forEach(item -> collect(item, columns));
        } else if (select instanceof SetOperationList union) {
            union.getSelects().forEach(part -> collect(part, columns));
        } else if (select instanceof ParenthesedSelect inner) {
            collect(inner.getSelect(), columns);
        }
    }

    private static void collect(SelectItem<?> item, Set<String> columns) {
        Expression expression = item.getExpression();
        if (expression instanceof AllColumns) {
            columns.add("*");
            return;
        }
        expression.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                columns.add(unquoted(column.getColumnName()));
                return null;
            }
        }, null);
    }

    private static String unquoted(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }
}
