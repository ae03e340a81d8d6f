package dev.fluxbase.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenarios of issue #17 that look like the product: the SQL chatbot (execute_sql offered, its tables'
 * description in every turn's prompt) in closed loops of 1, 50 and 200 chats, with distinct users and
 * with one shared user, on the small catalog and on one with 2,000 more tables. Each is measured against
 * the direct baseline at the same concurrency in the same run; at the end, every #17 target with its
 * measured value.
 */
final class SqlScenarios {

    static final String CHATBOT = "bench-sql-bot";
    static final String WIDE = "sql-1-wide";

    /** One scenario: how many chats, whether they share one user, and what it shows. */
    private record Scenario(String name, int chats, boolean sharedUser, String title) {
    }

    /** In the order they run: the 2,000 tables are added before {@code sql-1-wide} and stay for the rest. */
    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("sql-1", 1, false, "1 chat"),
            new Scenario(WIDE, 1, false, "1 chat, after adding the noise tables"),
            new Scenario("sql-50", 50, false, "50 chats, distinct users"),
            new Scenario("sql-50-shared", 50, true, "50 chats, all the same user"),
            new Scenario("sql-200", 200, false, "200 chats, distinct users"));

    /** What one scenario measured. */
    private record Outcome(Scenario scenario, Load.Run direct, Load.Run server, ResourceMeter meter, long tables) {
        double ratio() {
            return server.turnsPerSecond() / direct.turnsPerSecond();
        }

        double addedFirstToken(double percentile) {
            return server.recorder().firstDelta.percentileMillis(percentile) - direct.recorder().firstDelta.percentileMillis(percentile);
        }

        double addedPerDelta(double percentile) {
            return server.recorder().deltaLatency.percentileMillis(percentile) - direct.recorder().deltaLatency.percentileMillis(percentile);
        }

        long errors(String code) {
            AtomicLong count = server.recorder().errors.get(code);
            return count == null ? 0 : count.get();
        }

        long turns() {
            return server.recorder().turns.get();
        }
    }

    private final SqlBench bench;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    SqlScenarios(SqlBench bench) {
        this.bench = bench;
    }

    /** {@code --scenarios sql} selects them all; {@code sql-50} and so on one each. */
    static boolean selected(Set<String> scenarios, String name) {
        return scenarios.contains("sql") || scenarios.contains(name);
    }

    static boolean anySelected(Set<String> scenarios) {
        return SCENARIOS.stream().anyMatch(s -> selected(scenarios, s.name()));
    }

    /** The most chats of a selected scenario, for the JIT warm-up. */
    static int mostChats(Set<String> scenarios) {
        return SCENARIOS.stream().filter(s -> selected(scenarios, s.name())).mapToInt(Scenario::chats).max().orElse(0);
    }

    void run(double bootSeconds) throws Exception {
        bench.line("## SQL chatbot (`" + CHATBOT + "`, execute_sql on 3 tables), closed loops, " + bench.deltas() + " deltas "
                + bench.options().number("sql-interval-ms") + " ms apart");
        bench.line("");
        bench.line("- schema changes: " + bench.catalog().schemaMode());
        bench.line("");
        for (Scenario scenario : SCENARIOS) {
            if (selected(bench.options().scenarios(), scenario.name())) {
                if (scenario.name().equals(WIDE)) {
                    bench.addNoiseTables();
                }
                outcomes.put(scenario.name(), measure(scenario));
            }
        }
        summary();
        targets(bootSeconds);
    }

    private Outcome measure(Scenario scenario) throws Exception {
        int chats = scenario.chats();
        long interval = bench.options().number("sql-interval-ms");
        bench.fake().script(new FakeProvider.Script(bench.deltas(), TimeUnit.MILLISECONDS.toNanos(interval)));
        long spread = interval * bench.deltas();
        Load.Run baseline = bench.load().closed(chats, i -> recorder -> bench.direct().turn(recorder, bench.deltas()), spread,
                bench.options().number("warmup"));
        List<Chat> sockets = bench.sockets(scenario.sharedUser()).first(chats);
        long tables = bench.catalog().tables();
        long requests = bench.fake().requests();
        long withTable = bench.fake().requestsWithTable();
        long withTool = bench.fake().requestsWithSqlTool();
        ResourceMeter meter = bench.meter();
        Load.Run chat = bench.load().closed(chats, i -> recorder -> sockets.get(i).turn(recorder, bench.deltas()), spread,
                bench.options().number("server-warmup"), meter);
        Outcome outcome = new Outcome(scenario, baseline, chat, meter, tables);
        report(outcome, bench.fake().requests() - requests, bench.fake().requestsWithTable() - withTable,
                bench.fake().requestsWithSqlTool() - withTool);
        return outcome;
    }

    private void report(Outcome o, long requests, long withTable, long withTool) throws IOException {
        Recorder d = o.direct().recorder();
        Recorder s = o.server().recorder();
        bench.comparison("`" + o.scenario().name() + "`: " + o.scenario().title() + " (" + o.tables() + " tables in the database)",
                o.direct(), o.server());
        bench.line(SqlBench.row("per delta p50 (fake writes → client receives)", d.deltaLatency, s.deltaLatency, 50));
        bench.line(SqlBench.row("per delta p99", d.deltaLatency, s.deltaLatency, 99));
        bench.line("");
        bench.line("- error frames by code (warm-up included): " + (s.errors.isEmpty() ? "none" : s.errors.toString())
                + "; DATABASE_UNAVAILABLE: " + o.errors("DATABASE_UNAVAILABLE"));
        bench.line("- frames: " + s.frameCheck() + "; drained: " + o.server().drained() + "; baseline frames: " + d.frameCheck());
        bench.line(String.format("- CPU per turn in the measured window (%d turns): database %.2f ms (%d ms), server %.2f ms (%d ms); "
                + "database transactions per turn %.1f (pg_stat_database, flushed up to 1 s late)", o.turns(),
                o.meter().databaseMillis() / (double) o.turns(), o.meter().databaseMillis(), o.meter().serverMillis() / (double) o.turns(),
                o.meter().serverMillis(), o.meter().transactions() / (double) o.turns()));
        bench.line("- server: message → request at the provider " + s.turnOverhead.summary());
        bench.line(String.format("- provider requests of the server run (warm-up included): %d; with the products table in the prompt: %d; "
                + "offering execute_sql: %d", requests, withTable, withTool));
        bench.line(String.format("- server RSS %d MB, %d threads", bench.server().rssKb() / 1024, bench.server().threads()));
        bench.line("");
    }

    private void summary() {
        bench.line("### SQL scenarios side by side");
        bench.line("");
        bench.line("| scenario | tables | turns/s direct / server | ratio | added first token p50 / p99 | added per delta p50 / p99 "
                + "| error frames | DB CPU per turn | server CPU per turn |");
        bench.line("|---|---|---|---|---|---|---|---|---|");
        for (Outcome o : outcomes.values()) {
            bench.line(String.format("| `%s` | %d | %.1f / %.1f | %.2f | %.2f / %.2f ms | %.2f / %.2f ms | %s | %.2f ms | %.2f ms |",
                    o.scenario().name(), o.tables(), o.direct().turnsPerSecond(), o.server().turnsPerSecond(), o.ratio(),
                    o.addedFirstToken(50), o.addedFirstToken(99), o.addedPerDelta(50), o.addedPerDelta(99),
                    o.server().recorder().errors.isEmpty() ? "none" : o.server().recorder().errors.toString(),
                    o.meter().databaseMillis() / (double) o.turns(), o.meter().serverMillis() / (double) o.turns()));
        }
        bench.line("");
    }

    /** Every target of issue #17, measured value and whether it is met; "not run" when its scenario was not selected. */
    private void targets(double bootSeconds) {
        List<String[]> rows = new ArrayList<>();
        Outcome small = outcomes.get("sql-1");
        Outcome wide = outcomes.get(WIDE);
        if (small != null && wide != null) {
            double difference = wide.addedFirstToken(50) - small.addedFirstToken(50);
            rows.add(target("2,000-table catalog: added first token (p50) within 1 ms of the small catalog's",
                    String.format("%.2f ms vs %.2f ms: %+.2f ms", wide.addedFirstToken(50), small.addedFirstToken(50), difference),
                    Math.abs(difference) <= 1));
        } else {
            rows.add(notRun("2,000-table catalog: added first token (p50) within 1 ms of the small catalog's", "sql-1, " + WIDE));
        }
        atMost(rows, small, "1 chat: added first token p50 ≤ 3 ms", small == null ? 0 : small.addedFirstToken(50), 3);
        atMost(rows, small, "1 chat: added first token p99 ≤ 15 ms", small == null ? 0 : small.addedFirstToken(99), 15);
        atMost(rows, small, "1 chat: added per delta p50 ≤ 0.3 ms", small == null ? 0 : small.addedPerDelta(50), 0.3);
        Outcome fifty = outcomes.get("sql-50");
        atLeast(rows, fifty, "50 chats: throughput ≥ 0.9 of direct", fifty == null ? 0 : fifty.ratio(), 0.9);
        atMost(rows, fifty, "50 chats: added first token p50 ≤ 10 ms", fifty == null ? 0 : fifty.addedFirstToken(50), 10);
        atMost(rows, fifty, "50 chats: added first token p99 ≤ 50 ms", fifty == null ? 0 : fifty.addedFirstToken(99), 50);
        atMost(rows, fifty, "50 chats: added per delta p50 ≤ 1 ms", fifty == null ? 0 : fifty.addedPerDelta(50), 1);
        Outcome crowd = outcomes.get("sql-200");
        atLeast(rows, crowd, "200 chats: throughput ≥ 0.6 of direct", crowd == null ? 0 : crowd.ratio(), 0.6);
        if (crowd != null) {
            long refused = crowd.errors("DATABASE_UNAVAILABLE");
            rows.add(target("200 chats: no DATABASE_UNAVAILABLE", refused + " (warm-up included)", refused == 0));
        } else {
            rows.add(notRun("200 chats: no DATABASE_UNAVAILABLE", "sql-200"));
        }
        atMost(rows, crowd, "200 chats: added first token p99 ≤ 500 ms", crowd == null ? 0 : crowd.addedFirstToken(99), 500);
        Outcome shared = outcomes.get("sql-50-shared");
        if (shared != null && fifty != null) {
            double share = shared.server().turnsPerSecond() / fifty.server().turnsPerSecond();
            rows.add(target("50 chats of one shared user: throughput ≥ 0.8 of the distinct users'",
                    String.format("%.1f vs %.1f turns/s: %.2f", shared.server().turnsPerSecond(), fifty.server().turnsPerSecond(), share),
                    share >= 0.8));
        } else {
            rows.add(notRun("50 chats of one shared user: throughput ≥ 0.8 of the distinct users'", "sql-50, sql-50-shared"));
        }
        StringBuilder cpu = new StringBuilder();
        outcomes.values().forEach(o -> cpu.append(cpu.length() == 0 ? "" : "; ").append(String.format("`%s` %.2f ms, %.1f transactions",
                o.scenario().name(), o.meter().databaseMillis() / (double) o.turns(), o.meter().transactions() / (double) o.turns())));
        rows.add(new String[] {"Database CPU and statements per turn reported", cpu.length() == 0 ? "no scenario run"
                : cpu + " (transactions, not statements: counting statements needs pg_stat_statements)", "reported (CPU, transactions)"});
        rows.add(target("Ready (health UP) within 15 s of launch", String.format("%.1f s", bootSeconds), bootSeconds <= 15));
        bench.line("### Issue #17 targets");
        bench.line("");
        bench.line("| target | measured | met |");
        bench.line("|---|---|---|");
        rows.forEach(r -> bench.line("| " + r[0] + " | " + r[1] + " | " + r[2] + " |"));
        bench.line("");
    }

    private static void atMost(List<String[]> rows, Outcome outcome, String name, double value, double most) {
        rows.add(outcome == null ? notRun(name, "its scenario") : target(name, String.format("%.2f", value), value <= most));
    }

    private static void atLeast(List<String[]> rows, Outcome outcome, String name, double value, double least) {
        rows.add(outcome == null ? notRun(name, "its scenario") : target(name, String.format("%.2f", value), value >= least));
    }

    private static String[] target(String name, String measured, boolean met) {
        return new String[] {name, measured, met ? "met" : "**not met**"};
    }

    private static String[] notRun(String name, String scenarios) {
        return new String[] {name, "not run (needs " + scenarios + ")", "—"};
    }
}
