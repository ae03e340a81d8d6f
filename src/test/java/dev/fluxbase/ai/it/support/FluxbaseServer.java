package dev.fluxbase.ai.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real WAR on Payara Micro once per test run (a boot costs about ten seconds), in front of
 * the fake LLM provider and, through {@link DatabaseProxy}, the run's fresh PostgreSQL database.
 * Test classes get the {@link ServerUnderTest} as a parameter; the process stops when the run ends.
 */
public final class FluxbaseServer implements BeforeAllCallback, ParameterResolver {

    private static final Logger LOG = Logger.getLogger(FluxbaseServer.class.getName());
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
    public static final String LLM_API_KEY = "sk-test-key";
    public static final String LLM_MODEL = "gpt-test";
    public static final String EMBEDDING_MODEL = "text-embedding-test";
    public static final int EMBEDDING_DIMENSIONS = 384;
    public static final String ALLOWED_ORIGIN = "https://console.example";
    public static final int SQL_TIMEOUT_MS = 3000;
    public static final String HTTP_SECRET = "s3cr3t";
    /** Short provider deadlines, so that timeout tests take seconds. */
    public static final int PROVIDER_TIMEOUT_MS = 2000;
    /** Instances share PostgreSQL only, unless a test asks for Payara's data grid. */
    private static final List<String> NO_CLUSTER = List.of("--nocluster");

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ServerUnderTest.class || type == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class ? KeycloakServer.running(context) : running(context);
    }

    /** The server of this test run, started on first use: for other extensions that need it. */
    public static ServerUnderTest running(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(Running.class, key -> Running.start(() -> KeycloakServer.running(store)), Running.class).server;
    }

    /** The started processes; JUnit closes it when the run ends. */
    static final class Running implements AutoCloseable {
        final Process process;
        final ServerUnderTest server;
        private final FakeLlmServer llm;
        private final DatabaseProxy proxy;
        private final Map<String, String> environment;
        private final Supplier<KeycloakServer> keycloak;
        private Process secondProcess;
        private Process keycloakProcess;
        private int disposables;

        private Running(Process process, ServerUnderTest server, FakeLlmServer llm, DatabaseProxy proxy, Map<String, String> environment,
                Supplier<KeycloakServer> keycloak) {
            this.process = process;
            this.server = server;
            this.llm = llm;
            this.proxy = proxy;
            this.environment = environment;
            this.keycloak = keycloak;
        }

        static Running start(Supplier<KeycloakServer> keycloak) {
            try {
                return boot(keycloak);
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("could not start the server under test", e);
            }
        }

        private static Running boot(Supplier<KeycloakServer> keycloak) throws IOException, NoSuchAlgorithmException {
            Path buildDir = Path.of(System.getProperty("it.buildDir", "target"));
            Path projectDir = Path.of(System.getProperty("it.projectDir", "."));
            TestDatabase database = TestDatabase.fromSystemProperties();
            FakeLlmServer llm = FakeLlmServer.start();
            DatabaseProxy proxy = DatabaseProxy.to(database.hostAndPort().getHost(), database.hostAndPort().getPort());
            TestTokens tokens = TestTokens.create(buildDir.resolve("it/keys"));
            int port = freePort();
            Path log = logOf("");
            Map<String, String> environment = Map.ofEntries(
                    Map.entry("FLUXBASE_DB_URL", database.urlThroughPort(proxy.port())),
                    Map.entry("FLUXBASE_DB_USER", database.user()),
                    Map.entry("FLUXBASE_DB_PASSWORD", database.password()),
                    Map.entry("FLUXBASE_DB_MIGRATION_RETRY_SECONDS", "1"),
                    Map.entry("FLUXBASE_CHATBOTS_DIR", projectDir.resolve("src/test/resources/chatbots").toString()),
                    Map.entry("FLUXBASE_AI_PROVIDER_TYPE", "openai"),
                    Map.entry("FLUXBASE_AI_PROVIDER_BASE_URL", llm.openAiBaseUrl()),
                    Map.entry("FLUXBASE_AI_PROVIDER_API_KEY", LLM_API_KEY),
                    Map.entry("FLUXBASE_AI_PROVIDER_MODEL", LLM_MODEL),
                    Map.entry("FLUXBASE_AI_EMBEDDING_TYPE", "openai"),
                    Map.entry("FLUXBASE_AI_EMBEDDING_BASE_URL", llm.openAiBaseUrl()),
                    Map.entry("FLUXBASE_AI_EMBEDDING_API_KEY", LLM_API_KEY),
                    Map.entry("FLUXBASE_AI_EMBEDDING_MODEL", EMBEDDING_MODEL),
                    Map.entry("FLUXBASE_AI_EMBEDDING_DIMENSIONS", String.valueOf(EMBEDDING_DIMENSIONS)),
                    Map.entry("FLUXBASE_AI_ENCRYPTION_KEY", "integration-test passphrase, not a secret"),
                    Map.entry("FLUXBASE_AI_PROVIDER_FIRST_TOKEN_TIMEOUT_MS", String.valueOf(PROVIDER_TIMEOUT_MS)),
                    Map.entry("FLUXBASE_AI_PROVIDER_IDLE_TIMEOUT_MS", String.valueOf(PROVIDER_TIMEOUT_MS)),
                    Map.entry("FLUXBASE_AI_PROVIDER_RETRY_DELAY_MS", "50"),
                    Map.entry("FLUXBASE_AI_FAILOVER", "true"),
                    Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKeyFile().toUri().toString()),
                    Map.entry("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER),
                    Map.entry("MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE),
                    Map.entry("FLUXBASE_CORS_ORIGINS", ALLOWED_ORIGIN),
                    Map.entry("FLUXBASE_SQL_STATEMENT_TIMEOUT_MS", String.valueOf(SQL_TIMEOUT_MS)),
                    // The login role may not create the event triggers that announce DDL, so schema changes reach
                    // the prompt by the periodic check: on every turn here (SchemaChangesIT tests both modes).
                    Map.entry("FLUXBASE_SQL_SCHEMA_REFRESH_SECONDS", "0"),
                    Map.entry("FLUXBASE_HTTP_RESOLVE", "api.allowed.test:127.0.0.1"),
                    // MCP servers of the tests listen on loopback, which registering one needs the operator's leave for
                    Map.entry("FLUXBASE_MCP_PRIVATE_HOSTS", "localhost"),
                    Map.entry("FLUXBASE_HTTP_SECRETS", "[{\"chatbot\":\"http-bot\",\"domain\":\"localhost\","
                            + "\"query\":{\"appid\":\"" + HTTP_SECRET + "-query\"},\"headers\":{\"X-Api-Key\":\"" + HTTP_SECRET + "-header\"}},"
                            // values from the settings store, a system secret and the asking user's secret (SettingsChatIT)
                            + "{\"chatbot\":\"settings-http-bot\",\"domain\":\"localhost\",\"query\":{\"appid\":\"{{system:settingsit.weather_key}}\"},"
                            + "\"headers\":{\"X-Api-Key\":\"{{user:settingsit.token}}\"}}]"),
                    // The tests connect from here, and may play a proxy that forwards for other addresses.
                    Map.entry("FLUXBASE_LIMITS_TRUSTED_PROXIES", "127.0.0.1"),
                    // Anonymous tests all start chats from this address; SocketBoundsIT tests the limit on an instance of its own.
                    Map.entry("FLUXBASE_CHAT_START_CHAT_PER_MINUTE", "100000"),
                    // Table-export syncs run when tests run the jobs (TableExportSyncIT), not when the timer happens to fire.
                    Map.entry("FLUXBASE_AI_TABLE_EXPORT_SYNC_TICK_SECONDS", "86400"),
                    // Lets tests move the server's clock and run its jobs; never set in production.
                    Map.entry("FLUXBASE_TESTING_CLOCK_CONTROL", "true"));
            long started = System.nanoTime();
            Process process = launch("", port, "-Xmx512m", environment, NO_CLUSTER);
            Instances instances = new Instances();
            ServerUnderTest server = new ServerUnderTest(port, llm, proxy, database, tokens, instances);
            Running running = new Running(process, server, llm, proxy, environment, keycloak);
            instances.first(server, running::startSecond, running::startDisposable, running::startKeycloakInstance);
            try {
                awaitReady(process, server, log);
            } catch (RuntimeException | Error e) {
                running.close();
                throw e;
            }
            LOG.info(() -> "Server under test ready on port " + port + " in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            return running;
        }

        /**
         * A second instance on the same database (directly, not through the proxy that tests cut) and the
         * same fake provider. Its chatbot directory is empty: the first instance loaded the chatbots.
         */
        private synchronized ServerUnderTest startSecond() {
            int port = freePort();
            secondProcess = launchAnother("-2", port, Map.of(), NO_CLUSTER);
            ServerUnderTest second = new ServerUnderTest(port, llm, proxy, server.database(), server.tokens(), server.instances());
            awaitReady(secondProcess, second, logOf("-2"));
            return second;
        }

        /**
         * An instance that trusts the run's Keycloak (started first, if it is not yet) besides the static test key:
         * the settings of the SSO contract, the realm role {@code fluxbase-user} mapped to {@code authenticated}.
         */
        private synchronized ServerUnderTest startKeycloakInstance() {
            String issuer = keycloak.get().issuer();
            int port = freePort();
            keycloakProcess = launchAnother("-kc", port, Map.of(
                    "FLUXBASE_AUTH_ISSUER", issuer,
                    "MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE + "," + KeycloakServer.CLIENT,
                    "FLUXBASE_AUTH_CLAIMS_GROUPS", "realm_access.roles,groups",
                    "FLUXBASE_AUTH_ROLE_MAPPING", "fluxbase-user=authenticated,fluxbase-ops=service_role",
                    "FLUXBASE_AUTH_ADMIN_GROUPS", "fluxbase-admins",
                    "FLUXBASE_AUTH_JWKS_REFRESH_MIN_SECONDS", "0",
                    "FLUXBASE_CONSOLE_OIDC_CLIENT_ID", KeycloakServer.CLIENT), NO_CLUSTER);
            ServerUnderTest instance = new ServerUnderTest(port, llm, proxy, server.database(), server.tokens(), server.instances());
            try {
                awaitReady(keycloakProcess, instance, logOf("-kc"));
            } catch (RuntimeException | Error e) {
                stop(keycloakProcess);
                keycloakProcess = null;
                throw e;
            }
            return instance;
        }

        private synchronized DisposableInstance startDisposable(Map<String, String> settings, List<String> clusterArguments) {
            String suffix = "-d" + (++disposables);
            int port = freePort();
            Process process = launchAnother(suffix, port, settings, clusterArguments.isEmpty() ? NO_CLUSTER : clusterArguments);
            ServerUnderTest instance = new ServerUnderTest(port, llm, proxy, server.database(), server.tokens(), new Instances());
            DisposableInstance disposable = new DisposableInstance(process, instance, logOf(suffix));
            try {
                awaitReady(process, instance, logOf(suffix));
            } catch (RuntimeException | Error e) {
                disposable.close();
                throw e;
            }
            return disposable;
        }

        /**
         * One more instance on the same database (directly, not through the proxy that tests cut) and the
         * same fake provider. Its chatbot directory is empty: the first instance loaded the chatbots.
         */
        private Process launchAnother(String suffix, int port, Map<String, String> settings, List<String> clusterArguments) {
            try {
                Path buildDir = Path.of(System.getProperty("it.buildDir", "target"));
                Map<String, String> own = new HashMap<>(environment);
                own.put("FLUXBASE_DB_URL", server.database().url());
                own.put("FLUXBASE_CHATBOTS_DIR", Files.createDirectories(buildDir.resolve("it/no-chatbots")).toString());
                own.putAll(settings);
                LOG.info(() -> "Starting server instance " + suffix + " on port " + port);
                return launch(suffix, port, "-Xmx384m", own, clusterArguments);
            } catch (IOException e) {
                throw new IllegalStateException("could not start server instance " + suffix, e);
            }
        }

        /** Ready means our own health check answers UP: a failed deployment leaves Payara serving 404s. */
        private static void awaitReady(Process process, ServerUnderTest server, Path log) {
            Eventually.await("the server to report ready (log: " + log + ")", BOOT_TIMEOUT, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("Payara Micro exited with " + process.exitValue() + "; log: " + ItFiles.tail(log));
                }
                if (deploymentFailed(log)) {
                    throw new AssertionError("deployment failed: " + rootCause(log) + "; log: " + ItFiles.tail(log));
                }
                try {
                    HttpResponse<String> health = server.get("/health/ready");
                    return health.statusCode() == 200 && health.body().replace(" ", "").contains("\"name\":\"database\",\"status\":\"UP\"");
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }

        private static boolean deploymentFailed(Path log) {
            try {
                String text = Files.readString(log);
                return text.contains("Exception while loading the app") || text.contains("Exception while deploying the app");
            } catch (IOException e) {
                return false;
            }
        }

        /** The innermost cause Payara logged, which is where an application says why it refused to start. */
        private static String rootCause(Path log) {
            try {
                return Files.readAllLines(log).stream().filter(line -> line.startsWith("Caused by: "))
                        .reduce((first, second) -> second).orElse("(no cause logged)");
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() {
            if (secondProcess != null) {
                stop(secondProcess);
            }
            if (keycloakProcess != null) {
                stop(keycloakProcess);
            }
            stop(process);
            try {
                proxy.close();
            } catch (IOException e) {
                LOG.warning("closing the database proxy: " + e.getMessage());
            } finally {
                llm.close();
            }
        }

        /** SIGTERM, then SIGKILL when Payara has not stopped within 30 s. */
        static void stop(Process process) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Starts Payara Micro with the WAR.
     *
     * @param suffix of the log file and runtime directory ("" for the first instance)
     */
    private static Process launch(String suffix, int port, String heap, Map<String, String> environment, List<String> clusterArguments)
            throws IOException {
        Path buildDir = Path.of(System.getProperty("it.buildDir", "target"));
        Path projectDir = Path.of(System.getProperty("it.projectDir", "."));
        Path rootDir = buildDir.resolve("it/payara-root" + suffix);
        // A runtime directory left by an earlier run would first redeploy that run's (older) WAR.
        ItFiles.deleteRecursively(rootDir);
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(), heap, "-jar", System.getProperty("it.microJar"),
                "--deploy", System.getProperty("it.war"), "--contextRoot", "/",
                "--addLibs", System.getProperty("it.serverLibs"),
                "--port", String.valueOf(port),
                "--rootDir", rootDir.toString(),
                "--logProperties", projectDir.resolve("payara/logging.properties").toString(),
                // The production settings of payara/run.sh (thread pools, JVM properties), so tests run with them.
                "--prebootcommandfile", projectDir.resolve("payara/pre-boot-commands.asadmin").toString(),
                "--systemProperties", projectDir.resolve("payara/system.properties").toString()));
        command.addAll(clusterArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logOf(suffix).toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log so far of the run's first instance. */
    public static String firstInstanceLog() {
        try {
            return Files.readString(logOf(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path logOf(String suffix) {
        return Path.of(System.getProperty("it.buildDir", "target")).resolve("payara-it" + suffix + ".log");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
