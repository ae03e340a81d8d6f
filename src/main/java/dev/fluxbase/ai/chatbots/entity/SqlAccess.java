package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code execute_sql} may touch: tables ({@code *} kept as the single entry {@code "*"}, never an
 * empty list), statement kinds, schemas, and functions beyond the built-in allow-list
 * ({@code schema.name} or {@code name}).
 */
@Embeddable
public class SqlAccess {

    public static final List<String> OPERATIONS = List.of("SELECT", "INSERT", "UPDATE", "DELETE");
    private static final List<String> EVERY_TABLE = List.of("*");

    @Convert(converter = TextArrayConverter.class)
    @Column(name = "allowed_tables")
    private List<String> allowedTables;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "allowed_operations")
    private List<String> allowedOperations;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "allowed_schemas")
    private List<String> allowedSchemas;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "allowed_functions")
    private List<String> allowedFunctions;

    protected SqlAccess() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static SqlAccess defaults() {
        return new SqlAccess(EVERY_TABLE, List.of("SELECT"), List.of("public"), List.of());
    }

    private SqlAccess(List<String> tables, List<String> operations, List<String> schemas, List<String> functions) {
        this.allowedTables = tables.isEmpty() || tables.contains("*") ? EVERY_TABLE : List.copyOf(tables);
        this.allowedOperations = operations(operations);
        this.allowedSchemas = List.copyOf(schemas);
        this.allowedFunctions = List.copyOf(functions);
    }

    /** Upper-cased and each once; an unknown kind or none at all is refused. */
    private static List<String> operations(List<String> operations) {
        List<String> upper = operations.stream().map(op -> op.toUpperCase(Locale.ROOT)).distinct().toList();
        for (String operation : upper) {
            if (!OPERATIONS.contains(operation)) {
                throw new IllegalArgumentException("unknown operation '" + operation + "', expected one of " + String.join(", ", OPERATIONS));
            }
        }
        if (upper.isEmpty()) {
            throw new IllegalArgumentException("at least one operation is required");
        }
        return upper;
    }

    public List<String> allowedTables() {
        return allowedTables;
    }

    public List<String> allowedOperations() {
        return allowedOperations;
    }

    public List<String> allowedSchemas() {
        return allowedSchemas;
    }

    public List<String> allowedFunctions() {
        return allowedFunctions == null ? List.of() : allowedFunctions;
    }

    public boolean allowsEveryTable() {
        return allowedTables.contains("*");
    }

    public SqlAccess withAllowedTables(List<String> tables) {
        return new SqlAccess(tables, allowedOperations, allowedSchemas, allowedFunctions());
    }

    public SqlAccess withAllowedOperations(List<String> operations) {
        return new SqlAccess(allowedTables, operations, allowedSchemas, allowedFunctions());
    }

    public SqlAccess withAllowedSchemas(List<String> schemas) {
        return new SqlAccess(allowedTables, allowedOperations, schemas, allowedFunctions());
    }

    public SqlAccess withAllowedFunctions(List<String> functions) {
        return new SqlAccess(allowedTables, allowedOperations, allowedSchemas, functions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlAccess s && allowedTables.equals(s.allowedTables) && allowedOperations.equals(s.allowedOperations)
                && allowedSchemas.equals(s.allowedSchemas) && allowedFunctions().equals(s.allowedFunctions());
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowedTables, allowedOperations, allowedSchemas, allowedFunctions());
    }

    @Override
    public String toString() {
        return "SqlAccess[tables=" + allowedTables + ", operations=" + allowedOperations + ", schemas=" + allowedSchemas
                + ", functions=" + allowedFunctions() + "]";
    }
}
