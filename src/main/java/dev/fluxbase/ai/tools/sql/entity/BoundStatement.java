package dev.fluxbase.ai.tools.sql.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement the server built from a tool's arguments (Fluxbase's {@code query_table} and record tools): identifiers
 * quoted, every value a {@code ?} bound as text of unknown type, which PostgreSQL reads as the type the statement needs
 * there (a null parameter is SQL NULL).
 */
public record BoundStatement(String sql, List<String> parameters) {

    public BoundStatement {
        parameters = parameters == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** How the client, the audit log and the model see it: the statement, then its values in order. */
    public String display() {
        if (parameters.isEmpty()) {
            return sql;
        }
        List<String> values = new ArrayList<>();
        for (String parameter : parameters) {
            values.add(parameter == null ? "NULL" : "'" + parameter.replace("'", "''") + "'");
        }
        return sql + "\n-- parameters: " + String.join(", ", values);
    }
}
