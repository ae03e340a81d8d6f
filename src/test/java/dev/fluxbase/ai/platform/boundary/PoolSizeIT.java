package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pool's size comes from {@code fluxbase.db.pool.max}: an instance started with a pool of two holds
 * at most two connections, however many turns want one. The test locks the usage counters, so that each
 * admitted turn holds its connection while it waits for the lock; a third turn then waits for a
 * connection instead, until the pool's five seconds pass and it ends with DATABASE_UNAVAILABLE.
 */
@ExtendWith(FluxbaseServer.class)
class PoolSizeIT {

    private static final String WAITING_ADMISSIONS = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            + "AND query LIKE 'INSERT INTO ai.usage_counters%'";

    @Test
    void anInstanceOpensNoMoreConnectionsThanItsConfiguredPool(ServerUnderTest server) throws SQLException {
        server.llm().reset();
        List<ChatClient> clients = new ArrayList<>();
        try (DisposableInstance instance = server.startDisposableInstance(Map.of("FLUXBASE_DB_POOL_MAX", "2"))) {
            List<String> conversations = new ArrayList<>();
            try (Connection lock = server.jdbc()) {
                for (int i = 0; i < 3; i++) {
                    ChatClient chat = instance.server().chatAs("pool-" + UUID.randomUUID());
                    clients.add(chat);
                    conversations.add(chat.startChat("skeleton-bot", "default"));
                }
                lock.setAutoCommit(false);
                try (Statement statement = lock.createStatement()) {
                    statement.execute("LOCK TABLE ai.usage_counters IN EXCLUSIVE MODE");
                }
                server.llm().enqueue(Reply.text("one"), Reply.text("two"));
                for (int i = 0; i < 2; i++) {
                    clients.get(i).message(conversations.get(i), "hello?");
                    int admissions = i + 1;
                    Eventually.await(admissions + " admissions waiting for the lock", Duration.ofSeconds(20), () -> waiting(server) == admissions);
                }

                clients.get(2).message(conversations.get(2), "and me?");
                List<JsonObject> refused = clients.get(2).turn(conversations.get(2));
                assertThat(refused.get(refused.size() - 1).getString("code")).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(waiting(server)).as("admissions holding a connection").isEqualTo(2);
                lock.rollback();
            }
            for (int i = 0; i < 2; i++) {
                List<JsonObject> frames = clients.get(i).turn(conversations.get(i));
                assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
            }
        } finally {
            clients.forEach(ChatClient::close);
        }
    }

    private static long waiting(ServerUnderTest server) {
        return Long.parseLong(server.column(WAITING_ADMISSIONS).get(0));
    }
}
