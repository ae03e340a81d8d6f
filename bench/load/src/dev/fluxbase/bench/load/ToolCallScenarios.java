package dev.fluxbase.bench.load;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The SQL chatbot's turns as users run them: the LLM calls {@code execute_sql} and answers from its result. Every turn
 * is two provider requests: the fake answers the first with the call of {@link ToolQuery}, the server checks and runs
 * it as the user (guard, role and claims, read-only transaction, bounds, the sensitive columns), sends the rows to the
 * client in a {@code query_result} frame and the result to the fake, which checks that it holds the rows and answers
 * with the deltas. 1, 50 and 50 chats of one user on the large catalog, each without and with a sensitive column in
 * the result, against the direct baseline: the same two requests in sequence, straight to the fake.
 */
final class ToolCallScenarios {

    static final String GROUP = "sql-tool";

    private static final String TAG = "COMMENT ON COLUMN public.customers.email IS 'Contact address @sensitive:email'";
    private static final String UNTAG = "COMMENT ON COLUMN public.customers.email IS NULL";

    /** What the client must see of every turn: the query's rows with their values in full, masked for the LLM or not. */
    private static final Predicate<String> ROWS_IN_FULL = frame -> ToolQuery.read(frame).complete(false);

    /** One scenario: how many chats, whether they share one user, whether the result holds a sensitive column. */
    private record Scenario(String name, int chats, boolean sharedUser, boolean masked, String title) {
    }

    /** In the order they run: each masked scenario right after its unmasked twin, so that they compare under the same conditions. */
    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("sql-tool-1", 1, false, false, "1 chat"),
            new Scenario("sql-tool-1-masked", 1, false, true, "1 chat, `customers.email` sensitive"),
            new Scenario("sql-tool-50", 50, false, false, "50 chats, distinct users"),
            new Scenario("sql-tool-50-masked", 50, false, true, "50 chats, distinct users, `customers.email` sensitive"),
            new Scenario("sql-tool-50-shared", 50, true, false, "50 chats, all the same user"),
            new Scenario("sql-tool-50-shared-masked", 50, true, true, "50 chats, all the same user, `customers.email` sensitive"));

    /** What the fake provider counted: calls it made, results it received, and of those the complete ones, emails in clear or masked. */
    private record ToolResults(long calls, long results, long clear, long masked) {

        static ToolResults of(FakeProvider fake) {
            return new ToolResults(fake.toolCalls(), fake.toolResults(), fake.toolResultsClear(), fake.toolResultsMasked());
        }

        ToolResults since(ToolResults before) {
            return new ToolResults(calls - before.calls, results - before.results, clear - before.clear, masked - before.masked);
        }

        /** Results without every row, or not as the scenario shows emails to the LLM. */
        long failed(boolean masked) {
            return results - (masked ? this.masked : clear);
        }
    }

    /** What one scenario measured. */
    private record Outcome(Scenario scenario, Load.Run direct, Load.Run server, ResourceMeter meter, long tables, ToolResults results) {
        double ratio() {
            return server.turnsPerSecond() / direct.turnsPerSecond();
        }

        double added(Samples server, Samples direct, double percentile) {
            return server.percentileMillis(percentile) - direct.percentileMillis(percentile);
        }

        double addedFirstToken(double percentile) {
            return added(server.recorder().firstDelta, direct.recorder().firstDelta, percentile);
        }

        double toolTurnaround(double percentile) {
            return server.recorder().toolTurnaround.percentileMillis(percentile);
        }

        double directTurnaround(double percentile) {
            return direct.recorder().toolTurnaround.percentileMillis(percentile);
        }

        long turns() {
            return server.recorder().turns.get();
        }

        double perTurn(long total) {
            return total / (double) turns();
        }

        String errors() {
            return server.recorder().errors.isEmpty() ? "none" : server.recorder().errors.toString();
        }
    }

    private final SqlBench bench;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    ToolCallScenarios(SqlBench bench) {
        this.bench = bench;
    }

    /** {@code --scenarios sql-tool} selects them all; {@code sql-tool-50-masked} and so on one each. */
    static boolean selected(Set<String> scenarios, String name) {
        return scenarios.contains(GROUP) || scenarios.contains(name);
    }

    static boolean anySelected(Set<String> scenarios) {
        return SCENARIOS.stream().anyMatch(s -> selected(scenarios, s.name()));
    }

    /** The most chats of a selected scenario (its warm-up runs as many). */
    static int mostChats(Set<String> scenarios) {
        return SCENARIOS.stream().filter(s -> selected(scenarios, s.name())).mapToInt(Scenario::chats).max().orElse(0);
    }

    void run() throws Exception {
        bench.line("## SQL chatbot with a tool call per turn (`" + SqlScenarios.CHATBOT + "`), closed loops: an `execute_sql` call in "
                + bench.options().number("tool-fragments") + " argument fragments, then " + bench.deltas() + " deltas, "
                + bench.options().number("sql-interval-ms") + " ms apart");
        bench.line("");
        bench.line("- schema changes: " + bench.catalog().schemaMode());
        bench.line("- the query: `" + ToolQuery.SQL + "` (" + ToolQuery.ROWS + " rows)");
        bench.line("");
        bench.addNoiseTables();
        bench.catalog().load("tool-calls.sql");
        bench.database().query(UNTAG);
        warmUpTheJit();
        for (Scenario scenario : SCENARIOS) {
            if (selected(bench.options().scenarios(), scenario.name())) {
                bench.database().query(scenario.masked() ? TAG : UNTAG);
                outcomes.put(scenario.name(), measure(scenario));
            }
        }
        summary();
        maskingCost();
    }

    private FakeProvider.Script script() {
        return new FakeProvider.Script(bench.deltas(), TimeUnit.MILLISECONDS.toNanos(bench.options().number("sql-interval-ms")),
                ToolQuery.fragments(bench.options().number("tool-fragments")));
    }

    /** The tool's path (guard, execution, frames) is code no earlier scenario ran: its own JIT warm-up, unmeasured. */
    private void warmUpTheJit() throws Exception {
        int seconds = bench.options().number("jit-warmup");
        if (seconds <= 0) {
            return;
        }
        bench.fake().script(script());
        int chats = mostChats(bench.options().scenarios());
        List<Chat> sockets = bench.distinctUsers().first(chats);
        Load.Run warmUp = bench.load().closed(chats, i -> recorder -> sockets.get(i).turn(recorder, bench.deltas(), ROWS_IN_FULL), 100,
                Math.max(0, seconds - bench.options().number("duration")));
        bench.line(String.format("JIT warm-up: %d s of %d chats with a tool call per turn before the scenarios below (drained: %s; "
                + "rows shown %d, missing %d; frames: %s).", seconds, chats, warmUp.drained(), warmUp.recorder().rowsShown.get(),
                warmUp.recorder().rowsMissing.get(), warmUp.recorder().frameCheck()));
        bench.line("");
    }

    private Outcome measure(Scenario scenario) throws Exception {
        int chats = scenario.chats();
        FakeProvider.Script script = script();
        bench.fake().script(script);
        long spread = bench.options().number("sql-interval-ms") * (long) (bench.deltas() + script.toolCall().size());
        String toolResult = ToolQuery.directToolResult(scenario.masked());
        Load.Run baseline = bench.load().closed(chats, i -> recorder -> bench.direct().toolTurn(recorder, bench.deltas(), toolResult), spread,
                bench.options().number("warmup"));
        List<Chat> sockets = bench.sockets(scenario.sharedUser()).first(chats);
        long tables = bench.catalog().tables();
        ToolResults before = ToolResults.of(bench.fake());
        ResourceMeter meter = bench.meter();
        Load.Run chat = bench.load().closed(chats, i -> recorder -> sockets.get(i).turn(recorder, bench.deltas(), ROWS_IN_FULL), spread,
                bench.options().number("server-warmup"), meter);
        Outcome outcome = new Outcome(scenario, baseline, chat, meter, tables, ToolResults.of(bench.fake()).since(before));
        report(outcome);
        return outcome;
    }

    private void report(Outcome o) throws IOException {
        Recorder d = o.direct().recorder();
        Recorder s = o.server().recorder();
        ToolResults results = o.results();
        bench.comparison("`" + o.scenario().name() + "`: " + o.scenario().title() + " (" + o.tables() + " tables in the database)",
                o.direct(), o.server());
        bench.line(SqlBench.row("tool call p50 (fake ends the call → request with its result arrives)", d.toolTurnaround, s.toolTurnaround, 50));
        bench.line(SqlBench.row("tool call p99", d.toolTurnaround, s.toolTurnaround, 99));
        bench.line(SqlBench.row("per delta p50 (fake writes → client receives)", d.deltaLatency, s.deltaLatency, 50));
        bench.line(SqlBench.row("per delta p99", d.deltaLatency, s.deltaLatency, 99));
        bench.line("");
        bench.line("- error frames by code (warm-up included): " + o.errors());
        bench.line(String.format("- rows at the client (warm-up included): %d turns ended with `done` after a `query_result` of all %d rows, "
                + "values in full; **%d without** (must be 0)", s.rowsShown.get(), ToolQuery.ROWS, s.rowsMissing.get()));
        bench.line(String.format("- tool results at the fake (server run, warm-up included): %d calls made, %d results received; with all %d rows "
                + "and the emails in clear %d, as pseudonyms %d; **%d failed** (missing rows, or emails not as the scenario shows them to the LLM; "
                + "must be 0)", results.calls(), results.results(), ToolQuery.ROWS, results.clear(), results.masked(),
                results.failed(o.scenario().masked())));
        bench.line("- frames: " + s.frameCheck() + "; drained: " + o.server().drained() + "; baseline frames: " + d.frameCheck());
        bench.line(String.format("- CPU per turn in the measured window (%d turns): database %.2f ms (%d ms), server %.2f ms (%d ms); "
                + "database transactions per turn %.1f (pg_stat_database, flushed up to 1 s late)", o.turns(),
                o.perTurn(o.meter().databaseMillis()), o.meter().databaseMillis(), o.perTurn(o.meter().serverMillis()),
                o.meter().serverMillis(), o.perTurn(o.meter().transactions())));
        bench.line("- server: message → first request at the provider " + s.turnOverhead.summary());
        bench.line("- server: tool call → request with its result " + s.toolTurnaround.summary());
        bench.line(String.format("- server RSS %d MB, %d threads", bench.server().rssKb() / 1024, bench.server().threads()));
        bench.line("");
    }

    private void summary() {
        bench.line("### Tool-call scenarios side by side");
        bench.line("");
        bench.line("| scenario | turns/s direct / server | ratio | added first token p50 / p99 | tool call p50 / p99 server (direct) "
                + "| rows missing at the client | failed tool results | error frames | DB CPU per turn | DB transactions per turn "
                + "| server CPU per turn |");
        bench.line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Outcome o : outcomes.values()) {
            bench.line(String.format("| `%s` | %.1f / %.1f | %.2f | %.2f / %.2f ms | %.2f / %.2f ms (%.2f / %.2f) | %d | %d | %s | %.2f ms "
                    + "| %.1f | %.2f ms |", o.scenario().name(), o.direct().turnsPerSecond(), o.server().turnsPerSecond(), o.ratio(),
                    o.addedFirstToken(50), o.addedFirstToken(99), o.toolTurnaround(50), o.toolTurnaround(99), o.directTurnaround(50),
                    o.directTurnaround(99), o.server().recorder().rowsMissing.get(), o.results().failed(o.scenario().masked()), o.errors(),
                    o.perTurn(o.meter().databaseMillis()), o.perTurn(o.meter().transactions()), o.perTurn(o.meter().serverMillis())));
        }
        bench.line("");
    }

    /** Each masked scenario against its unmasked twin: what masking costs a tool call. */
    private void maskingCost() {
        bench.line("### What masking costs a tool call (masked − unmasked, same concurrency)");
        bench.line("");
        bench.line("| scenarios | server CPU per turn | DB CPU per turn | DB transactions per turn | tool call p50 / p99 at the fake "
                + "| added first token p50 | server turns/s |");
        bench.line("|---|---|---|---|---|---|---|");
        boolean any = false;
        for (Outcome masked : outcomes.values()) {
            Outcome plain = masked.scenario().masked() ? outcomes.get(masked.scenario().name().replace("-masked", "")) : null;
            if (plain == null) {
                continue;
            }
            any = true;
            bench.line(String.format("| `%s` vs `%s` | %.2f → %.2f ms (%+.2f) | %.2f → %.2f ms (%+.2f) | %.1f → %.1f (%+.1f) "
                    + "| %.2f → %.2f ms (%+.2f) / %.2f → %.2f ms (%+.2f) | %.2f → %.2f ms (%+.2f) | %.1f → %.1f |",
                    masked.scenario().name(), plain.scenario().name(),
                    plain.perTurn(plain.meter().serverMillis()), masked.perTurn(masked.meter().serverMillis()),
                    masked.perTurn(masked.meter().serverMillis()) - plain.perTurn(plain.meter().serverMillis()),
                    plain.perTurn(plain.meter().databaseMillis()), masked.perTurn(masked.meter().databaseMillis()),
                    masked.perTurn(masked.meter().databaseMillis()) - plain.perTurn(plain.meter().databaseMillis()),
                    plain.perTurn(plain.meter().transactions()), masked.perTurn(masked.meter().transactions()),
                    masked.perTurn(masked.meter().transactions()) - plain.perTurn(plain.meter().transactions()),
                    plain.toolTurnaround(50), masked.toolTurnaround(50), masked.toolTurnaround(50) - plain.toolTurnaround(50),
                    plain.toolTurnaround(99), masked.toolTurnaround(99), masked.toolTurnaround(99) - plain.toolTurnaround(99),
                    plain.addedFirstToken(50), masked.addedFirstToken(50), masked.addedFirstToken(50) - plain.addedFirstToken(50),
                    plain.server().turnsPerSecond(), masked.server().turnsPerSecond()));
        }
        if (!any) {
            bench.line("| (needs a masked scenario and its unmasked twin) | | | | | | |");
        }
        bench.line("");
    }
}
