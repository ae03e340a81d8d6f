package dev.fluxbase.ai.knowledge.tables.entity;

import java.util.List;

/** The SDK's {@code TableIndex}; a key that is an expression is written as SQL ({@code lower(email)}). */
public record TableIndex(String name, List<String> columns, boolean unique, boolean primary) {

    public TableIndex {
        columns = List.copyOf(columns);
    }
}
