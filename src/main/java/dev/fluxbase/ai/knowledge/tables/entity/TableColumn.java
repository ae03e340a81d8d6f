package dev.fluxbase.ai.knowledge.tables.entity;

/**
 * The SDK's {@code TableColumn}. {@code dataType} is PostgreSQL's name of the type without its modifier
 * ({@code character varying}, {@code numeric}, {@code text[]}); {@code maxLength} is the length of a
 * {@code varchar(n)} or {@code char(n)}; {@code unique}: the column alone has a unique index besides the primary key.
 */
public record TableColumn(String name, String dataType, boolean nullable, String defaultValue, boolean primaryKey,
        boolean foreignKey, boolean unique, Integer maxLength, int position, String description) {
}
