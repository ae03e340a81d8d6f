package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Inputs at the limits: very long, deeply nested, slow to parse, checked from many threads at once. */
class SqlGuardRobustnessTest {

    static final SqlPolicy READ_PUBLIC = SqlPolicy.selectOnly(List.of("*"), List.of("public"));

    @Test
    void lengthLimit() {
        SqlGuard guard = new SqlGuard();
        String atLimit = padded("SELECT 1", SqlGuard.MAX_LENGTH);
        assertThat(guard.check(atLimit, READ_PUBLIC).allowed()).isTrue();
        assertThat(guard.check(atLimit + " ", READ_PUBLIC).reason()).isEqualTo("SQL too long (more than 20000 characters)");
        guard.close();
    }

    @Test
    void longFlatChainsNeedNoDeepStack() {
        SqlGuard guard = new SqlGuard();
        String ors = "SELECT * FROM orders WHERE " + "id = 1 OR ".repeat(1500) + "id = 2";
        String sums = "SELECT " + "total + ".repeat(2000) + "1 FROM orders";
        assertThat(guard.check(ors, READ_PUBLIC).allowed()).isTrue();
        assertThat(guard.check(sums, READ_PUBLIC).allowed()).isTrue();
        assertThat(guard.check(ors + " OR id IN (SELECT oid FROM pg_class)", READ_PUBLIC).reason()).isEqualTo("Table not allowed: pg_class");
        guard.close();
    }

    @Test
    void aParseThatOutlivesTheTimeoutIsRefused() {
        SqlGuard impatient = new SqlGuard(Duration.ofNanos(1));
        String slow = "SELECT * FROM orders WHERE id IN (" + "1, ".repeat(6000) + "2)"; // JSqlParser needs tens of milliseconds
        assertThat(impatient.check(slow, READ_PUBLIC).reason()).isEqualTo("SQL could not be parsed: the statement took too long to parse");
        impatient.close();
    }

    @Test
    void oneGuardServesManyThreads() throws Exception {
        SqlGuard guard = new SqlGuard();
        List<String> statements = List.of("SELECT * FROM orders", "SELECT * FROM pg_shadow", "DELETE FROM orders",
                "WITH x AS (SELECT * FROM items) SELECT count(*) FROM x", "SELECT pg_sleep(1)");
        List<SqlVerdict> expected = statements.stream().map(sql -> guard.check(sql, READ_PUBLIC)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = IntStream.range(0, 400)
                    .mapToObj(i -> threads.submit(() -> guard.check(statements.get(i % 5), READ_PUBLIC).equals(expected.get(i % 5))))
                    .toList();
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
            guard.close();
        }
    }

    private static String padded(String sql, int length) {
        return sql + " ".repeat(length - sql.length());
    }
}
