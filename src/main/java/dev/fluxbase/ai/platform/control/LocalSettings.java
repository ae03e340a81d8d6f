package dev.fluxbase.ai.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Settings that last until the transaction ends ({@code SET LOCAL}), made in one round trip. PostgreSQL evaluates
 * a select list from left to right, so they are made in the order given: a setting the end user's role may not
 * make goes before {@code role}. Names and values are parameters, so nothing is quoted by hand.
 */
public final class LocalSettings {

    private LocalSettings() {
    }

    /**
     * The settings under which PostgreSQL checks an end user's privileges and row-level security: the role
     * ({@code SET LOCAL ROLE}) and the JWT claims that policies read, as a PostgreSQL API server sets them.
     */
    public static List<String> databaseRole(String role, String userId, String claimRole, String claimsJson) {
        return List.of("role", role,
                "request.jwt.claims", claimsJson,
                "request.jwt.claim.sub", userId == null ? "" : userId,
                "request.jwt.claim.role", claimRole);
    }

    /** @param namesAndValues name, value, name, value, ... */
    public static void apply(Connection connection, List<String> namesAndValues) throws SQLException {
        if (namesAndValues.size() % 2 != 0) {
            throw new IllegalArgumentException("settings come in name and value pairs");
        }
        String select = "SELECT " + String.join(", ", Collections.nCopies(namesAndValues.size() / 2, "set_config(?, ?, true)"));
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            for (int i = 0; i < namesAndValues.size(); i++) {
                statement.setString(i + 1, namesAndValues.get(i));
            }
            statement.execute();
        }
    }
}
