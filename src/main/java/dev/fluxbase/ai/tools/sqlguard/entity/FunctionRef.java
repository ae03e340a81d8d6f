package dev.fluxbase.ai.tools.sqlguard.entity;

import java.util.Objects;

/**
 * A function a statement calls, as written: {@code schema} is null when the name was not qualified, so the search
 * path decides which function it is. Names are normalized like SQL identifiers.
 */
public record FunctionRef(String schema, String name) {

    public FunctionRef {
        Objects.requireNonNull(name, "name");
    }

    public boolean qualified() {
        return schema != null;
    }
}
