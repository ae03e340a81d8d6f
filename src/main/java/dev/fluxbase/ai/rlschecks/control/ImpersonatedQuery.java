package dev.fluxbase.ai.rlschecks.control;

import dev.fluxbase.ai.platform.control.DatabaseRoles;
import dev.fluxbase.ai.platform.control.LocalSettings;
import dev.fluxbase.ai.platform.control.StatementDeadline;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.tools.sqlguard.control.PostgresText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a check's SQL as an impersonated user, where the database enforces what the user may see: the user's
 * database role ({@code SET LOCAL ROLE}) with their JWT claims for row-level security, a READ ONLY transaction that
 * is always rolled back, the chatbot's schemas as the search path, the SQL tool's statement timeout, and a row cap.
 * This is what the chatbot's own {@code execute_sql} does for that user, minus the result bounds meant for the LLM:
 * here every returned row's owner counts.
 */
@ApplicationScoped
public class ImpersonatedQuery {

    @Inject
    DataSource dataSource;

    @Inject
    DatabaseRoles roles;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.statement-timeout-ms", defaultValue = "10000")
    int statementTimeoutMillis;

    @Inject
    @ConfigProperty(name = "fluxbase.rls-checks.max-rows", defaultValue = "10000")
    int maxRows;

    /**
     * @param ownerColumn the result column holding each row's owner, or null to count rows only
     * @throws SQLException when the query cannot run for this user (refused, timed out, or the owner column missing)
     */
    VisibleRows run(String sql, String ownerColumn, Impersonation user, List<String> schemas) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                LocalSettings.apply(connection, settings(user, schemas));
                return read(connection, sql, ownerColumn);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private List<String> settings(Impersonation user, List<String> schemas) {
        List<String> settings = new ArrayList<>(List.of("transaction_read_only", "on"));
        settings.addAll(LocalSettings.databaseRole(roles.forClaimRole(user.role()), user.userId(), user.role(), claims(user)));
        settings.addAll(List.of("statement_timeout", String.valueOf(statementTimeoutMillis),
                "search_path", schemas.stream().map(ImpersonatedQuery::quote).collect(Collectors.joining(", "))));
        return settings;
    }

    /** The user's own claims, then {@code sub} and {@code role}, which no extra claim may change. */
    static String claims(Impersonation user) {
        JsonObjectBuilder claims = JsonFactories.PROVIDER.createObjectBuilder();
        if (user.claimsJson() != null) {
            for (Map.Entry<String, JsonValue> claim : JsonFactories.readObject(user.claimsJson()).entrySet()) {
                claims.add(claim.getKey(), claim.getValue());
            }
        }
        return claims.add("sub", user.userId()).add("role", user.role()).build().toString();
    }

    private VisibleRows read(Connection connection, String sql, String ownerColumn) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            StatementDeadline.follow(statement, statementTimeoutMillis);
            statement.setMaxRows(maxRows + 1);
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery(PostgresText.statement(sql))) {
                int owner = ownerColumn == null ? 0 : column(rows.getMetaData(), ownerColumn);
                List<String> owners = new ArrayList<>();
                int count = 0;
                while (count < maxRows && rows.next()) {
                    count++;
                    if (owner > 0) {
                        owners.add(rows.getString(owner));
                    }
                }
                return new VisibleRows(count, owners, count == maxRows && rows.next());
            }
        }
    }

    private static int column(ResultSetMetaData meta, String name) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equals(name)) {
                return i;
            }
            labels.add(meta.getColumnLabel(i));
        }
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new SQLException("The result has no column \"" + name + "\" to tell whose a row is; its columns: " + String.join(", ", labels));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
