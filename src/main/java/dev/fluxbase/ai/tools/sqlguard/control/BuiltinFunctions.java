package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The functions every chatbot may call: PostgreSQL's own ({@code pg_catalog}) in families that compute a value
 * from their arguments and nothing else, plus pgvector's. Everything else is refused unless a chatbot names it
 * ({@code @fluxbase:allowed-functions}): functions that read the catalog, the server's settings, files or
 * statistics, that sleep, lock, signal or change state, and every function of an extension or of the database's
 * own schemas. A name on this list is only trusted once the database confirms that every function it can reach
 * by that name is the built-in one ({@code FunctionCatalog} with {@link ReachableFunctions}).
 */
final class BuiltinFunctions {

    private static final List<String> STRING = List.of(
            "ascii", "bit_length", "btrim", "casefold", "char_length", "character_length", "chr", "concat", "concat_ws",
            "convert", "convert_from", "convert_to", "crc32", "crc32c", "decode", "encode", "format", "get_bit", "get_byte",
            "initcap", "is_normalized", "left", "length", "lower", "lpad", "ltrim", "md5", "octet_length", "parse_ident",
            "quote_ident", "quote_literal", "quote_nullable", "regexp_count", "regexp_instr", "regexp_like", "regexp_match",
            "regexp_matches", "regexp_replace", "regexp_split_to_array", "regexp_split_to_table", "regexp_substr", "repeat",
            "replace", "reverse", "right", "rpad", "rtrim", "set_bit", "set_byte", "sha224", "sha256", "sha384", "sha512",
            "split_part", "starts_with", "string_to_array", "string_to_table", "strpos", "substr", "to_ascii", "to_bin",
            "to_hex", "to_oct", "translate", "unicode_assigned", "unistr", "upper", "bit_count");

    private static final List<String> MATH = List.of(
            "abs", "acos", "acosd", "acosh", "asin", "asind", "asinh", "atan", "atan2", "atan2d", "atand", "atanh", "cbrt",
            "ceil", "ceiling", "cos", "cosd", "cosh", "cot", "cotd", "degrees", "div", "erf", "erfc", "exp", "factorial",
            "floor", "gamma", "gcd", "lcm", "lgamma", "ln", "log", "log10", "min_scale", "mod", "pi", "pow", "power",
            "radians", "random", "random_normal", "round", "scale", "sign", "sin", "sind", "sinh", "sqrt", "tan", "tand",
            "tanh", "trim_scale", "trunc", "width_bucket");

    private static final List<String> DATE_TIME = List.of(
            "age", "clock_timestamp", "date_add", "date_bin", "date_part", "date_subtract", "date_trunc", "isfinite",
            "justify_days", "justify_hours", "justify_interval", "make_date", "make_interval", "make_time", "make_timestamp",
            "make_timestamptz", "now", "statement_timestamp", "timeofday", "timezone", "to_char", "to_date", "to_number",
            "to_timestamp", "transaction_timestamp");

    private static final List<String> JSON = List.of(
            "array_to_json", "json_array_elements", "json_array_elements_text", "json_array_length", "json_build_array",
            "json_build_object", "json_each", "json_each_text", "json_extract_path", "json_extract_path_text", "json_object",
            "json_object_keys", "json_populate_record", "json_populate_recordset", "json_strip_nulls", "json_to_record",
            "json_to_recordset", "json_typeof", "jsonb_array_elements", "jsonb_array_elements_text", "jsonb_array_length",
            "jsonb_build_array", "jsonb_build_object", "jsonb_each", "jsonb_each_text", "jsonb_extract_path",
            "jsonb_extract_path_text", "jsonb_insert", "jsonb_object", "jsonb_object_keys", "jsonb_path_exists",
            "jsonb_path_exists_tz", "jsonb_path_match", "jsonb_path_match_tz", "jsonb_path_query", "jsonb_path_query_array",
            "jsonb_path_query_array_tz", "jsonb_path_query_first", "jsonb_path_query_first_tz", "jsonb_path_query_tz",
            "jsonb_populate_record", "jsonb_populate_record_valid", "jsonb_populate_recordset", "jsonb_pretty", "jsonb_set",
            "jsonb_set_lax", "jsonb_strip_nulls", "jsonb_to_record", "jsonb_to_recordset", "jsonb_typeof", "row_to_json",
            "to_json", "to_jsonb");

    private static final List<String> ARRAY = List.of(
            "array_append", "array_cat", "array_dims", "array_fill", "array_length", "array_lower", "array_ndims",
            "array_position", "array_positions", "array_prepend", "array_remove", "array_replace", "array_reverse",
            "array_sample", "array_shuffle", "array_sort", "array_to_string", "array_upper", "cardinality",
            "generate_subscripts", "trim_array", "unnest");

    private static final List<String> RANGE = List.of(
            "daterange", "datemultirange", "int4multirange", "int4range", "int8multirange", "int8range", "isempty", "lower_inc",
            "lower_inf", "multirange", "nummultirange", "numrange", "range_merge", "tsmultirange", "tsrange", "tstzmultirange",
            "tstzrange", "upper_inc", "upper_inf");

    private static final List<String> AGGREGATE = List.of(
            "any_value", "array_agg", "avg", "bit_and", "bit_or", "bit_xor", "bool_and", "bool_or", "corr", "count",
            "covar_pop", "covar_samp", "every", "json_agg", "json_agg_strict", "json_object_agg", "json_object_agg_strict",
            "json_object_agg_unique", "json_object_agg_unique_strict", "jsonb_agg", "jsonb_agg_strict", "jsonb_object_agg",
            "jsonb_object_agg_strict", "jsonb_object_agg_unique", "jsonb_object_agg_unique_strict", "max", "min", "mode",
            "percentile_cont", "percentile_disc", "range_agg", "range_intersect_agg", "regr_avgx", "regr_avgy",
            "regr_count", "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "stddev",
            "stddev_pop", "stddev_samp", "string_agg", "sum", "var_pop", "var_samp", "variance");

    private static final List<String> WINDOW = List.of(
            "cume_dist", "dense_rank", "first_value", "lag", "last_value", "lead", "nth_value", "ntile", "percent_rank",
            "rank", "row_number");

    private static final List<String> TEXT_SEARCH = List.of(
            "array_to_tsvector", "numnode", "phraseto_tsquery", "plainto_tsquery", "querytree", "setweight", "strip",
            "to_tsquery", "to_tsvector", "ts_delete", "ts_filter", "ts_headline", "ts_rank", "ts_rank_cd", "tsquery_phrase",
            "tsvector_to_array", "websearch_to_tsquery");

    /** pgvector's distance and vector functions; they live in the schema the extension was created in. */
    private static final List<String> PGVECTOR = List.of(
            "binary_quantize", "cosine_distance", "halfvec", "hamming_distance", "inner_product", "jaccard_distance",
            "l1_distance", "l2_distance", "l2_norm", "l2_normalize", "sparsevec", "subvector", "vector", "vector_dims",
            "vector_norm");

    /** Conversions written as function calls ({@code date(placed_at)}), and values with no inputs but chance. */
    private static final List<String> CONVERSION_AND_MISC = List.of(
            "bool", "bpchar", "date", "float4", "float8", "gen_random_uuid", "int2", "int4", "int8", "interval", "num_nonnulls",
            "num_nulls", "numeric", "text", "time", "timestamp", "timestamptz", "timetz", "uuidv4", "uuidv7", "varchar",
            "generate_series", "pg_size_bytes", "pg_size_pretty");

    /** Sequences change state: only chatbots that may write get them, and setval never. */
    private static final Set<String> SEQUENCE_READERS = Set.of("nextval", "currval");

    /**
     * Constructs PostgreSQL's grammar turns into calls of {@code pg_catalog} functions (or into no function at all)
     * whatever the search path, and which JSqlParser reports as function calls when written without quotes.
     */
    private static final Set<String> SYNTAX = Set.of(
            "all", "any", "array", "coalesce", "current_time", "current_timestamp", "extract", "greatest", "grouping", "least",
            "localtime", "localtimestamp", "normalize", "nullif", "overlay", "position", "row", "some", "substring", "trim");

    private static final Set<String> ALLOWED = new HashSet<>();

    static {
        List.of(STRING, MATH, DATE_TIME, JSON, ARRAY, RANGE, AGGREGATE, WINDOW, TEXT_SEARCH, PGVECTOR, CONVERSION_AND_MISC)
                .forEach(ALLOWED::addAll);
    }

    private BuiltinFunctions() {
    }

    /** Whether a function of this (normalized) name may be called, if the database confirms it is the built-in one. */
    static boolean allows(String name, boolean readOnly) {
        return ALLOWED.contains(name) || !readOnly && SEQUENCE_READERS.contains(name);
    }

    /** Whether {@code raw}, as JSqlParser returns a one-part function name, is grammar rather than a function call. */
    static boolean isSyntax(String raw) {
        return !raw.startsWith("\"") && SYNTAX.contains(raw.toLowerCase(Locale.ROOT));
    }
}
