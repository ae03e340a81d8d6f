package dev.fluxbase.ai.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conversations of chatbots with {@code persist-conversations}: every turn is stored, the owner resumes
 * them from any socket, nobody else can, they expire with their chatbot's TTL, and {@code max-turns}
 * holds across sockets. Chatbots without persistence store nothing.
 */
@ExtendWith(FluxbaseServer.class)
class ConversationPersistenceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BOT = "persisted-bot";

    private ServerUnderTest server;
    private String owner;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
        owner = "owner-" + UUID.randomUUID();
    }

    @AfterEach
    void resetClock() {
        server.resetClock();
    }

    @Test
    void everyTurnIsStoredWithItsQueryResultsAndUsage() {
        String id;
        try (ChatClient chat = server.chatAs(owner)) {
            id = chat.startChat(BOT, "default");
            server.llm().enqueue(Reply.toolCall("execute_sql", "{\"sql\":\"SELECT 1 AS one\",\"description\":\"count\"}").usage(30, 4),
                    Reply.text("There is ", "one.").usage(50, 6));
            chat.message(id, "How many are there?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
        assertThat(server.column("SELECT user_id || '|' || title || '|' || turn_count FROM ai.conversations WHERE id = ?::uuid", id))
                .containsExactly(owner + "|How many are there?|1");
        assertThat(server.column("SELECT ordinal || '|' || role || '|' || content || '|' || coalesce(prompt_tokens::text, '-') || '|' "
                + "|| coalesce(completion_tokens::text, '-') FROM ai.messages WHERE conversation_id = ?::uuid ORDER BY ordinal", id))
                .containsExactly("1|user|How many are there?|-|-", "2|assistant|There is one.|80|10");
        JsonObject result = Json.createReader(new StringReader(server.column(
                "SELECT query_results::text FROM ai.messages WHERE conversation_id = ?::uuid AND role = 'assistant'", id).get(0)))
                .readArray().getJsonObject(0);
        assertThat(result.getString("query")).isEqualTo("SELECT 1 AS one");
        assertThat(result.getInt("row_count")).isEqualTo(1);
        assertThat(result.getJsonArray("data").getJsonObject(0).getInt("one")).isEqualTo(1);

        JsonObject answer = server.get("/api/v1/ai/conversations/" + id, server.tokens().userToken(owner)).json()
                .getJsonArray("messages").getJsonObject(1);
        assertThat(answer.getJsonArray("query_results").getJsonObject(0).getString("query")).isEqualTo("SELECT 1 AS one");
        assertThat(answer.getJsonObject("usage").getInt("total_tokens")).isEqualTo(90);
    }

    @Test
    void aQuestionRefusedByALimitIsNeitherATurnNorStored() {
        server.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusSeconds(1));
        try (ChatClient chat = server.chatAs(owner)) {
            String id = chat.startChat("tight-history-bot", "default");
            for (int i = 0; i < 2; i++) {
                server.llm().enqueue(Reply.text("ok"));
                chat.message(id, "question " + i);
                assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            }
            chat.message(id, "one too many");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(server.column("SELECT turn_count::text FROM ai.conversations WHERE id = ?::uuid", id)).containsExactly("2");
            assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", id)).containsExactly("4");
        }
    }

    @Test
    void theOwnerResumesFromANewConnectionWithTheHistory() {
        String id = conversationWithOneTurn(owner);
        server.llm().reset();
        try (ChatClient chat = server.chatAs(owner)) {
            assertThat(resume(chat, BOT, id).getString("type")).isEqualTo("chat_started");
            server.llm().enqueue(Reply.text("You asked about the weather."));
            chat.message(id, "What did I ask?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
        List<String> sent = server.llm().awaitRequest(WAIT).json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("role") + ":" + m.getString("content")).toList();
        assertThat(sent.subList(1, sent.size())).containsExactly("user:How is the weather?", "assistant:Sunny.", "user:What did I ask?");
        assertThat(server.column("SELECT turn_count::text FROM ai.conversations WHERE id = ?::uuid", id)).containsExactly("2");
    }

    @Test
    void nobodyElseResumesItAndItStaysWithItsChatbot() {
        String id = conversationWithOneTurn(owner);
        try (ChatClient other = server.chatAs("intruder-" + UUID.randomUUID())) {
            JsonObject refused = resume(other, BOT, id);
            assertThat(refused.getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
            assertThat(refused.getString("error")).isEqualTo("Conversation not found");
        }
        try (ChatClient chat = server.chatAs(owner)) {
            assertThat(resume(chat, "guide-example", id).getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
            assertThat(resume(chat, BOT, UUID.randomUUID().toString()).getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
            assertThat(resume(chat, BOT, "not-a-uuid").getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
            assertThat(resume(chat, BOT, id).getString("type")).isEqualTo("chat_started");
        }
    }

    @Test
    void anIdleConversationExpiresWithItsChatbotsTtlAndTheTimerDeletesIt() {
        String id;
        try (ChatClient chat = server.chatAs(owner)) {
            id = chat.startChat(BOT, "default");
            server.llm().enqueue(Reply.text("Sunny."));
            chat.message(id, "How is the weather?");
            chat.turn(id);

            server.moveClock(Duration.ofMinutes(61));
            chat.message(id, "Still there?");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
        }
        try (ChatClient chat = server.chatAs(owner)) {
            assertThat(resume(chat, BOT, id).getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
        }
        assertThat(server.get("/api/v1/ai/conversations/" + id, server.tokens().userToken(owner)).status()).isEqualTo(404);
        assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", id)).containsExactly("2");

        JsonObject jobs = server.runJobs().getJsonObject("jobs");

        // The scheduled tick runs on the moved clock too: it may have deleted the conversation before this run did.
        assertThat(jobs.getInt("conversation-expiry")).isNotNegative();
        assertThat(server.column("SELECT count(*)::text FROM ai.conversations WHERE id = ?::uuid", id)).containsExactly("0");
        assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", id)).containsExactly("0");
    }

    @Test
    void aGoDurationTtlOfMinutesCountsInMinutes() {
        try (ChatClient chat = server.chatAs(owner)) {
            String id = chat.startChat("half-hour-bot", "default");
            server.llm().enqueue(Reply.text("Noted."));
            chat.message(id, "Remember the number 7.");
            chat.turn(id);

            server.moveClock(Duration.ofMinutes(25));
            server.llm().enqueue(Reply.text("Seven."));
            chat.message(id, "Which number?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");

            server.moveClock(Duration.ofMinutes(25 + 31)); // an offset from now, not a step
            chat.message(id, "Still there?");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
        }
        String botId = server.column("SELECT id::text FROM ai.chatbots WHERE name = 'half-hour-bot'").get(0);
        JsonObject bot = server.get("/api/v1/admin/ai/chatbots/" + botId, server.serviceKey()).json();
        assertThat(bot.getJsonNumber("conversation_ttl_hours").doubleValue()).isEqualTo(0.5);
    }

    @Test
    void activityKeepsAConversationAlive() {
        String id = conversationWithOneTurn(owner);
        server.moveClock(Duration.ofMinutes(50));
        try (ChatClient chat = server.chatAs(owner)) {
            resume(chat, BOT, id);
            server.llm().enqueue(Reply.text("Still sunny."));
            chat.message(id, "And now?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
        server.moveClock(Duration.ofMinutes(100));
        server.runJobs();
        assertThat(server.column("SELECT turn_count::text FROM ai.conversations WHERE id = ?::uuid", id)).containsExactly("2");
    }

    @Test
    void maxTurnsHoldsAcrossConnections() {
        String id = conversationWithOneTurn(owner);
        try (ChatClient chat = server.chatAs(owner)) {
            resume(chat, BOT, id);
            for (int i = 0; i < 2; i++) {
                server.llm().enqueue(Reply.text("ok"));
                chat.message(id, "again");
                assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            }
            chat.message(id, "a fourth question");
            JsonObject refused = last(chat.turn(id));
            assertThat(refused.getString("code")).isEqualTo("TURN_LIMIT");
            assertThat(refused.getString("error")).isEqualTo("Conversation turn limit reached");
        }
        try (ChatClient chat = server.chatAs(owner)) {
            resume(chat, BOT, id);
            chat.message(id, "from elsewhere");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("TURN_LIMIT");
        }
        assertThat(server.column("SELECT turn_count::text FROM ai.conversations WHERE id = ?::uuid", id)).containsExactly("3");
        assertThat(server.column("SELECT outcome || ':' || coalesce(error_code, '-') FROM ai.usage_ledger WHERE conversation_id = ?::uuid "
                + "ORDER BY id", id)).containsExactly("done:-", "done:-", "done:-", "refused:TURN_LIMIT", "refused:TURN_LIMIT");
    }

    @Test
    void maxTurnsHoldsForConversationsThatAreNotStored() {
        try (ChatClient chat = server.chatAs(owner)) {
            String id = chat.startChat("short-bot", "default");
            for (int i = 0; i < 2; i++) {
                server.llm().enqueue(Reply.text("ok"));
                chat.message(id, "question " + i);
                assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            }
            chat.message(id, "a third");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("TURN_LIMIT");
        }
        assertThat(server.llm().requests()).hasSize(2);
    }

    @Test
    void withoutPersistenceNothingIsWritten() {
        String user = "ephemeral-" + UUID.randomUUID();
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("skeleton-bot", "default");
            server.llm().enqueue(Reply.text("gone with the socket"));
            chat.message(id, "Remember me?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            assertThat(server.column("SELECT count(*)::text FROM ai.conversations WHERE id = ?::uuid OR user_id = ?", id, user))
                    .containsExactly("0");
            assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", id)).containsExactly("0");
        }
        try (ChatClient chat = server.chatAs(user)) {
            JsonObject started = resume(chat, "skeleton-bot", UUID.randomUUID().toString());
            assertThat(started.getString("type")).isEqualTo("chat_started");
        }
        assertThat(server.get("/api/v1/ai/conversations", server.tokens().userToken(user)).json().getInt("total")).isZero();
    }

    private String conversationWithOneTurn(String user) {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(BOT, "default");
            server.llm().enqueue(Reply.text("Sunny."));
            chat.message(id, "How is the weather?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            return id;
        }
    }

    private static JsonObject resume(ChatClient chat, String chatbot, String id) {
        return chat.startChatAnswer(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", chatbot).add("namespace", "default")
                .add("conversation_id", id).build());
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
