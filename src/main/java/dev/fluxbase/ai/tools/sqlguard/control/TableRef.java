package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.List;

/**
 * A relation the statement reads or writes, as written: one part ({@code orders}), two ({@code public.orders})
 * or more, which PostgreSQL reads as a reference to another database.
 */
record TableRef(List<String> parts) {

    TableRef {
        parts = List.copyOf(parts);
    }

    boolean qualified() {
        return parts.size() > 1;
    }

    String schema() {
        return parts.get(parts.size() - 2);
    }

    String name() {
        return parts.get(parts.size() - 1);
    }

    String display() {
        return SqlNames.display(parts);
    }
}
