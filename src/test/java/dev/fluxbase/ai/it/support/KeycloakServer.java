package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Keycloak ({@code bin/kc.sh start-dev} of the distribution Maven unpacked into {@code it.keycloakHome}),
 * with the realm {@value #REALM} of {@code src/test/resources/keycloak/fluxbase-realm.json}: started once per
 * test run on first use (a cold start costs about a minute), stopped when the run ends. Its log is
 * {@code target/keycloak-it.log}. Users' passwords are their names.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "fluxbase";
    /** The client whose access tokens carry the audience {@code fluxbase}. */
    public static final String CLIENT = "fluxbase";
    /** A client of the same realm whose tokens are not meant for us. */
    public static final String OTHER_CLIENT = "other-app";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-it";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(300);
    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private int rotations;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The Keycloak of this test run, started on first use. */
    public static KeycloakServer running(ExtensionContext context) {
        return running(context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL));
    }

    static KeycloakServer running(ExtensionContext.Store rootStore) {
        return rootStore.getOrComputeIfAbsent(KeycloakServer.class, key -> start(), KeycloakServer.class);
    }

    private static KeycloakServer start() {
        Path home = Path.of(System.getProperty("it.keycloakHome", "target/keycloak"));
        Path log = Path.of(System.getProperty("it.buildDir", "target")).resolve("keycloak-it.log");
        int port = FluxbaseServer.freePort();
        long started = System.nanoTime();
        KeycloakServer keycloak = new KeycloakServer(launch(home, port, log), port, log);
        try {
            keycloak.awaitReady();
        } catch (RuntimeException | Error e) {
            keycloak.close();
            throw e;
        }
        LOG.info(() -> "Keycloak ready on port " + port + " in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        return keycloak;
    }

    private static Process launch(Path home, int port, Path log) {
        Path projectDir = Path.of(System.getProperty("it.projectDir", "."));
        try {
            if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                throw new IllegalStateException("no Keycloak distribution at " + home + " (Maven unpacks it before the ITs)");
            }
            Path data = home.resolve("data");
            ItFiles.deleteRecursively(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            Files.copy(projectDir.resolve("src/test/resources/keycloak/fluxbase-realm.json"), imports.resolve("fluxbase-realm.json"));
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--http-management-port=" + FluxbaseServer.freePort(),
                    // the issuer of every token, whoever asks: the tests and the server under test alike
                    "--hostname=http://127.0.0.1:" + port,
                    "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // the client compiler only: a tenth off the (re)build and start on two busy cores; tests need no peak speed
            environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            LOG.info(() -> "Starting Keycloak on port " + port + " (log: " + log + ")");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
    }

    /** Ready when the realm's discovery document answers: the realm is imported then. */
    private void awaitReady() {
        Eventually.await("Keycloak to serve the realm (log: " + log + ")", BOOT_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("Keycloak exited with " + process.exitValue() + "; log: " + ItFiles.tail(log));
            }
            try {
                return send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).GET()).statusCode() == 200;
            } catch (UncheckedIOException e) {
                return false;
            }
        });
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code iss} of the realm's tokens. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** An access token of the realm by the password grant (users' passwords are their names). */
    public String tokenFor(String user, String password, String clientId) {
        return token(issuer(), user, password, clientId);
    }

    /**
     * Rotates the realm's signing key: a new generated RSA key with a higher priority than every earlier one,
     * so tokens issued from now on carry a new {@code kid} (the old keys stay, for tokens already issued).
     */
    public synchronized void rotateKeys() {
        String admin = token(baseUrl() + "/realms/master", ADMIN, ADMIN_PASSWORD, "admin-cli");
        String realmId = json(admin(HttpRequest.newBuilder(adminUri("")).GET(), admin, 200)).getString("id");
        rotations++;
        JsonObject component = Json.createObjectBuilder()
                .add("name", "rsa-rotated-" + rotations)
                .add("providerId", "rsa-generated")
                .add("providerType", "org.keycloak.keys.KeyProvider")
                .add("parentId", realmId)
                .add("config", Json.createObjectBuilder()
                        .add("priority", Json.createArrayBuilder().add(String.valueOf(1000 + rotations)))
                        .add("algorithm", Json.createArrayBuilder().add("RS256"))
                        .add("keySize", Json.createArrayBuilder().add("2048")))
                .build();
        admin(HttpRequest.newBuilder(adminUri("/components")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component.toString())), admin, 201);
    }

    private URI adminUri(String path) {
        return URI.create(baseUrl() + "/admin/realms/" + REALM + path);
    }

    private static String admin(HttpRequest.Builder request, String token, int expected) {
        HttpResponse<String> response = send(request.header("Authorization", "Bearer " + token));
        if (response.statusCode() != expected) {
            throw new AssertionError("Keycloak's admin API answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String token(String realmUrl, String user, String password, String clientId) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", user, "password", password, "scope", "openid")
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak refused a token for " + user + " of " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).getString("access_token");
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Stops Keycloak, and the JVM that {@code kc.sh} may still run as its child during the first start. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        FluxbaseServer.Running.stop(process);
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
