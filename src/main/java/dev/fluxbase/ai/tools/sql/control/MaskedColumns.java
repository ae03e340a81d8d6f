package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.tools.sql.entity.ColumnOrigin;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import dev.fluxbase.ai.tools.sql.entity.SensitiveColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Which columns of a result the LLM reads as pseudonyms, and under which label. The rule, from what PostgreSQL and the
 * statement tell:
 * <ul>
 * <li>a column that shows a table column as it is (PostgreSQL names its origin, through subqueries too) is masked
 * exactly when that column is sensitive;</li>
 * <li>a computed column ({@code lower(email)}, {@code email || ''}, {@code split_part(email, '@', 2)}, a whole row, a
 * subquery's expression) of a statement that reads no table with a sensitive column is shown;</li>
 * <li>otherwise it is masked, unless it is a {@code count(...)} of the outer select list, or an expression of that
 * list whose every column reference is provably a column that is not sensitive: the statement has no {@code WITH},
 * reads only tables (no subquery, no function) and the expression names neither a sensitive column, nor a table or its
 * alias (a whole-row reference), nor a star, nor a subquery.</li>
 * </ul>
 * When in doubt (the statement does not parse, a star shifts the columns) a computed column is masked.
 */
final class MaskedColumns {

    static final String DEFAULT_LABEL = "value";

    private MaskedColumns() {
    }

    /** The labels of an outcome's columns; a column whose origin PostgreSQL did not give counts as computed. */
    static List<String> labels(String sql, QueryOutcome outcome, List<String> tables, SensitiveColumns sensitive) {
        List<ColumnOrigin> origins = new ArrayList<>(outcome.origins());
        while (origins.size() < outcome.columns().size()) {
            origins.add(ColumnOrigin.NONE);
        }
        return labels(sql, origins, tables, sensitive);
    }

    /**
     * @param origins the origin of every result column, in order
     * @param tables  the tables the statement reads, as the guard named them
     * @return per result column, the label of its pseudonyms, or null when the LLM may read it
     */
    static List<String> labels(String sql, List<ColumnOrigin> origins, List<String> tables, SensitiveColumns sensitive) {
        List<String> labels = new ArrayList<>();
        if (sensitive.isEmpty()) {
            origins.forEach(origin -> labels.add(null));
            return labels;
        }
        boolean readsSensitiveTable = tables.stream().anyMatch(sensitive::inTable);
        // parsed only for a computed column of such a statement: most results name every column's origin (bench/RESULTS.md)
        OuterList outer = null;
        Map<String, String> sensitiveNames = sensitive.byColumnName();
        for (int i = 0; i < origins.size(); i++) {
            ColumnOrigin origin = origins.get(i);
            if (origin.known()) {
                labels.add(sensitive.label(origin).orElse(null));
            } else if (!readsSensitiveTable) {
                labels.add(null);
            } else {
                outer = outer == null ? OuterList.of(sql, origins.size()) : outer;
                labels.add(outer.computedLabel(i, sensitiveNames));
            }
        }
        return labels;
    }

    /** The outer select list, when its items are the result's columns one for one. */
    private record OuterList(List<SelectItem<?>> items, Set<String> tableNames, boolean onlyTables) {

        static final OuterList UNKNOWN = new OuterList(null, Set.of(), false);

        static OuterList of(String sql, int columns) {
            Statement statement;
            try {
                statement = CCJSqlParserUtil.parse(sql);
            } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
                return UNKNOWN;
            }
            if (!(statement instanceof PlainSelect select) || select.getSelectItems().size() != columns
                    || select.getSelectItems().stream().anyMatch(item -> item.getExpression() instanceof AllColumns)) {
                return UNKNOWN;
            }
            Set<String> names = new HashSet<>();
            boolean onlyTables = (select.getWithItemsList() == null || select.getWithItemsList().isEmpty()) && addTable(select.getFromItem(), names);
            if (select.getJoins() != null) {
                for (Join join : select.getJoins()) {
                    onlyTables &= addTable(join.getRightItem(), names);
                }
            }
            return new OuterList(select.getSelectItems(), names, onlyTables);
        }

        private static boolean addTable(FromItem item, Set<String> names) {
            if (item == null) {
                return true;
            }
            if (item.getAlias() != null) {
                names.add(unquoted(item.getAlias().getName()));
            }
            if (item instanceof Table table) {
                names.add(unquoted(table.getName()));
                return true;
            }
            return false;
        }

        String computedLabel(int index, Map<String, String> sensitiveNames) {
            if (items == null) {
                return DEFAULT_LABEL;
            }
            Expression expression = items.get(index).getExpression();
            References references = References.of(expression);
            Optional<String> named = references.columns().stream().filter(sensitiveNames::containsKey).findFirst().map(sensitiveNames::get);
            if (isCount(expression)) {
                return null;
            }
            boolean provablyPlain = onlyTables && named.isEmpty() && !references.opaque()
                    && references.columns().stream().noneMatch(tableNames::contains);
            return provablyPlain ? null : named.orElse(DEFAULT_LABEL);
        }

        private static boolean isCount(Expression expression) {
            return expression instanceof Function function && "count".equalsIgnoreCase(unquoted(function.getName()));
        }
    }

    /**
     * The column names an expression refers to, and whether it holds what hides them (a subquery, a star). The parser's
     * visitor does not reach into every construct ({@code substring(email from 1 for 3)}), so every word of the expression's
     * text that is not a qualifier counts as a name too, and a word {@code select} or a {@code t.*} makes it opaque: a word
     * too many only masks more.
     */
    private record References(Set<String> columns, boolean opaque) {

        private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");
        private static final Pattern QUALIFIER = Pattern.compile("\\s*\\.\\s*(\\*)?");

        static References of(Expression expression) {
            Set<String> columns = new HashSet<>();
            boolean[] opaque = {false};
            String text = expression.toString();
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                String name = word.group(1) != null ? word.group(1).replace("\"\"", "\"") : word.group(2).toLowerCase(Locale.ROOT);
                Matcher qualifier = QUALIFIER.matcher(text).region(word.end(), text.length());
                if (!qualifier.lookingAt()) {
                    columns.add(name);
                }
                opaque[0] |= qualifier.lookingAt() && qualifier.group(1) != null || "select".equals(name);
            }
            expression.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(Column column, S context) {
                    columns.add(unquoted(column.getColumnName()));
                    return null;
                }

                @Override
                public <S> Void visit(AllColumns columns, S context) {
                    opaque[0] = true;
                    return null;
                }
            }, null);
            return new References(columns, opaque[0]);
        }
    }

    private static String unquoted(String name) {
        if (name == null) {
            return "";
        }
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1)
                : name.toLowerCase(Locale.ROOT);
    }
}
