package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a walk over one statement found: every operation, relation, function and cast, wherever it was nested. */
final class StatementFacts {

    private final Set<String> operations = new LinkedHashSet<>();
    private final List<TableRef> tables = new ArrayList<>();
    private final List<List<String>> functions = new ArrayList<>();
    private final List<String> castTypes = new ArrayList<>();
    private boolean selectInto;
    private boolean locking;

    void operation(String operation) {
        operations.add(operation);
    }

    void table(TableRef table) {
        tables.add(table);
    }

    void function(List<String> nameParts) {
        functions.add(List.copyOf(nameParts));
    }

    void castType(String dataType) {
        castTypes.add(dataType);
    }

    void selectInto() {
        selectInto = true;
    }

    void locking() {
        locking = true;
    }

    Set<String> operations() {
        return operations;
    }

    List<TableRef> tables() {
        return tables;
    }

    List<List<String>> functions() {
        return functions;
    }

    List<String> castTypes() {
        return castTypes;
    }

    boolean hasSelectInto() {
        return selectInto;
    }

    boolean hasLocking() {
        return locking;
    }
}
