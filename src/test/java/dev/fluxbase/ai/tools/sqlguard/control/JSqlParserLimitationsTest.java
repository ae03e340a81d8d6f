package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Valid, harmless PostgreSQL that the guard refuses anyway, because JSqlParser 5.4 cannot parse it or the guard
 * cannot be sure PostgreSQL and JSqlParser read it alike. Kept as a list so that a JSqlParser upgrade, or a
 * deliberate loosening, shows up here. The LLM gets the reason and can usually rephrase.
 */
class JSqlParserLimitationsTest {

    static final SqlGuard GUARD = new SqlGuard();
    static final SqlPolicy READ_PUBLIC = SqlPolicy.selectOnly(List.of("*"), List.of("public"));

    @AfterAll
    static void stopWatchdog() {
        GUARD.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // JSqlParser 5.4 cannot parse these
        "SELECT (x).* FROM (SELECT ROW(1, 2) AS x) s",
        "SELECT |/ 16, @ -5",
        "SELECT data @? '$.a' FROM profiles",
        "SELECT * FROM orders GROUP BY DISTINCT status",
        "SELECT * FROM orders ORDER BY total USING <",
        "SELECT COLLATION FOR (name) FROM customers",
        "SELECT name IS NORMALIZED FROM customers",
        "SELECT * FROM orders WINDOW w AS (PARTITION BY status), w2 AS (w ORDER BY total)",
        "SELECT SUBSTRING('abc' SIMILAR 'a%' ESCAPE '#')",
        "SELECT * FROM orders*",
        "SELECT * FROM orders WHERE EXISTS (TABLE items)",
        "UPDATE ONLY orders SET total = 1",
        "DELETE FROM ONLY orders WHERE id = 1",
        "DELETE FROM orders WHERE CURRENT OF c",
        // JSqlParser parses these, into nodes the guard does not trust
        "SELECT xmlelement(name foo, 'bar')",
        "SELECT * FROM XMLTABLE('/r' PASSING '<r/>' COLUMNS a int)",
        "SELECT * FROM (TABLE orders) o",
        // the guard refuses literals PostgreSQL and JSqlParser could delimit differently
        "SELECT $$it's$$",
        "SELECT * FROM customers WHERE name LIKE 'a\\_%' ESCAPE '\\'",
        "SELECT E'It\\'s'",
        "SELECT U&'d\\0061t\\+000061'"})
    void refusedAlthoughHarmless(String sql) {
        SqlVerdict verdict = GUARD.check(sql, READ_PUBLIC);
        assertThat(verdict.allowed()).as(sql).isFalse();
        assertThat(verdict.reason()).matches("SQL could not be parsed: .*|Unsupported SQL construct: .*");
    }
}
