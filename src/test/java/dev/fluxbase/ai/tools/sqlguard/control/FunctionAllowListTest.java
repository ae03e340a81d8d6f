package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sqlguard.entity.FunctionRef;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Functions by allow-list, casts by allow-list, and nothing that reads the catalog or the server. */
class FunctionAllowListTest {

    static final SqlGuard GUARD = new SqlGuard();
    static final SqlPolicy READER = new SqlPolicy(Set.of("SELECT"), List.of("*"), List.of("public", "reporting"),
            List.of("reporting.top_customers", "order_total"));
    static final SqlPolicy WRITER = new SqlPolicy(Set.of("SELECT", "INSERT"), List.of("*"), List.of("public"));

    @AfterAll
    static void stopWatchdog() {
        GUARD.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT lower(name), length(name), regexp_replace(name, 'a', 'b'), repeat('x', 3), format('%s', id) FROM t",
            "SELECT round(avg(x), 2), sum(x), count(*), stddev(x), percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM t",
            "SELECT date_trunc('day', at), age(now(), at), extract(epoch FROM at), make_date(2024, 1, 1), to_char(at, 'YYYY') FROM t",
            "SELECT jsonb_build_object('a', 1), d->>'k', jsonb_array_elements(d), to_jsonb(t) FROM t",
            "SELECT array_agg(x ORDER BY x), unnest(ARRAY[1,2]), array_length(ARRAY[1], 1), cardinality(ARRAY[1]) FROM t",
            "SELECT lower(int4range(1, 5)), upper_inf(daterange('2024-01-01', NULL)) FROM t",
            "SELECT row_number() OVER (ORDER BY x), lag(x) OVER (ORDER BY x), ntile(4) OVER (ORDER BY x) FROM t",
            "SELECT ts_rank(to_tsvector('english', body), plainto_tsquery('english', 'cat')) FROM t",
            "SELECT l2_distance(e, '[1,2,3]'::vector), cosine_distance(e, '[1,2,3]'), vector_dims(e), e <-> '[1,2,3]' FROM t",
            "SELECT coalesce(a, b), nullif(a, 0), greatest(a, b), least(a, b), substring(s FROM 1 FOR 2), position('a' IN s) FROM t",
            "SELECT * FROM generate_series(1, 10) g",
            "SELECT a, sum(x) FROM t GROUP BY ROLLUP (a)",
            "SELECT pg_catalog.lower('A'), pg_catalog.now()",
            "SELECT reporting.top_customers(5), order_total(1), public.order_total(2)",
            "SELECT x::int, y::numeric(10,2), z::timestamp(3) with time zone, w::text[], v::jsonb, u::uuid, s::character varying(5)",
            "SELECT * FROM json_to_record('{\"a\": 1}') AS r(a int, b text)",
            "SELECT current_user, current_date, current_timestamp",
            "SELECT date(at), text(id), int8(id) FROM t"})
    void legitimateCallsPass(String sql) {
        SqlVerdict verdict = GUARD.check(sql, READER);
        assertThat(verdict.reason()).as(sql).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM some_rpc()|Function not allowed: some_rpc",
            "SELECT public.some_rpc()|Function not allowed: public.some_rpc",
            "SELECT hr.order_total(1)|Function not allowed: hr.order_total",
            "SELECT public.top_customers(5)|Function not allowed: public.top_customers",
            "SELECT hr.top_customers(5)|Function not allowed: hr.top_customers",
            "SELECT \"coalesce\"(a, 1) FROM t|Function not allowed: coalesce",
            "SELECT rollup(1)|Function not allowed: rollup",
            "SELECT version()|Function not allowed: version",
            "SELECT inet_server_addr(), inet_server_port()|Function not allowed: inet_server_addr",
            "SELECT current_setting('data_directory')|Function not allowed: current_setting",
            "SELECT * FROM pg_show_all_settings()|Function not allowed: pg_show_all_settings",
            "SELECT pg_get_functiondef(1)|Function not allowed: pg_get_functiondef",
            "SELECT pg_get_viewdef('x')|Function not allowed: pg_get_viewdef",
            "SELECT pg_stat_get_live_tuples(16384)|Function not allowed: pg_stat_get_live_tuples",
            "SELECT pg_catalog.pg_stat_get_numscans(1)|Function not allowed: pg_catalog.pg_stat_get_numscans",
            "SELECT obj_description(1)|Function not allowed: obj_description",
            "SELECT has_table_privilege('t', 'select')|Function not allowed: has_table_privilege",
            "SELECT to_regclass('ai.providers')|Function not allowed: to_regclass",
            "SELECT current_database()|Function not allowed: current_database",
            "SELECT current_schemas(true)|Function not allowed: current_schemas",
            "SELECT txid_current()|Function not allowed: txid_current",
            "SELECT pg_backend_pid()|Function not allowed: pg_backend_pid",
            "SELECT nextval('t_id_seq')|Function not allowed: nextval",
            "SELECT setval('t_id_seq', 1)|Function not allowed: setval",
            "SELECT dblink_connect('x')|Function not allowed: dblink_connect",
            "SELECT http_get('http://x')|Function not allowed: http_get",
            "SELECT pg_background_launch('x')|Function not allowed: pg_background_launch",
            "SELECT lo_get(1)|Function not allowed: lo_get",
            "SELECT * FROM xpath_table('a', 'b', 'c', 'd', 'e') AS x(a int)|Function not allowed: xpath_table",
            "SELECT query_to_xml('SELECT 1', true, true, '')|Function not allowed: query_to_xml",
            "SELECT pg_read_binary_file('x')|Function not allowed: pg_read_binary_file",
            "SELECT set_config('role', 'x', true)|Function not allowed: set_config",
            "SELECT pg_try_advisory_lock(1)|Function not allowed: pg_try_advisory_lock",
            "SELECT pg_sleep_until(now())|Function not allowed: pg_sleep_until",
            "SELECT pg_notify('c', 'x')|Function not allowed: pg_notify",
            "SELECT ts_stat('SELECT 1')|Function not allowed: ts_stat",
            "SELECT 'ai.providers'::regclass|Cast not allowed: regclass",
            "SELECT g::regclass::text FROM generate_series(16384, 200000) g|Cast not allowed: regclass",
            "SELECT CAST(1 AS pg_catalog.regproc)|Cast not allowed: pg_catalog.regproc",
            "SELECT x::\"regclass\"[] FROM t|Cast not allowed: regclass",
            "SELECT 1::regtype, 1::regrole, 1::regnamespace|Cast not allowed: regtype",
            "SELECT 'english'::regconfig|Cast not allowed: regconfig",
            "SELECT 'x'::oid|Cast not allowed: oid",
            "SELECT '<a/>'::xml|Cast not allowed: xml",
            "SELECT x::public.mytype FROM t|Cast not allowed: public.mytype",
            "SELECT x::public.vector FROM t|Cast not allowed: public.vector",
            "SELECT * FROM json_to_record('{}') AS r(a regclass)|Cast not allowed: regclass",
            "SELECT regclass 'pg_authid'|SQL could not be parsed: a type name before a string literal",
            "SELECT session_user|Function not allowed: session_user",
            "SELECT current_catalog|Function not allowed: current_catalog",
            "SELECT system_user|Function not allowed: system_user",
            "SELECT current_schema|Function not allowed: current_schema"})
    void everythingElseIsRefused(String sql, String reason) {
        SqlVerdict verdict = GUARD.check(sql, READER);
        assertThat(verdict.allowed()).as(sql).isFalse();
        assertThat(verdict.reason()).as(sql).startsWith(reason);
    }

    @Test
    void sequencesOnlyForChatbotsThatWrite() {
        assertThat(GUARD.check("INSERT INTO t (id) VALUES (nextval('t_id_seq'))", WRITER).reason()).isNull();
        assertThat(GUARD.check("SELECT currval('t_id_seq')", WRITER).reason()).isNull();
        assertThat(GUARD.check("SELECT setval('t_id_seq', 1)", WRITER).reason()).isEqualTo("Function not allowed: setval");
    }

    @Test
    void theVerdictListsTheCallsTheDatabaseMustConfirm() {
        SqlVerdict verdict = GUARD.check("SELECT lower(a), pg_catalog.upper(a), reporting.top_customers(1), lower(b), "
                + "coalesce(a, b) FROM t", READER);
        assertThat(verdict.functions()).containsExactly(new FunctionRef(null, "lower"), new FunctionRef("pg_catalog", "upper"),
                new FunctionRef("reporting", "top_customers"));
    }
}
