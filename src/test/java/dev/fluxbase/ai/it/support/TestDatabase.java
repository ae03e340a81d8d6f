package dev.fluxbase.ai.it.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/** The fresh database that the test command created for this run (see payara/test.sh). */
public record TestDatabase(String url, String user, String password) {

    static TestDatabase fromSystemProperties() {
        String url = System.getProperty("it.db.url", "");
        if (url.isBlank() || url.startsWith("${")) {
            throw new IllegalStateException("No test database: run the tests with payara/test.sh, or set "
                    + "FLUXBASE_TEST_DB_URL, FLUXBASE_TEST_DB_USER and FLUXBASE_TEST_DB_PASSWORD");
        }
        return new TestDatabase(url, System.getProperty("it.db.user"), System.getProperty("it.db.password"));
    }

    /** The same database as a superuser of its cluster, when the test command made one (payara/test.sh does). */
    public Optional<TestDatabase> asSuperuser() {
        String user = System.getProperty("it.db.admin-user", "");
        if (user.isBlank() || user.startsWith("${")) {
            return Optional.empty();
        }
        return Optional.of(new TestDatabase(url, user, System.getProperty("it.db.admin-password")));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    URI hostAndPort() {
        return URI.create(url.substring("jdbc:".length()));
    }

    /** The same database reached through another port (the proxy). */
    String urlThroughPort(int port) {
        URI uri = hostAndPort();
        return "jdbc:postgresql://127.0.0.1:" + port + uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }
}
