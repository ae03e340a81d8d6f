package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.control.LocalSettings;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads tables the way an end user would: in a READ ONLY transaction, as the export role ({@code SET LOCAL ROLE},
 * with claims naming only that role, so policies that look for a user find none), with a statement timeout. So
 * PostgreSQL itself decides which tables, columns and rows an export sees, whatever the server's SQL asks for.
 */
@ApplicationScoped
public class ExportSession {

    @Inject
    DataSource dataSource;

    @Inject
    ExportRoles roles;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.table-export.statement-timeout-ms", defaultValue = "30000")
    int statementTimeoutMillis;

    /** @param role the export role ({@link ExportRoles#chosen}); it is checked before anything runs as it */
    public <T> T readAs(String role, Jdbc.Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return Jdbc.inLocalTransaction(connection, transaction -> {
                roles.check(transaction, role);
                LocalSettings.apply(transaction, settings(role));
                return work.run(transaction);
            });
        } catch (SQLException e) {
            throw ExportFailure.of(e, statementTimeoutMillis);
        }
    }

    /** The role is validated before it is used, so its name may be the role setting's value as it is. */
    private List<String> settings(String role) {
        List<String> settings = new ArrayList<>(List.of("transaction_read_only", "on"));
        String claims = JsonFactories.PROVIDER.createObjectBuilder().add("role", role).build().toString();
        settings.addAll(LocalSettings.databaseRole(role, null, role, claims));
        settings.addAll(List.of("statement_timeout", String.valueOf(statementTimeoutMillis)));
        return settings;
    }
}
