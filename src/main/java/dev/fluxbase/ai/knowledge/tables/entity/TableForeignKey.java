package dev.fluxbase.ai.knowledge.tables.entity;

/**
 * The SDK's {@code TableForeignKey}: one column of a foreign-key constraint (a constraint over two columns is
 * two of these, with the same name). The actions read as SQL writes them: {@code NO ACTION}, {@code CASCADE}, ...
 */
public record TableForeignKey(String name, String columnName, String referencedSchema, String referencedTable,
        String referencedColumn, String onDelete, String onUpdate) {

    public TableName referenced() {
        return new TableName(referencedSchema, referencedTable);
    }
}
