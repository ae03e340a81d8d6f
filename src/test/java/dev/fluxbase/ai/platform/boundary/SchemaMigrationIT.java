package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server migrated a fresh database at boot; migrating again is a no-op. */
@ExtendWith(FluxbaseServer.class)
class SchemaMigrationIT {

    @Test
    void theServerCreatedEveryTableInTheAiSchema(ServerUnderTest server) throws SQLException {
        assertThat(strings(server, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'ai'"))
                .contains("chatbots", "providers", "conversations", "messages", "usage_counters", "usage_ledger",
                        "knowledge_bases", "documents", "chunks", "chatbot_knowledge_bases", "sql_audit_log",
                        "flyway_schema_history");
        assertThat(strings(server, "SELECT udt_name FROM information_schema.columns "
                + "WHERE table_schema = 'ai' AND table_name = 'chunks' AND column_name = 'embedding'"))
                .containsExactly("vector");
    }

    @Test
    void migratingAgainChangesNothing(ServerUnderTest server) throws SQLException {
        List<String> before = strings(server, "SELECT version || ':' || checksum FROM ai.flyway_schema_history ORDER BY installed_rank");

        MigrateResult again = Flyway.configure()
                .dataSource(server.database().url(), server.database().user(), server.database().password())
                .schemas("ai")
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(again.success).isTrue();
        assertThat(again.migrationsExecuted).isZero();
        assertThat(strings(server, "SELECT version || ':' || checksum FROM ai.flyway_schema_history ORDER BY installed_rank"))
                .isEqualTo(before)
                .isNotEmpty();
        assertThat(strings(server, "SELECT count(*)::text FROM ai.flyway_schema_history WHERE NOT success")).containsExactly("0");
    }

    private static List<String> strings(ServerUnderTest server, String sql) throws SQLException {
        try (Connection connection = server.jdbc(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
