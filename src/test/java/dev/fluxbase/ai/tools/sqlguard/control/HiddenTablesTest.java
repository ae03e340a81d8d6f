package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every place a relation can hide, for a chatbot that may do anything to table {@code t} and nothing else: each
 * statement reaches one other table {@code sN}, which must be found. JSqlParser's own {@code TablesNamesFinder}
 * misses {@code s20} (a sub-query in an aggregate's ORDER BY), {@code s31}-{@code s33} (it ignores CTE names
 * throughout the statement, so a CTE can shadow the table it reads) and {@code s34}-{@code s35} (PostgreSQL's
 * {@code TABLE x} syntax, which JSqlParser misreads).
 */
class HiddenTablesTest {

    static final SqlGuard GUARD = new SqlGuard();
    /** Allows the function f, so that the refusal always names the hidden table. */
    static final SqlPolicy ONLY_T = new SqlPolicy(Set.of("SELECT", "INSERT", "UPDATE", "DELETE"), List.of("t"), List.of("public"), List.of("f"));
    static final Pattern SECRET = Pattern.compile("\\bs\\d+\\b");

    @AfterAll
    static void stopWatchdog() {
        GUARD.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT CASE WHEN true THEN (SELECT pw FROM s1) END",
        "SELECT coalesce((SELECT count(*) FROM s2), 0)",
        "SELECT (SELECT pw FROM s3 LIMIT 1)::text",
        "SELECT CAST((SELECT 1 FROM s4) AS text)",
        "SELECT ARRAY(SELECT x FROM s5)",
        "SELECT ROW((SELECT 1 FROM s6))",
        "SELECT upper((SELECT x FROM s7))",
        "UPDATE t SET x = (SELECT count(*) FROM s8)",
        "DELETE FROM t USING s9 WHERE s9.id = t.id",
        "INSERT INTO t SELECT * FROM s10",
        "SELECT * FROM t o, LATERAL (SELECT * FROM s11) x",
        "SELECT * FROM t WHERE id IN (SELECT x FROM s12)",
        "SELECT * FROM t WHERE EXISTS (SELECT 1 FROM s13)",
        "SELECT sum(x) OVER w FROM t WINDOW w AS (PARTITION BY (SELECT 1 FROM s14))",
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM s15)) FROM t",
        "SELECT * FROM t LIMIT (SELECT count(*) FROM s16)",
        "SELECT * FROM generate_series(1, (SELECT count(*) FROM s17)::int)",
        "SELECT x FROM (VALUES ((SELECT 1 FROM s18))) v(x)",
        "SELECT * FROM t ORDER BY (SELECT 1 FROM s19)",
        "SELECT jsonb_agg(x ORDER BY (SELECT 1 FROM s20)) FROM t",
        "SELECT * FROM t WHERE x = ANY (SELECT 1 FROM s21)",
        "UPDATE t SET x = 1 FROM s22",
        "WITH x AS (DELETE FROM s23 RETURNING *) SELECT * FROM x",
        "INSERT INTO t VALUES ((SELECT 1 FROM s24))",
        "INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET x = (SELECT 1 FROM s25)",
        "SELECT * FROM t WHERE x BETWEEN (SELECT 1 FROM s26) AND 2",
        "SELECT EXTRACT(year FROM (SELECT now() FROM s27))",
        "SELECT * FROM t GROUP BY id HAVING (SELECT count(*) FROM s28) > 0",
        "SELECT * FROM ROWS FROM (f((SELECT 1 FROM s29)))",
        "SELECT * FROM t WHERE (SELECT 1 FROM s30) IS NULL",
        "WITH s31 AS (SELECT * FROM s31) SELECT * FROM s31",
        "WITH a AS (SELECT * FROM s32), s32 AS (SELECT 1) SELECT * FROM a",
        "SELECT * FROM s33, (WITH s33 AS (SELECT 1) SELECT * FROM s33) y",
        "SELECT * FROM (TABLE s34) x",
        "SELECT * FROM t WHERE x = ALL (TABLE s35)",
        "SELECT json_object('a' VALUE (SELECT 1 FROM s36))",
        "SELECT * FROM t WHERE x = (SELECT 1 FROM s37) OR y = 1",
        "SELECT * FROM t WHERE x IS DISTINCT FROM (SELECT 1 FROM s38)",
        "SELECT * FROM t WHERE x LIKE (SELECT 'a' FROM s39)",
        "SELECT (SELECT 1 FROM s40) AT TIME ZONE 'UTC'",
        "SELECT (SELECT 1 FROM s41) COLLATE \"C\"",
        "SELECT * FROM t WHERE x ~ (SELECT 'a' FROM s42)",
        "SELECT make_interval(days => (SELECT 1 FROM s43))",
        "SELECT JSON_VALUE((SELECT '{}' FROM s45), '$.a')",
        "SELECT CASE (SELECT 1 FROM s46) WHEN 1 THEN 2 END",
        "SELECT * FROM t WHERE (x, y) IN (SELECT 1, 2 FROM s47)",
        "SELECT -(SELECT 1 FROM s48)",
        "SELECT NOT (SELECT true FROM s49)",
        "SELECT (SELECT ARRAY[1] FROM s50)[1]"})
    void findsTheOtherTable(String sql) {
        Matcher secret = SECRET.matcher(sql);
        assertThat(secret.find()).isTrue();
        SqlVerdict verdict = GUARD.check(sql, ONLY_T);
        assertThat(verdict.allowed()).as(sql).isFalse();
        assertThat(verdict.reason()).isIn("Table not allowed: " + secret.group(), "SQL could not be parsed: unexpected key word TABLE",
                "Unsupported SQL construct: TABLE argument");
    }
}
