package dev.fluxbase.ai.tools.sqlguard.control;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Reads a parser node's children from its fields. Going through every field, rather than a visitor that names
 * the places it knows, is what makes the walk complete: JSqlParser's visitors and {@code TablesNamesFinder} skip
 * some places (a sub-query in an aggregate's ORDER BY, for one), and every release adds node types.
 */
final class NodeFields {

    private static final String PARSER_PACKAGE = "net.sf.jsqlparser.";

    /** The parser's own syntax tree and caches point back up the tree; CTEs are scoped by the walker itself. */
    private static final Set<String> NOT_CHILDREN = Set.of("node", "resolvedTable", "withItemsList");

    /** Fields holding names that are not relation references, or relations the walker handles on its own. */
    private static final Map<Class<?>, Set<String>> HANDLED_ELSEWHERE = Map.of(
            Column.class, Set.of("table"), // a qualifier such as o in o.id
            AllTableColumns.class, Set.of("table"), // o in o.*
            Select.class, Set.of("forUpdateTables"), // FOR UPDATE OF o names FROM items
            Insert.class, Set.of("table"), // targets are checked as targets
            Update.class, Set.of("table"),
            Delete.class, Set.of("table", "tables"));

    private final ClassValue<List<Field>> fields = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return childFields(type);
        }
    };

    static boolean isParserNode(Object value) {
        return value.getClass().getName().startsWith(PARSER_PACKAGE);
    }

    List<Object> children(Object node) {
        List<Object> children = new ArrayList<>();
        for (Field field : fields.get(node.getClass())) {
            Object value = read(field, node);
            if (value != null) {
                children.add(value);
            }
        }
        return children;
    }

    private static List<Field> childFields(Class<?> type) {
        List<Field> result = new ArrayList<>();
        for (Class<?> c = type; c != null && c.getName().startsWith(PARSER_PACKAGE); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (isChild(field)) {
                    field.setAccessible(true);
                    result.add(field);
                }
            }
        }
        return List.copyOf(result);
    }

    private static boolean isChild(Field field) {
        return !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic() && !field.getType().isPrimitive()
                && !NOT_CHILDREN.contains(field.getName())
                && !HANDLED_ELSEWHERE.getOrDefault(field.getDeclaringClass(), Set.of()).contains(field.getName());
    }

    private static Object read(Field field, Object node) {
        try {
            return field.get(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }
}
