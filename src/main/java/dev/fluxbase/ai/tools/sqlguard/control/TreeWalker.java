package dev.fluxbase.ai.tools.sqlguard.control;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Visits every node of a parsed statement, tracking which CTE names each node can see, and hands each node to
 * the {@link FactRecorder}. Iterative, so that a long chain of ANDs or ORs (a left-deep tree thousands of nodes
 * high) needs no deep stack.
 */
final class TreeWalker {

    private record Visit(Object node, CteScope scope) {
    }

    private final NodeFields fields;
    private final StatementFacts facts = new StatementFacts();
    private final FactRecorder recorder = new FactRecorder(facts);
    private final Deque<Visit> pending = new ArrayDeque<>();
    private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>()); // guards against cycles

    private TreeWalker(NodeFields fields) {
        this.fields = fields;
    }

    static StatementFacts walk(Object statement, NodeFields fields) {
        TreeWalker walker = new TreeWalker(fields);
        walker.pending.push(new Visit(statement, CteScope.NONE));
        while (!walker.pending.isEmpty()) {
            Visit next = walker.pending.pop();
            walker.visit(next.node(), next.scope());
        }
        return walker.facts;
    }

    private void visit(Object node, CteScope scope) {
        if (node instanceof Map.Entry<?, ?> entry) {
            schedule(Arrays.asList(entry.getKey(), entry.getValue()), scope);
        } else if (node instanceof Map<?, ?> map) {
            schedule(map.entrySet(), scope);
        } else if (node.getClass().isArray()) {
            schedule(arrayItems(node), scope);
        } else if (NodeFields.isParserNode(node)) {
            visitParserNode(node, scope);
        } else if (node instanceof Iterable<?> items) {
            schedule(items, scope);
        } else {
            throw Refusal.construct(node.getClass().getSimpleName());
        }
    }

    private void visitParserNode(Object node, CteScope outer) {
        if (!visited.add(node)) {
            return;
        }
        NodeTypes.requireKnown(node.getClass());
        List<WithItem<?>> withItems = withItems(node);
        CteScope scope = outer.with(cteNames(withItems));
        recorder.record(node, scope);
        if (node instanceof Iterable<?> items) { // expression lists are ArrayLists with extra fields
            schedule(items, scope);
        }
        schedule(fields.children(node), scope);
        scheduleCteBodies(withItems, outer);
    }

    /** Pushed in reverse, so that nodes are visited in the order they were written. */
    private void schedule(Iterable<?> items, CteScope scope) {
        List<Object> reversed = new ArrayList<>();
        for (Object item : items) {
            if (item != null && !isValue(item)) {
                reversed.add(item);
            }
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            pending.push(new Visit(reversed.get(i), scope));
        }
    }

    /**
     * Each CTE body sees the names of the CTEs before it, or all of them under RECURSIVE (which PostgreSQL applies
     * to the whole list, though JSqlParser marks only the first item); never its own name otherwise.
     */
    private void scheduleCteBodies(List<WithItem<?>> items, CteScope outer) {
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        Set<String> all = cteNames(items);
        for (int i = items.size() - 1; i >= 0; i--) {
            Set<String> visible = recursive ? all : cteNames(items.subList(0, i));
            pending.push(new Visit(items.get(i), outer.with(visible)));
        }
    }

    private static Set<String> cteNames(List<WithItem<?>> items) {
        Set<String> names = new LinkedHashSet<>();
        items.forEach(item -> names.add(SqlNames.normalize(item.getAlias().getName())));
        return names;
    }

    private static List<WithItem<?>> withItems(Object node) {
        List<WithItem<?>> items = null;
        if (node instanceof Select select) {
            items = select.getWithItemsList();
        } else if (node instanceof Insert insert) {
            items = insert.getWithItemsList();
        } else if (node instanceof Update update) {
            items = update.getWithItemsList();
        } else if (node instanceof Delete delete) {
            items = delete.getWithItemsList();
        }
        return items == null ? List.of() : items;
    }

    private static List<Object> arrayItems(Object array) {
        List<Object> items = new ArrayList<>(Array.getLength(array));
        for (int i = 0; i < Array.getLength(array); i++) {
            items.add(Array.get(array, i));
        }
        return items;
    }

    private static boolean isValue(Object node) {
        return node instanceof CharSequence || node instanceof Number || node instanceof Boolean || node instanceof Character
                || node instanceof Enum<?> || node instanceof Date;
    }
}
