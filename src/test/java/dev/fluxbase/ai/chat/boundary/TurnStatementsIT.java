package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import dev.fluxbase.ai.it.support.StatementLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one chat turn costs the database, read on the wire between the server and PostgreSQL: no
 * connection validation, two transactions (the admission commits before the provider is called, the
 * booking before the client hears the end), one counter upsert in each, the ledger row without reading
 * its id back. A second turn of the same user is recorded, so that the chatbot and the pool are warm.
 * The counter rows' locks are taken by the last statement before each commit, also when the turn stores
 * its conversation's messages, so that a subject's parallel turns wait for each other no longer.
 */
@ExtendWith(FluxbaseServer.class)
class TurnStatementsIT {

    private static final Logger LOG = Logger.getLogger(TurnStatementsIT.class.getName());

    @Test
    void aTurnWithoutToolsIsTwoShortTransactions(ServerUnderTest server) {
        server.llm().reset();
        try (ChatClient chat = server.chatAs("lean-" + UUID.randomUUID())) {
            String id = chat.startChat("sql-bot", "default");
            turn(server, chat, id, Reply.text("Warm."));
            StatementLog log = server.databaseProxy().record();
            turn(server, chat, id, Reply.text("Lean."));
            server.databaseProxy().stopRecording();
            report("a turn without tools", log);

            assertLean(log);
        }
    }

    @Test
    void aTurnWithAnExecuteSqlCallAddsOnlyItsQueryTransaction(ServerUnderTest server) {
        SqlFixture.ensure(server);
        server.llm().reset();
        try (ChatClient chat = server.chatAs("lean-" + UUID.randomUUID())) {
            String id = chat.startChat("sql-bot", "default");
            turn(server, chat, id, Reply.text("Warm."));
            StatementLog log = server.databaseProxy().record();
            turn(server, chat, id, Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", "SELECT item FROM orders").build().toString()),
                    Reply.text("Two orders."));
            server.databaseProxy().stopRecording();
            report("a turn with execute_sql", log);

            assertLean(log);
            assertThat(log.count("FROM orders")).as("the tool's query").isPositive();
        }
    }

    @Test
    void aStoredConversationsTurnTakesTheCounterLocksLast(ServerUnderTest server) {
        server.llm().reset();
        try (ChatClient chat = server.chatAs("lean-" + UUID.randomUUID())) {
            String id = chat.startChat("persisted-bot", "default");
            turn(server, chat, id, Reply.text("Warm."));
            StatementLog log = server.databaseProxy().record();
            turn(server, chat, id, Reply.text("Stored."));
            server.databaseProxy().stopRecording();
            report("a turn of a stored conversation", log);

            assertLean(log);
            List<String> statements = log.statements();
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).contains("ai.usage_counters")) {
                    assertThat(statements.get(i + 1)).as("what follows the counter upsert").isEqualTo("COMMIT");
                }
            }
        }
    }

    private static void assertLean(StatementLog log) {
        assertThat(log.count("alive")).as("connection validation queries").isZero();
        assertThat(log.count("lastval")).as("identity read-backs").isZero();
        assertThat(log.count("INSERT INTO ai.usage_counters")).as("counter upserts: one at admission, one at booking").isEqualTo(2);
        assertThat(log.count("INSERT INTO ai.usage_ledger")).as("ledger rows").isEqualTo(1);
    }

    private static void turn(ServerUnderTest server, ChatClient chat, String id, Reply... replies) {
        server.llm().enqueue(replies);
        chat.message(id, "How are we doing?");
        List<JsonObject> frames = chat.turn(id);
        assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
    }

    private static void report(String what, StatementLog log) {
        LOG.info(() -> what + ": " + log.statements().size() + " statements, " + log.count("COMMIT") + " commits, " + log.roundTrips()
                + " round trips:\n  " + String.join("\n  ", log.statements()));
    }
}
