package dev.fluxbase.ai.knowledge.tables.entity;

/** A table as the API names it: schema and name exactly as in the catalog, without quotes. */
public record TableName(String schema, String table) {

    public String qualified() {
        return schema + "." + table;
    }

    /** The source of the table's export document: a re-export finds and replaces the document by it. */
    public String documentSource() {
        return "table:" + qualified();
    }

    /** The name as SQL reads it, each part quoted. */
    public String sql() {
        return quote(schema) + "." + quote(table);
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
