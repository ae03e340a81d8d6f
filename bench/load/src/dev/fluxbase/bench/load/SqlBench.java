package dev.fluxbase.bench.load;

import java.util.function.Consumer;

/**
 * What the SQL chatbot's scenarios ({@link SqlScenarios}, {@link ToolCallScenarios}) run with: the options, the load
 * maker, the fake provider and the direct baseline, the server, the chatbot's sockets (a user each, or one shared
 * user), the database and its catalog, and where the report goes.
 */
record SqlBench(Options options, Load load, FakeProvider fake, DirectStream direct, ServerProcess server, ChatPool distinctUsers,
        ChatPool sharedUser, BenchDatabase database, BenchCatalog catalog, Consumer<String> report) {

    int deltas() {
        return options.number("deltas");
    }

    /** The sockets of a scenario: each with a user of its own, or all with the same one. */
    ChatPool sockets(boolean shared) {
        return shared ? sharedUser : distinctUsers;
    }

    /** A meter of the database's and the server's CPU over a run's measured window. */
    ResourceMeter meter() {
        return new ResourceMeter(database, server);
    }

    /** Adds the 2,000 noise tables unless an earlier scenario of the run did, and says so in the report. */
    void addNoiseTables() throws java.io.IOException, InterruptedException {
        String growth = catalog.addNoiseTables();
        if (!growth.isEmpty()) {
            line(growth);
            line("");
        }
    }

    void line(String text) {
        report.accept(text);
    }

    /**
     * A scenario's heading and the head of its table, direct against the server: the turns per second and the first token
     * (client sends → the first delta of the answer arrives) of both.
     */
    void comparison(String heading, Load.Run direct, Load.Run server) {
        line("### " + heading);
        line("");
        line("| | direct (baseline) | through the server | server − direct |");
        line("|---|---|---|---|");
        line(String.format("| turns/s | %.1f | %.1f | ratio **%.2f** |", direct.turnsPerSecond(), server.turnsPerSecond(),
                server.turnsPerSecond() / direct.turnsPerSecond()));
        line(row("first token p50 (client send → first delta of the answer)", direct.recorder().firstDelta, server.recorder().firstDelta, 50));
        line(row("first token p99", direct.recorder().firstDelta, server.recorder().firstDelta, 99));
    }

    /** One row of a scenario's table: a percentile direct, through the server, and their difference. */
    static String row(String name, Samples direct, Samples server, double percentile) {
        double d = direct.percentileMillis(percentile);
        double s = server.percentileMillis(percentile);
        return String.format("| %s | %.3f ms | %.3f ms | %.3f ms |", name, d, s, s - d);
    }
}
