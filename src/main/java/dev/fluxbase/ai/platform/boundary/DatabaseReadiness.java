package dev.fluxbase.ai.platform.boundary;

import dev.fluxbase.ai.platform.control.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers and the schema has been migrated by this instance. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    DataSource dataSource;

    @Inject
    SchemaMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Optional<String> version = migrator.migratedVersion();
        if (version.isEmpty()) {
            return response.down().withData("reason", "schema not migrated yet: " + migrator.lastError()).build();
        }
        response.withData("schemaVersion", version.get());
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS)
                    ? response.up().build()
                    : response.down().withData("reason", "database connection is not valid").build();
        } catch (SQLException e) {
            return response.down().withData("reason", "database unreachable: " + e.getMessage()).build();
        }
    }
}
