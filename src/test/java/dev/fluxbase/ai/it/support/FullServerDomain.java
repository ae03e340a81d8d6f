package dev.fluxbase.ai.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Payara Server domain made by {@code payara/server/setup-domain.sh}, the script the README tells operators to run,
 * with the settings of the run: its database (a database of its own when the test command made one), the fake provider
 * and the run's token key. Arquillian starts, deploys to and stops it ({@code arquillian.xml} reads the ports set here);
 * when the run ends this stops it again, should Arquillian not have, so no server outlives a failed run.
 */
public record FullServerDomain(Path payaraHome, FakeLlmServer llm, ServerUnderTest server) implements ExtensionContext.Store.CloseableResource {

    static final String PAYARA_HOME = "it.payaraHome";
    /** The domain's name, which the connection pool's application name carries. */
    public static final String DOMAIN = "fluxbase-it";
    private static final Logger LOG = Logger.getLogger(FullServerDomain.class.getName());
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(5);
    /** The ports a domain takes above its base: debugger, IIOP, administration, OSGi shell, JMS, HTTP(S), JMX, data grid. */
    private static final List<Integer> PORT_OFFSETS = List.of(9, 37, 38, 39, 48, 66, 76, 80, 81, 86, 90, 91);
    private static volatile FullServerDomain current;

    static FullServerDomain ofRun(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(FullServerDomain.class, key -> create(), FullServerDomain.class);
    }

    static FullServerDomain current() {
        if (current == null) {
            throw new IllegalStateException("no full Payara Server in this run: extend the test with FullPayaraServer");
        }
        return current;
    }

    private static FullServerDomain create() {
        try {
            Path payaraHome = Path.of(System.getProperty(PAYARA_HOME));
            Path work = Files.createDirectories(Path.of(System.getProperty("it.buildDir", "target"), "it/full-server"));
            TestDatabase database = database();
            FakeLlmServer llm = FakeLlmServer.start();
            TestTokens tokens = TestTokens.create(work.resolve("keys"));
            int portBase = freePortBase();
            deleteLeftover(payaraHome);
            Path settings = Files.writeString(work.resolve("settings.properties"), settings(database, llm, tokens));
            long started = System.nanoTime();
            runSetup(payaraHome, portBase, settings, database, work.resolve("setup.log"));
            LOG.info(() -> "Payara Server domain " + DOMAIN + " set up on port base " + portBase + " in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            System.setProperty("it.payara.domain", DOMAIN);
            System.setProperty("it.payara.adminPort", String.valueOf(portBase + 48));
            current = new FullServerDomain(payaraHome, llm, new ServerUnderTest(portBase + 80, llm, null, database, tokens, new Instances()));
            return current;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not set up the Payara Server domain", e);
        }
    }

    /** payara/test.sh makes a database for this server, so that nothing it stores meets the Payara Micro ITs. */
    private static TestDatabase database() {
        TestDatabase shared = TestDatabase.fromSystemProperties();
        String own = System.getProperty("it.db.server-url", "");
        return own.isBlank() || own.startsWith("${") ? shared : new TestDatabase(own, shared.user(), shared.password());
    }

    /** MicroProfile Config keys, as an operator writes them; the password goes to the script as an alias instead. */
    private static String settings(TestDatabase database, FakeLlmServer llm, TestTokens tokens) {
        Path projectDir = Path.of(System.getProperty("it.projectDir", "."));
        return Map.ofEntries(
                        Map.entry("fluxbase.db.url", database.url()),
                        Map.entry("fluxbase.db.user", database.user()),
                        Map.entry("fluxbase.db.migration.retry-seconds", "1"),
                        Map.entry("fluxbase.chatbots.dir", projectDir.resolve("src/test/resources/chatbots").toAbsolutePath().toString()),
                        Map.entry("fluxbase.ai.provider.type", "openai"),
                        Map.entry("fluxbase.ai.provider.base-url", llm.openAiBaseUrl()),
                        Map.entry("fluxbase.ai.provider.api-key", FluxbaseServer.LLM_API_KEY),
                        Map.entry("fluxbase.ai.provider.model", FluxbaseServer.LLM_MODEL),
                        Map.entry("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toUri().toString()),
                        Map.entry("mp.jwt.verify.issuer", TestTokens.ISSUER),
                        Map.entry("mp.jwt.verify.audiences", TestTokens.AUDIENCE))
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining("\n", "", "\n"));
    }

    private static void runSetup(Path payaraHome, int portBase, Path settings, TestDatabase database, Path log) {
        Path script = Path.of(System.getProperty("it.projectDir", "."), "payara/server/setup-domain.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "PAYARA_HOME", payaraHome.toString(),
                "FLUXBASE_DOMAIN", DOMAIN,
                "FLUXBASE_PORT_BASE", String.valueOf(portBase),
                "FLUXBASE_SETTINGS", settings.toString(),
                "FLUXBASE_DB_PASSWORD", database.password(),
                "FLUXBASE_SERVER_LIBS", System.getProperty("it.serverLibs", "target/server-libs")));
        int exit = run(builder, SETUP_TIMEOUT);
        if (exit != 0) {
            throw new IllegalStateException("payara/server/setup-domain.sh failed (" + exit + "): " + ItFiles.tail(log));
        }
    }

    /** A domain of an earlier run (without mvn clean): stopped, should it still run, and deleted. */
    private static void deleteLeftover(Path payaraHome) {
        if (Files.isDirectory(payaraHome.resolve("glassfish/domains").resolve(DOMAIN))) {
            asadmin(payaraHome, "stop-domain", DOMAIN);
            asadmin(payaraHome, "delete-domain", DOMAIN);
        }
    }

    private static int asadmin(Path payaraHome, String... arguments) {
        List<String> command = new ArrayList<>(List.of(payaraHome.resolve("bin/asadmin").toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        return run(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD), Duration.ofMinutes(2));
    }

    private static int run(ProcessBuilder builder, Duration timeout) {
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command() + " did not end within " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A base whose ports are all free, at random below the ephemeral range: runs in other worktrees pick other ones. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + 100 * ThreadLocalRandom.current().nextInt(100);
            if (IntStream.range(0, PORT_OFFSETS.size()).allMatch(i -> isFree(base + PORT_OFFSETS.get(i)))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for the Payara Server domain between 20000 and 30000");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Arquillian stops the domain it started when the run ends (its JUnit 5 extension closes the run's store); this
     * covers a run that failed between making the domain and Arquillian's start, or whose stop did not happen.
     */
    @Override
    public void close() {
        int exit = asadmin(payaraHome, "stop-domain", DOMAIN);
        LOG.info(() -> "Payara Server domain " + DOMAIN + (exit == 0 ? " was still running: stopped" : " stopped by Arquillian"));
        llm.close();
    }
}
