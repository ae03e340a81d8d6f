package dev.fluxbase.ai.tools.sql.entity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns whose values the LLM must not read, each with the label of its pseudonyms: from a column comment
 * ({@code @sensitive} labels with the column's name, {@code @sensitive:email} with {@code email}) or from
 * {@code @fluxbase:sensitive-columns} ({@code table.column} in any allowed schema, {@code schema.table.column}, either with {@code :label}).
 */
public final class SensitiveColumns {

    public static final SensitiveColumns NONE = new SensitiveColumns(Map.of());

    /** {@code schema.table.column}, or {@code *.table.column} for a table of any schema; lower case. */
    private final Map<String, String> labels;

    private SensitiveColumns(Map<String, String> labels) {
        this.labels = Map.copyOf(labels);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The label of a sensitive column, or empty when it is not one. */
    public Optional<String> label(ColumnOrigin origin) {
        if (!origin.known()) {
            return Optional.empty();
        }
        String exact = labels.get(origin.schema() + "." + origin.table() + "." + origin.column());
        return Optional.ofNullable(exact != null ? exact : labels.get("*." + origin.table() + "." + origin.column()));
    }

    /** Whether {@code table} ({@code schema.table}, or a bare name) has a sensitive column. */
    public boolean inTable(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        String bare = name.substring(name.lastIndexOf('.') + 1);
        return labels.keySet().stream().anyMatch(key -> {
            String keyTable = key.substring(0, key.lastIndexOf('.'));
            return keyTable.equals(name) || keyTable.endsWith("." + bare) && (keyTable.startsWith("*.") || !name.contains("."));
        });
    }

    /** The names of the sensitive columns, whatever their table, each with its label. */
    public Map<String, String> byColumnName() {
        Map<String, String> names = new HashMap<>();
        labels.forEach((key, label) -> names.putIfAbsent(key.substring(key.lastIndexOf('.') + 1), label));
        return names;
    }

    /** The {@code schema.table.column} entries, for the audit log and the logs. */
    public Set<String> names() {
        return new HashSet<>(labels.keySet());
    }

    /** Gathers the columns of the comments and the chatbot's annotation; the first label of a column wins. */
    public static final class Builder {
        private final Map<String, String> labels = new HashMap<>();

        /** @param schema null for a table of any schema */
        public Builder add(String schema, String table, String column, String label) {
            String key = (schema == null || schema.isBlank() ? "*" : schema) + "." + table + "." + column;
            labels.putIfAbsent(key.toLowerCase(Locale.ROOT), label == null || label.isBlank() ? column.toLowerCase(Locale.ROOT)
                    : label.toLowerCase(Locale.ROOT));
            return this;
        }

        /** An entry of {@code @fluxbase:sensitive-columns}: {@code table.column} or {@code schema.table.column}, with an optional {@code :label}. */
        public Builder addDeclared(String entry) {
            String name = entry.strip();
            String label = null;
            int colon = name.indexOf(':');
            if (colon >= 0) {
                label = name.substring(colon + 1).strip();
                name = name.substring(0, colon).strip();
            }
            String[] parts = name.split("\\.");
            if (parts.length == 2) {
                return add(null, parts[0], parts[1], label);
            }
            if (parts.length == 3) {
                return add(parts[0], parts[1], parts[2], label);
            }
            throw new IllegalArgumentException("'" + entry + "' is not table.column or schema.table.column");
        }

        public SensitiveColumns build() {
            return labels.isEmpty() ? NONE : new SensitiveColumns(labels);
        }
    }
}
