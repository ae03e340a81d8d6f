package dev.fluxbase.bench.load;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The load benchmark (run it with bench/load/run.sh): starts the fake provider in this JVM, then Payara
 * Micro with the WAR against it, and runs the scenarios of issue #10 and the SQL chatbot's of issue #17
 * ({@link SqlScenarios}), and those with an execute_sql call per turn ({@link ToolCallScenarios}). Prints the results as
 * Markdown and writes them to {@code --out}.
 */
public final class LoadBench {

    private final Options options;
    private final StringBuilder report = new StringBuilder();
    private final Probes probes = new Probes();
    private final Load load;
    private final int deltas;
    private FakeProvider fake;
    private ServerProcess server;
    private ChatPool pool;
    private ChatPool sqlPool;
    private ChatPool sharedUserPool;
    private DirectStream direct;
    private double bootSeconds;

    private LoadBench(Options options) {
        this.options = options;
        this.load = new Load(options.number("duration"));
        this.deltas = options.number("deltas");
    }

    public static void main(String[] args) throws Exception {
        LoadBench bench = new LoadBench(new Options(args));
        try {
            bench.run();
        } finally {
            bench.stop();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path repo = Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();
        Path home = Files.createDirectories(repo.resolve("bench/load/target/run"));
        Path keys = repo.resolve("bench/load/target/keys");
        String issuer = "fluxbase-bench";
        fake = FakeProvider.start(probes);
        direct = new DirectStream(HttpClient.newBuilder().executor(java.util.concurrent.Executors.newCachedThreadPool(Threads.daemon("direct")))
                .build(), fake.baseUrl(), probes);
        line("# Load benchmark, " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        line("");
        line("Settings: " + options.describe());
        line("");
        int port = freePort();
        java.net.URI socketUri = java.net.URI.create("ws://127.0.0.1:" + port + "/ai/ws");
        pool = new ChatPool(socketUri, probes, keys.resolve("private.pem"), issuer, "bench-bot", 0, false);
        int most = Math.max(options.number("stream-chats"), Math.max(options.number("overhead-pool"), options.number("throughput-chats")));
        pool.mintTokens(options.scenarios().contains("connections") ? Math.max(most, options.number("connections")) : most);
        boolean sql = usesSqlChatbot(options.scenarios());
        if (sql) {
            sqlPool = new ChatPool(socketUri, probes, keys.resolve("private.pem"), issuer, SqlScenarios.CHATBOT, 1, false);
            sqlPool.mintTokens(Math.max(SqlScenarios.mostChats(options.scenarios()), ToolCallScenarios.mostChats(options.scenarios())));
            sharedUserPool = new ChatPool(socketUri, probes, keys.resolve("private.pem"), issuer, SqlScenarios.CHATBOT, 2, true);
        }
        boot(repo, home, port, keys, issuer);
        // First, while the server holds nothing else: the memory per connection is measured against its idle heap.
        if (options.scenarios().contains("connections")) {
            connections();
        }
        warmUpTheJit();
        if (options.scenarios().contains("stream")) {
            stream();
        }
        if (options.scenarios().contains("overhead")) {
            overhead();
        }
        if (options.scenarios().contains("throughput")) {
            throughput();
        }
        if (sql) {
            BenchDatabase database = BenchDatabase.fromSystemProperties();
            SqlBench bench = new SqlBench(options, load, fake, direct, server, sqlPool, sharedUserPool, database,
                    new BenchCatalog(database, repo), this::line);
            if (SqlScenarios.anySelected(options.scenarios())) {
                new SqlScenarios(bench).run(bootSeconds);
            }
            if (ToolCallScenarios.anySelected(options.scenarios())) {
                new ToolCallScenarios(bench).run();
            }
        }
        ledger(port);
        String out = options.text("out");
        if (!out.isEmpty()) {
            Files.writeString(Path.of(out), report);
        }
    }

    private void boot(Path repo, Path home, int port, Path keys, String issuer) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "FLUXBASE_CHATBOTS_DIR", repo.resolve("bench/load/chatbots").toString(),
                "FLUXBASE_AI_PROVIDER_TYPE", "openai",
                "FLUXBASE_AI_PROVIDER_BASE_URL", fake.baseUrl(),
                "FLUXBASE_AI_PROVIDER_API_KEY", "sk-bench",
                "FLUXBASE_AI_PROVIDER_MODEL", "gpt-bench",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("public.pem").toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", issuer,
                "MP_JWT_VERIFY_AUDIENCES", "fluxbase-dev"));
        String loginRole = databaseLoginRole(environment);
        String preBoot = options.text("preboot");
        server = ServerProcess.launch(repo, home, port, options.text("server-java-opts"),
                preBoot.equals("none") ? null : repo.resolve(preBoot), environment);
        long bootMillis = server.awaitReady(Duration.ofSeconds(240));
        bootSeconds = bootMillis / 1000.0;
        long rssReady = server.rssKb();
        TimeUnit.SECONDS.sleep(5);
        long rssIdle = server.rssKb();
        long heap = server.heapAfterFullGcKb();
        long rssAfterGc = server.rssKb();
        line("## Boot and idle");
        line("");
        line(String.format("- ready (health UP with the database) %.1f s after launch", bootMillis / 1000.0));
        line(String.format("- RSS when ready %d MB, 5 s later %d MB, after a full GC %d MB; heap in use after the GC %d MB; %d threads",
                rssReady / 1024, rssIdle / 1024, rssAfterGc / 1024, heap / 1024, server.threads()));
        line("- database login role: " + loginRole);
        line("");
    }

    /**
     * The SQL scenarios run the server as the cluster's superuser role that run.sh made, so that the server
     * creates the event triggers announcing DDL at boot, as an administrator would for a real deployment
     * (the schema cache then asks the catalog nothing per turn), and with the limit on new conversations
     * per user far above the load, as bench-sql-bot's own limits are. The other scenarios keep the app role
     * and the default limit.
     */
    private String databaseLoginRole(Map<String, String> environment) {
        String superuser = System.getenv().getOrDefault("BENCH_DB_SUPERUSER", "");
        if (!usesSqlChatbot(options.scenarios()) || superuser.isEmpty()) {
            return System.getenv().getOrDefault("FLUXBASE_DB_USER", "(unset)");
        }
        environment.put("FLUXBASE_DB_USER", superuser);
        environment.put("FLUXBASE_DB_PASSWORD", System.getenv().getOrDefault("BENCH_DB_SUPERUSER_PASSWORD", ""));
        // 50 sockets of one user start a conversation every ten turns each: far above the 30 a minute a user may start
        environment.put("FLUXBASE_CHAT_START_CHAT_PER_MINUTE", "100000000");
        return superuser + " (a superuser, for the event triggers of the SQL scenarios)";
    }

    /** Scenarios of bench-sql-bot: with or without its tool calls. */
    private static boolean usesSqlChatbot(java.util.Set<String> scenarios) {
        return SqlScenarios.anySelected(scenarios) || ToolCallScenarios.anySelected(scenarios);
    }

    /** Every turn that ended must be in the usage ledger: none lost under load, whatever the outcome. */
    private void ledger(int port) throws Exception {
        HttpRequest usage = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/admin/ai/usage"))
                .header("Authorization", "Bearer " + pool.adminToken()).timeout(Duration.ofSeconds(30)).build();
        String body = HttpClient.newHttpClient().send(usage, HttpResponse.BodyHandlers.ofString()).body();
        long booked = number(body, "requests") + number(body, "refused");
        line("## Usage ledger");
        line("");
        long ended = Chat.ENDED.get();
        long unbookable = Chat.DATABASE_UNAVAILABLE.get();
        boolean complete = booked <= ended && booked >= ended - unbookable;
        line(String.format("- %d turns booked of the %d that ended with `done` or `error` on the bench's sockets, in every scenario "
                + "and warm-up (%d of them refused with DATABASE_UNAVAILABLE, which may not be bookable either): %s", booked, ended,
                unbookable, complete ? "none lost" : "**MISMATCH**"));
        line("");
    }

    private static long number(String json, String field) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(value.group(1));
    }

    /**
     * Turns back to back, unmeasured, before the first measured scenario: the latency targets are for a
     * server in its steady state, and on two cores shared with the load the JIT compiler needs longer
     * than one scenario's warm-up (cold, the same stream run gave 3 to 6 times the delay per delta).
     */
    private void warmUpTheJit() throws Exception {
        int seconds = options.number("jit-warmup");
        boolean benchBot = options.scenarios().stream().anyMatch(java.util.Set.of("stream", "overhead", "throughput")::contains);
        if (seconds <= 0 || !benchBot && !SqlScenarios.anySelected(options.scenarios())) {
            return;
        }
        fake.script(new FakeProvider.Script(deltas, 0));
        // as many chats as the largest scenario, so that the server's thread pools have grown to it too; the SQL chatbot
        // only when no scenario of bench-bot runs
        int chats = benchBot ? Math.max(options.number("stream-chats"), Math.max(options.number("overhead-pool"), options.number("throughput-chats")))
                : SqlScenarios.mostChats(options.scenarios());
        List<Chat> sockets = (benchBot ? pool : sqlPool).first(chats);
        // the run lasts its warm-up and then --duration; together about the seconds asked for
        Load.Run warmUp = load.closed(chats, i -> recorder -> sockets.get(i).turn(recorder, deltas), 100,
                Math.max(0, seconds - options.number("duration")));
        line(String.format("JIT warm-up: %d s of %d chats of %s with back-to-back deltas before the scenarios below (drained: %s).",
                seconds, chats, benchBot ? "bench-bot" : SqlScenarios.CHATBOT, warmUp.drained()));
        line("");
    }

    private void stream() throws Exception {
        int chats = options.number("stream-chats");
        long interval = options.number("stream-interval-ms");
        fake.script(new FakeProvider.Script(deltas, TimeUnit.MILLISECONDS.toNanos(interval)));
        long spread = interval * deltas;
        Load.Run baseline = load.closed(chats, i -> recorder -> direct.turn(recorder, deltas), spread, options.number("warmup"));
        List<Chat> sockets = pool.first(chats);
        Load.Run chat = load.closed(chats, i -> recorder -> sockets.get(i).turn(recorder, deltas), spread, options.number("server-warmup"));
        line("## Streaming: " + chats + " concurrent chats, " + deltas + " deltas " + interval + " ms apart per turn");
        line("");
        line("| per delta, fake provider write → client receive | p50 | p90 | p99 | max | deltas |");
        line("|---|---|---|---|---|---|");
        line(row("direct (baseline)", baseline.recorder().deltaLatency));
        line(row("through the server", chat.recorder().deltaLatency));
        line("");
        line(String.format("- server-added latency per delta: p50 %.3f ms, p99 %.3f ms",
                chat.recorder().deltaLatency.percentileMillis(50) - baseline.recorder().deltaLatency.percentileMillis(50),
                chat.recorder().deltaLatency.percentileMillis(99) - baseline.recorder().deltaLatency.percentileMillis(99)));
        line(String.format("- turns/s: direct %.1f, server %.1f; frames: %s; loops drained: %s", baseline.turnsPerSecond(),
                chat.turnsPerSecond(), chat.recorder().frameCheck(), chat.drained()));
        line(String.format("- baseline frames: %s", baseline.recorder().frameCheck()));
        line("- whole turn: direct " + baseline.recorder().turnDuration.summary() + "; server " + chat.recorder().turnDuration.summary());
        details(chat.recorder());
        line(String.format("- server RSS %d MB, %d threads", server.rssKb() / 1024, server.threads()));
        line("");
    }

    private void overhead() throws Exception {
        int rate = options.number("overhead-rate");
        int poolSize = options.number("overhead-pool");
        long interval = options.number("overhead-interval-ms");
        fake.script(new FakeProvider.Script(deltas, TimeUnit.MILLISECONDS.toNanos(interval)));
        Load.Run baseline = load.open(poolSize, i -> recorder -> direct.turn(recorder, deltas), rate, options.number("warmup"));
        List<Chat> sockets = pool.first(poolSize);
        Load.Run chat = load.open(poolSize, i -> recorder -> sockets.get(i).turn(recorder, deltas), rate, options.number("server-warmup"));
        line("## Turn overhead: " + rate + " turns/s on " + poolSize + " sockets, " + deltas + " deltas " + interval + " ms apart");
        line("");
        line("| client sends → provider receives the request | p50 | p90 | p99 | max | turns |");
        line("|---|---|---|---|---|---|");
        line(row("direct (baseline)", baseline.recorder().turnOverhead));
        line(row("through the server", chat.recorder().turnOverhead));
        line("");
        line(String.format("- turns/s achieved %.1f (ticks without a free socket: %d); whole turn %s", chat.turnsPerSecond(), chat.skipped(),
                chat.recorder().turnDuration.summary()));
        line("- frames: " + chat.recorder().frameCheck() + "; drained: " + chat.drained());
        details(chat.recorder());
        line("");
    }

    private void throughput() throws Exception {
        int chats = options.number("throughput-chats");
        fake.script(new FakeProvider.Script(deltas, 0));
        List<Chat> sockets = pool.first(chats);
        Load.Run chat = load.closed(chats, i -> recorder -> sockets.get(i).turn(recorder, deltas), 100, options.number("server-warmup"));
        line("## Throughput: " + chats + " chats in closed loops, " + deltas + " deltas back to back per turn");
        line("");
        line(String.format("- **%.1f complete turns/s** (%.0f deltas/s) over %.1f s", chat.turnsPerSecond(),
                chat.recorder().deltas.get() / chat.seconds(), chat.seconds()));
        line("- whole turn " + chat.recorder().turnDuration.summary());
        details(chat.recorder());
        line("- frames: " + chat.recorder().frameCheck() + "; drained: " + chat.drained());
        line(String.format("- server RSS %d MB, %d threads", server.rssKb() / 1024, server.threads()));
        line("");
    }

    private void connections() throws Exception {
        int n = options.number("connections");
        long heapBefore = server.heapAfterFullGcKb();
        long rssBefore = server.rssKb();
        long threadsBefore = server.threads();
        long opening = System.nanoTime();
        List<Chat> sockets = pool.first(n);
        double openSeconds = (System.nanoTime() - opening) / 1e9;
        long heapAfter = server.heapAfterFullGcKb();
        long rssAfter = server.rssKb();
        long threadsAfter = server.threads();
        line("## " + n + " open connections (" + options.text("server-java-opts") + "), each with a started chat");
        line("");
        line(String.format("- opened and started in %.1f s (waves of 100)", openSeconds));
        line(String.format("- heap after full GC: %d MB → %d MB: **%.1f KB per connection**", heapBefore / 1024, heapAfter / 1024,
                (heapAfter - heapBefore) / (double) n));
        line(String.format("- RSS: %d MB → %d MB: **%.1f KB per connection**; threads %d → %d", rssBefore / 1024, rssAfter / 1024,
                (rssAfter - rssBefore) / (double) n, threadsBefore, threadsAfter));

        fake.script(new FakeProvider.Script(deltas, 0));
        Recorder burst = new Recorder();
        burst.recording = true;
        long start = System.nanoTime();
        List<CompletableFuture<Boolean>> turns = sockets.stream().map(chat -> chat.turn(burst, deltas)).toList();
        boolean drained = Load.drained(CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)), 180);
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = turns.stream().filter(t -> t.isDone() && !t.isCompletedExceptionally() && t.join()).count();
        long unfinished = turns.stream().filter(t -> !t.isDone()).count();
        long open = sockets.stream().filter(Chat::isOpen).count();
        line(String.format("- burst: all %d send at once: %d turns done in %.1f s (%.0f turns/s), %d unfinished, %d sockets still open",
                n, done, seconds, done / seconds, unfinished, open));
        line("- burst whole turn " + burst.turnDuration.summary());
        details(burst);
        line("- burst frames: " + burst.frameCheck());
        line(String.format("- server RSS after the burst %d MB, %d threads; heap after full GC %d MB", server.rssKb() / 1024, server.threads(),
                server.heapAfterFullGcKb() / 1024));
        line("");
        pool.closeAll();
    }

    /** Where the time of a turn went, as the client saw it. */
    private void details(Recorder recorder) {
        line("- server: message → request at the provider " + recorder.turnOverhead.summary());
        line("- server: message → first delta " + recorder.firstDelta.summary());
        line("- server: last delta → done " + recorder.doneAfterLastDelta.summary());
    }

    private static String row(String name, Samples samples) {
        return String.format("| %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %d |", name, samples.percentileMillis(50),
                samples.percentileMillis(90), samples.percentileMillis(99), samples.percentileMillis(100), samples.count());
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void stop() throws InterruptedException {
        for (ChatPool chats : java.util.Arrays.asList(pool, sqlPool, sharedUserPool)) {
            if (chats != null) {
                chats.close();
            }
        }
        if (server != null) {
            server.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
