package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code execute_sql} may touch: tables ({@code *} kept as the single entry {@code "*"}, never an
 * empty list), statement kinds, schemas, and functions beyond the built-in allow-list
 * ({@code schema.name} or {@code name}), and the columns whose values the LLM reads as pseudonyms beyond those tagged
 * {@code @sensitive} in the database ({@code table.column} or {@code schema.table.column}, each with an optional {@code :label}).
 */
@Embeddable
public class SqlAccess {

    public static final List<String> OPERATIONS = List.of("SELECT", "INSERT", "UPDATE", "DELETE");
    private static final List<String> EVERY_TABLE = List.of("*");
    private static final Pattern SENSITIVE_COLUMN = Pattern.compile("[^.:\\s]+(\\.[^.:\\s]+){1,2}(:[A-Za-z0-9_]+)?");

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
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "sensitive_columns")
    private List<String> sensitiveColumns;

    protected SqlAccess() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static SqlAccess defaults() {
        return new SqlAccess(EVERY_TABLE, List.of("SELECT"), List.of("public"), List.of(), List.of());
    }

    private SqlAccess(List<String> tables, List<String> operations, List<String> schemas, List<String> functions, List<String> sensitive) {
        this.allowedTables = tables.isEmpty() || tables.contains("*") ? EVERY_TABLE : List.copyOf(tables);
        this.allowedOperations = operations(operations);
        this.allowedSchemas = List.copyOf(schemas);
        this.allowedFunctions = List.copyOf(functions);
        this.sensitiveColumns = sensitive(sensitive);
    }

    /** {@code table.column} or {@code schema.table.column}, with an optional {@code :label} of letters, digits and underscores. */
    private static List<String> sensitive(List<String> columns) {
        for (String column : columns) {
            if (!SENSITIVE_COLUMN.matcher(column.strip()).matches()) {
                throw new IllegalArgumentException("'" + column + "' is not table.column or schema.table.column (with an optional :label)");
            }
        }
        return columns.stream().map(String::strip).toList();
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

    public List<String> sensitiveColumns() {
        return sensitiveColumns == null ? List.of() : sensitiveColumns;
    }

    public boolean allowsEveryTable() {
        return allowedTables.contains("*");
    }

    public SqlAccess withAllowedTables(List<String> tables) {
        return new SqlAccess(tables, allowedOperations, allowedSchemas, allowedFunctions(), sensitiveColumns());
    }

    public SqlAccess withAllowedOperations(List<String> operations) {
        return new SqlAccess(allowedTables, operations, allowedSchemas, allowedFunctions(), sensitiveColumns());
    }

    public SqlAccess withAllowedSchemas(List<String> schemas) {
        return new SqlAccess(allowedTables, allowedOperations, schemas, allowedFunctions(), sensitiveColumns());
    }

    public SqlAccess withAllowedFunctions(List<String> functions) {
        return new SqlAccess(allowedTables, allowedOperations, allowedSchemas, functions, sensitiveColumns());
    }

    public SqlAccess withSensitiveColumns(List<String> columns) {
        return new SqlAccess(allowedTables, allowedOperations, allowedSchemas, allowedFunctions(), columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlAccess s && allowedTables.equals(s.allowedTables) && allowedOperations.equals(s.allowedOperations)
                && allowedSchemas.equals(s.allowedSchemas) && allowedFunctions().equals(s.allowedFunctions())
                && sensitiveColumns().equals(s.sensitiveColumns());
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowedTables, allowedOperations, allowedSchemas, allowedFunctions(), sensitiveColumns());
    }

    @Override
    public String toString() {
        return "SqlAccess[tables=" + allowedTables + ", operations=" + allowedOperations + ", schemas=" + allowedSchemas
                + ", functions=" + allowedFunctions() + ", sensitive=" + sensitiveColumns() + "]";
    }
}
