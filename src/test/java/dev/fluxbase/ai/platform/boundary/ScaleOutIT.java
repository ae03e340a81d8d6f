package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DataGrid;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances joined in Payara's data grid ({@code --clusterMode tcpip}) on one database: they form
 * one cluster, a stored conversation started on one continues on the other, their periodic jobs run
 * at the same moment without doing the work twice, and killing one mid-answer loses nothing that was
 * stored while the other keeps serving. The last test kills an instance, so it runs last.
 */
@ExtendWith(FluxbaseServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BOT = "persisted-bot";

    private ServerUnderTest server;
    private DisposableInstance first;
    private DisposableInstance second;
    private String run;

    @BeforeAll
    void startTwoClusteredInstances(ServerUnderTest server) {
        this.server = server;
        run = UUID.randomUUID().toString().substring(0, 8);
        List<String> cluster = DataGrid.ofTwo("fluxbase-it-" + run);
        first = server.startDisposableInstance(Map.of(), cluster);
        second = server.startDisposableInstance(Map.of(), cluster);
    }

    @AfterAll
    void stop() {
        for (DisposableInstance instance : new DisposableInstance[] {second, first}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @BeforeEach
    void resetProvider() {
        server.llm().reset();
    }

    @Test
    @Order(1)
    void theTwoInstancesFormOneDataGrid() {
        for (DisposableInstance instance : List.of(first, second)) {
            Eventually.await("a data grid of two members", WAIT,
                    () -> instance.log().contains("DG Name: fluxbase-it-" + run + " DG Size: 2"));
        }
    }

    @Test
    @Order(2)
    void aConversationStartedOnOneInstanceContinuesOnTheOther() {
        String owner = "roaming-" + run;
        String id = conversationWithOneTurn(first.server(), owner, "Remember the number 42", "I will remember 42.");
        try (ChatClient chat = second.server().chatAs(owner)) {
            JsonObject resumed = chat.startChatAnswer(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", BOT)
                    .add("conversation_id", id).build());
            assertThat(resumed.getString("conversation_id")).isEqualTo(id);
            server.llm().enqueue(Reply.text("It was 42."));
            chat.message(id, "Which number?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
        List<RecordedRequest> requests = server.llm().requests();
        List<JsonObject> sent = requests.get(requests.size() - 1).json().getJsonArray("messages").getValuesAs(JsonObject.class);
        assertThat(sent.stream().map(m -> m.getString("role") + ":" + m.getString("content", "")).toList())
                .endsWith("user:Remember the number 42", "assistant:I will remember 42.", "user:Which number?");
        assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", id)).containsExactly("4");
    }

    @Test
    @Order(3)
    void jobsRunningOnBothInstancesAtOnceExpireEachConversationOnce() {
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> conversationWithOneTurn(first.server(), "expiring-" + run + "-" + i, "Question " + i, "Answer " + i)).toList();
        for (String id : ids) {
            server.execute("UPDATE ai.conversations SET last_activity_at = now() - interval '2 hours' WHERE id = ?::uuid", id);
        }
        int expired = Integer.parseInt(server.column("SELECT count(*)::text FROM ai.conversations c JOIN ai.chatbots b ON b.id = c.chatbot_id "
                + "WHERE c.last_activity_at <= now() - make_interval(secs => b.conversation_ttl_seconds)").get(0));

        CompletableFuture<JsonObject> onFirst = CompletableFuture.supplyAsync(() -> first.server().runJobs());
        CompletableFuture<JsonObject> onSecond = CompletableFuture.supplyAsync(() -> second.server().runJobs());
        int byFirst = onFirst.join().getJsonObject("jobs").getInt("conversation-expiry");
        int bySecond = onSecond.join().getJsonObject("jobs").getInt("conversation-expiry");

        assertThat(byFirst + bySecond).isEqualTo(expired).isGreaterThanOrEqualTo(ids.size());
        assertThat(List.of(byFirst, bySecond)).contains(0);
        for (String id : ids) {
            assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", id)).containsExactly("0");
        }
    }

    @Test
    @Order(4)
    void killingAnInstanceMidAnswerLosesNoStoredTurnAndTheOtherKeepsServing() {
        List<String> owners = IntStream.range(0, 3).mapToObj(i -> "killed-" + run + "-" + i).toList();
        List<String> ids = new ArrayList<>();
        for (String owner : owners) {
            ids.add(conversationWithOneTurn(first.server(), owner, "First question of " + owner, "First answer."));
        }
        List<ChatClient> onFirst = new ArrayList<>();
        try (ChatClient survivor = second.server().chatAs("survivor-" + run)) {
            String survivorId = survivor.startChat(BOT, "default");
            for (int i = 0; i < owners.size(); i++) {
                ChatClient chat = first.server().chatAs(owners.get(i));
                onFirst.add(chat);
                chat.startChatAnswer(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", BOT).add("conversation_id", ids.get(i)).build());
                server.llm().enqueue(slowAnswer());
                chat.message(ids.get(i), "Second question");
                chat.until(f -> f.getString("type").equals("content"));
            }
            server.llm().enqueue(slowAnswer());
            survivor.message(survivorId, "Are you still there?");
            survivor.until(f -> f.getString("type").equals("content"));

            first.kill();

            for (ChatClient chat : onFirst) {
                Eventually.await("the killed instance's socket to drop", WAIT, () -> !chat.isOpen());
            }
            assertThat(last(survivor.turn(survivorId)).getString("type")).isEqualTo("done");
        } finally {
            onFirst.forEach(ChatClient::close);
        }
        for (int i = 0; i < owners.size(); i++) {
            // The finished turn is stored whole, the interrupted one up to its admitted question.
            assertThat(server.column("SELECT role || ':' || content FROM ai.messages WHERE conversation_id = ?::uuid ORDER BY ordinal", ids.get(i)))
                    .containsExactly("user:First question of " + owners.get(i), "assistant:First answer.", "user:Second question");
            try (ChatClient chat = second.server().chatAs(owners.get(i))) {
                JsonObject resumed = chat.startChatAnswer(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", BOT)
                        .add("conversation_id", ids.get(i)).build());
                assertThat(resumed.getString("type")).isEqualTo("chat_started");
                server.llm().enqueue(Reply.text("Back again."));
                chat.message(ids.get(i), "Third question");
                assertThat(last(chat.turn(ids.get(i))).getString("type")).isEqualTo("done");
            }
        }
    }

    private static Reply slowAnswer() {
        return Reply.text("slow ", "and ", "steady ", "wins ", "the ", "race").chunkDelay(Duration.ofMillis(400));
    }

    private String conversationWithOneTurn(ServerUnderTest instance, String owner, String question, String answer) {
        try (ChatClient chat = instance.chatAs(owner)) {
            String id = chat.startChat(BOT, "default");
            server.llm().enqueue(Reply.text(answer));
            chat.message(id, question);
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            return id;
        }
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
