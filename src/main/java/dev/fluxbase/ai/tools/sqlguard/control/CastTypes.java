package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The types a value may be cast to (or a column of a record be declared as): the plain data types. Every other type
 * is refused, above all the {@code reg*} types, whose casts are catalog look-ups ({@code 'ai.providers'::regclass},
 * {@code g::regclass::text} lists every relation), and types of extensions or of the database's own schemas, whose
 * input functions could be anything. pgvector's types are allowed unqualified, found through the search path.
 */
final class CastTypes {

    private static final Set<String> ALLOWED = Set.of(
            "bool", "boolean", "smallint", "int2", "integer", "int", "int4", "bigint", "int8", "real", "float4",
            "double precision", "float8", "float", "numeric", "decimal", "money",
            "text", "varchar", "character varying", "char", "character", "bpchar", "name",
            "date", "time", "timetz", "time with time zone", "time without time zone", "timestamp", "timestamptz",
            "timestamp with time zone", "timestamp without time zone", "interval",
            "json", "jsonb", "jsonpath", "uuid", "bytea", "inet", "cidr", "macaddr", "macaddr8", "bit", "varbit", "bit varying",
            "tsvector", "tsquery",
            "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
            "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
            "vector", "halfvec", "sparsevec");

    /** pgvector's types live in the extension's schema, so only these may be written without pg_catalog's protection. */
    private static final Set<String> EXTENSION_TYPES = Set.of("vector", "halfvec", "sparsevec");

    private static final String CATALOG = "pg_catalog";
    private static final Pattern MODIFIERS = Pattern.compile("\\([^)]*\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CastTypes() {
    }

    /** @param dataType the type as JSqlParser read it: {@code pg_catalog.int4}, {@code "regclass"}, {@code character varying} */
    static void check(String dataType) {
        List<String> parts = SqlNames.parse(withoutModifiers(dataType));
        String name = parts.get(parts.size() - 1);
        boolean qualifiedBuiltin = parts.size() == 2 && CATALOG.equals(parts.get(0)) && !EXTENSION_TYPES.contains(name);
        if (!ALLOWED.contains(typeName(name)) || parts.size() > 2 || parts.size() == 2 && !qualifiedBuiltin) {
            throw Refusal.cast(SqlNames.display(parts));
        }
    }

    /** {@code numeric (10, 2)} and {@code timestamp(3) with time zone} name numeric and timestamp with time zone. */
    private static String withoutModifiers(String dataType) {
        return SPACES.matcher(MODIFIERS.matcher(dataType).replaceAll(" ").strip()).replaceAll(" ");
    }

    /** {@code interval year to month} and {@code interval(3)} are intervals; array brackets are not part of the name. */
    private static String typeName(String name) {
        String base = name.toLowerCase(Locale.ROOT).equals(name) ? name : "";
        return base.startsWith("interval ") ? "interval" : base;
    }
}
