package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.Set;

/**
 * The WITH names visible at one point of a statement. An unqualified name that matches one of them is that
 * CTE, not a table; everywhere else the same name is a real table and must be checked. JSqlParser's
 * {@code TablesNamesFinder} instead ignores a CTE's name throughout the statement, which lets
 * {@code WITH secret AS (SELECT * FROM secret) ...} read the real {@code secret} unchecked.
 */
record CteScope(Set<String> names, CteScope outer) {

    static final CteScope NONE = new CteScope(Set.of(), null);

    CteScope {
        names = Set.copyOf(names);
    }

    CteScope with(Set<String> inner) {
        return inner.isEmpty() ? this : new CteScope(inner, this);
    }

    boolean isCte(String name) {
        for (CteScope scope = this; scope != null; scope = scope.outer) {
            if (scope.names.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
