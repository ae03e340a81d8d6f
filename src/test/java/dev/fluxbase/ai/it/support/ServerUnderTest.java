package dev.fluxbase.ai.it.support;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The running server and everything around it that a test may drive or inspect. */
public final class ServerUnderTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final FakeLlmServer llm;
    private final DatabaseProxy databaseProxy;
    private final TestDatabase database;
    private final TestTokens tokens;
    private final Instances instances;

    ServerUnderTest(int port, FakeLlmServer llm, DatabaseProxy databaseProxy, TestDatabase database, TestTokens tokens, Instances instances) {
        this.port = port;
        this.llm = llm;
        this.databaseProxy = databaseProxy;
        this.database = database;
        this.tokens = tokens;
        this.instances = instances;
    }

    Instances instances() {
        return instances;
    }

    /**
     * A second instance of the server on the same database and fake provider, started on first use
     * (it costs a boot) and stopped when the run ends.
     */
    public ServerUnderTest secondInstance() {
        return instances.second();
    }

    /**
     * An instance of the server that also trusts the run's Keycloak ({@link KeycloakServer}, whose realm roles and
     * groups it maps to database roles and admin rights), on the same database and fake provider and with the
     * same static test key: started on first use (it costs Keycloak's start, once per run, and a boot) and
     * stopped when the run ends. Its chatbots are the ones the first instance loaded.
     */
    public ServerUnderTest keycloakInstance() {
        return instances.keycloak();
    }

    /**
     * Starts one more instance on the same database and fake provider, with these settings on top of the
     * run's, for a test that stops it (SIGTERM or kill). The caller closes it; it costs a boot.
     */
    public DisposableInstance startDisposableInstance(Map<String, String> environment) {
        return startDisposableInstance(environment, List.of());
    }

    /** The same, with Payara Micro's clustering options instead of {@code --nocluster} (unless empty). */
    public DisposableInstance startDisposableInstance(Map<String, String> environment, List<String> clusterArguments) {
        return instances.disposable(environment, clusterArguments);
    }

    /** Moves the clock of every running instance to the system clock plus {@code offset} (whole seconds). */
    public void moveClock(Duration offset) {
        for (ServerUnderTest instance : instances.running()) {
            instance.moveOwnClock(offset);
        }
    }

    /** Moves the clocks so that they read {@code instant} now, or at most a second later (offsets are whole seconds). */
    public void moveClockTo(Instant instant) {
        moveClock(offsetTo(instant));
    }

    /** Moves this instance's clock only, as {@link #moveClockTo}: for a disposable instance, which that leaves alone. */
    public void moveOwnClockTo(Instant instant) {
        moveOwnClock(offsetTo(instant));
    }

    private void moveOwnClock(Duration offset) {
        ApiResponse moved = call("PUT", "/api/v1/admin/ai/testing/clock", serviceKey(), "{\"offset_seconds\":" + offset.toSeconds() + "}");
        if (moved.status() != 200) {
            throw new AssertionError("could not move the clock: " + moved);
        }
    }

    private static Duration offsetTo(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        return Duration.ofSeconds(Math.floorDiv(millis, 1000) + (Math.floorMod(millis, 1000) == 0 ? 0 : 1));
    }

    public void resetClock() {
        moveClock(Duration.ZERO);
    }

    /** Runs this instance's periodic jobs now and waits for them; the answer says what each did. */
    public JsonObject runJobs() {
        ApiResponse ran = call("POST", "/api/v1/admin/ai/testing/run-jobs", serviceKey(), null);
        if (ran.status() != 200) {
            throw new AssertionError("could not run the jobs: " + ran);
        }
        return ran.json();
    }

    public int port() {
        return port;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    /** A chat socket authenticated as the given user (a fresh user token). */
    public ChatClient chatAs(String userId) {
        return ChatClient.connect(chatUri(userId));
    }

    /** The chat socket's address with a fresh user token, for a client that connects through something else. */
    public URI chatUri(String userId) {
        return ws("/ai/ws?token=" + tokens.userToken(userId));
    }

    public FakeLlmServer llm() {
        return llm;
    }

    public DatabaseProxy databaseProxy() {
        return databaseProxy;
    }

    public TestTokens tokens() {
        return tokens;
    }

    /** A direct connection to the test database (not through the proxy), for setup and inspection. */
    public Connection jdbc() throws SQLException {
        return database.connect();
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql, Object... parameters) {
        try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public int execute(String sql, Object... parameters) {
        try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public TestDatabase database() {
        return database;
    }

    /** A request as the SDK sends it: JSON content type, the token as bearer (null: no token). */
    public ApiResponse call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Sends a request built elsewhere (a multipart upload, say) and reads the answer as text. */
    public ApiResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public ApiResponse get(String path, String token) {
        return call("GET", path, token, null);
    }

    /** A service-role key: what an administrator's tooling uses. */
    public String serviceKey() {
        return tokens.token("service_role", "service_role", Duration.ofHours(1));
    }

    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(http(path)).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
