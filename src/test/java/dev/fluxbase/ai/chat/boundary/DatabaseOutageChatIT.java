package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database outage during a conversation: the turn ends with a DATABASE_UNAVAILABLE error frame
 * before the provider is called, the socket and the server survive, and the next turn works once the
 * database is back, also when no turn saw the outage.
 */
@ExtendWith(FluxbaseServer.class)
class DatabaseOutageChatIT {

    @Test
    void aTurnDuringAnOutageFailsCleanlyAndTheNextOneWorks(ServerUnderTest server) {
        server.llm().reset();
        try (ChatClient chat = server.chatAs("outage-user")) {
            String id = chat.startChat("skeleton-bot", "default");
            List<JsonObject> failed;
            try {
                server.databaseProxy().cut();
                chat.message(id, "are you there?");
                failed = chat.turn(id);
            } finally {
                server.databaseProxy().restore();
            }
            JsonObject end = failed.get(failed.size() - 1);
            assertThat(end.getString("type")).isEqualTo("error");
            assertThat(end.getString("code")).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(end.getString("error")).isNotBlank();
            assertThat(server.llm().requests()).isEmpty();
            assertThat(chat.isOpen()).isTrue();

            server.llm().enqueue(Reply.text("back again"));
            chat.message(id, "and now?");
            List<JsonObject> next = chat.turn(id);
            assertThat(next.get(next.size() - 1).getString("type")).isEqualTo("done");
        }
    }

    /** The pool checks connections without a query: those an outage broke while idle fail on first use, not the turn. */
    @Test
    void theFirstTurnAfterAnOutageThatNoTurnSawWorks(ServerUnderTest server) {
        server.llm().reset();
        try (ChatClient chat = server.chatAs("silent-outage-user")) {
            String id = chat.startChat("skeleton-bot", "default");
            server.llm().enqueue(Reply.text("before"), Reply.text("after"));
            chat.message(id, "still there?");
            List<JsonObject> before = chat.turn(id);
            assertThat(before.get(before.size() - 1).getString("type")).isEqualTo("done");

            server.databaseProxy().cut();
            server.databaseProxy().restore();
            chat.message(id, "and now?");
            List<JsonObject> next = chat.turn(id);
            assertThat(next.get(next.size() - 1).getString("type")).isEqualTo("done");
        }
    }
}
