package dev.fluxbase.ai.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** The running server and everything around it that a test may drive or inspect. */
public final class ServerUnderTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final FakeLlmServer llm;
    private final DatabaseProxy databaseProxy;
    private final TestDatabase database;
    private final TestTokens tokens;

    ServerUnderTest(int port, FakeLlmServer llm, DatabaseProxy databaseProxy, TestDatabase database, TestTokens tokens) {
        this.port = port;
        this.llm = llm;
        this.databaseProxy = databaseProxy;
        this.database = database;
        this.tokens = tokens;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
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
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    public TestDatabase database() {
        return database;
    }

    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(http(path)).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
