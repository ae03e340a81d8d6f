package dev.fluxbase.bench;

import dev.fluxbase.ai.tools.sqlguard.control.SqlGuard;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded throughput of {@link SqlGuard#check} over a mix of statements an LLM typically writes. One
 * operation is one check; the mix is cycled so that every statement is measured equally often. Two baselines
 * put the number in context: JSqlParser's own {@code CCJSqlParserUtil.parse}, which starts a thread per call to
 * enforce its time-out, and a bare JSqlParser parse in the calling thread, the floor the guard builds on.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Thread)
public class SqlGuardBenchmark {

    static final List<String> MIX = List.of(
            "SELECT id, name, email FROM customers WHERE id = 42",
            "SELECT o.id, c.name, o.total FROM orders o JOIN customers c ON c.id = o.customer_id "
                    + "WHERE o.created_at > now() - interval '7 days' AND o.status = 'paid' ORDER BY o.total DESC LIMIT 10",
            "WITH monthly AS (SELECT customer_id, date_trunc('month', created_at) AS month, sum(total) AS revenue FROM orders "
                    + "GROUP BY 1, 2) SELECT month, avg(revenue) FROM monthly GROUP BY month ORDER BY month",
            "SELECT status, count(*) AS orders, round(avg(total), 2) AS average FROM orders GROUP BY status HAVING count(*) > 5",
            "SELECT p.name, sum(i.quantity) FROM order_items i JOIN products p ON p.id = i.product_id "
                    + "WHERE i.order_id IN (SELECT id FROM orders WHERE created_at >= '2024-01-01') GROUP BY p.name ORDER BY 2 DESC LIMIT 5",
            "SELECT id, title FROM documents ORDER BY embedding <=> '[0.1,0.2,0.3]'::vector LIMIT 5",
            "SELECT name, data->>'city' AS city FROM customers WHERE data @> '{\"vip\": true}' AND name ILIKE '%smith%'",
            "SELECT customer_id, total, rank() OVER (PARTITION BY customer_id ORDER BY total DESC) FROM orders",
            "DELETE FROM orders WHERE created_at < now() - interval '1 year'",
            "SELECT usename, passwd FROM pg_catalog.pg_shadow");

    SqlGuard guard;
    SqlPolicy policy;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        CCJSqlParserUtil.LOGGER.setLevel(java.util.logging.Level.WARNING); // it logs every parse at INFO
        guard = new SqlGuard();
        policy = SqlPolicy.selectOnly(List.of("*"), List.of("public"));
        for (String sql : MIX) {
            SqlVerdict verdict = guard.check(sql, policy);
            boolean shouldPass = !sql.startsWith("DELETE") && !sql.contains("pg_shadow");
            if (verdict.allowed() != shouldPass) {
                throw new IllegalStateException("Unexpected verdict " + verdict + " for " + sql);
            }
        }
    }

    @Benchmark
    public SqlVerdict check() {
        return guard.check(nextSql(), policy);
    }

    @Benchmark
    public Statement baselineParseWithCcjSqlParserUtil() throws JSQLParserException {
        return CCJSqlParserUtil.parse(nextSql());
    }

    @Benchmark
    public Statements baselineParseInCallingThread() throws ParseException {
        return CCJSqlParserUtil.newParser(nextSql()).Statements();
    }

    private String nextSql() {
        String sql = MIX.get(next);
        next = (next + 1) % MIX.size();
        return sql;
    }
}
