package dev.fluxbase.ai.tools.sql.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiDocument;
import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sensitive columns (a {@code @sensitive:email} column comment, a phone column named in {@code @fluxbase:sensitive-columns}):
 * the client reads their values, the provider only pseudonyms, across tool rounds, parallel calls, an error and a second turn;
 * a stored conversation keeps its pseudonyms' values, sealed, for its next turns on any instance and for its owner's eyes.
 */
@ExtendWith(FluxbaseServer.class)
class SensitiveColumnsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ANN = "ann.lee@example.com";
    private static final String CARL = "carl.mo@example.com";
    private static final String ALICE = "alice";
    /** What of alice's and bob's contacts no request to the provider may hold. */
    private static final List<String> NEVER_TO_THE_LLM = List.of("ann.lee", "carl.mo", "dora.x", "bob-only", "555-01");
    private static final Pattern EMAIL_PSEUDONYM = Pattern.compile("<email#\\d+>");

    private ServerUnderTest server;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        MaskedContacts.ensure(server);
        server.llm().reset();
        // the model's answer names the first contact it read by the pseudonym it read
        server.llm().respondWith(request -> Reply.text("Your contact is ", MaskedContacts.firstEmailRead(request).orElse("unknown"), "."));
    }

    @Test
    void theLlmReadsPseudonymsWhileTheClientReadsTheValuesAndTheCountsAreRight() {
        String listing = "SELECT id, name, email, lower(email) AS lowered, split_part(email, '@', 1) AS local_part, phone FROM contacts ORDER BY id";
        String counts = "SELECT count(*) AS n, count(DISTINCT email) AS distinct_emails FROM contacts WHERE email LIKE '%@example.com'";
        String failing = "SELECT email::integer FROM contacts";
        List<JsonObject> first;
        List<JsonObject> second;
        try (ChatClient chat = server.chatAs("alice")) {
            String id = chat.startChat(MaskedContacts.NAME, MaskedContacts.NAMESPACE);
            server.llm().enqueue(call(listing), call(counts).andToolCall("execute_sql", arguments(failing)));
            chat.message(id, "Who are my contacts?");
            first = chat.turn(id, WAIT);
            server.llm().enqueue(call("SELECT email FROM contacts WHERE id = 3"));
            chat.message(id, "And the third one?");
            second = chat.turn(id, WAIT);
        }

        // the client reads every value, its own rows only
        JsonArray rows = queryResults(first).get(0).getJsonArray("data");
        assertThat(rows.getValuesAs(JsonObject.class)).extracting(r -> r.getString("email")).containsExactly(ANN, CARL, ANN, "dora.x@elsewhere.test");
        assertThat(rows.getJsonObject(0).getString("lowered")).isEqualTo(ANN);
        assertThat(rows.getJsonObject(0).getString("local_part")).isEqualTo("ann.lee");
        assertThat(rows.getJsonObject(0).getString("phone")).isEqualTo("555-0101");
        JsonObject countRow = queryResults(first).get(1).getJsonArray("data").getJsonObject(0);
        assertThat(countRow.getInt("n")).isEqualTo(3);
        assertThat(countRow.getInt("distinct_emails")).isEqualTo(2);
        assertThat(queryResults(first).get(2).getString("summary")).contains("invalid input syntax for type integer")
                .containsAnyOf(ANN, CARL, "dora.x@elsewhere.test");

        // no request of either turn holds a value; the model reads the counts and pseudonyms
        List<RecordedRequest> requests = chatRequests();
        assertThat(requests).hasSize(5);
        for (RecordedRequest request : requests) {
            NEVER_TO_THE_LLM.forEach(value -> assertThat(request.body()).as("request to the provider").doesNotContain(value));
        }
        List<String> toolResults = MaskedContacts.toolResults(requests.get(2).json());
        JsonObject firstRead = MaskedContacts.sample(toolResults.get(0)).get(0);
        String annPseudonym = firstRead.getString("email");
        assertThat(annPseudonym).matches(EMAIL_PSEUDONYM);
        assertThat(firstRead.getString("lowered")).isEqualTo(annPseudonym);
        assertThat(firstRead.getString("phone")).matches("<phone#\\d+>");
        assertThat(firstRead.getString("name")).isEqualTo("Ann");
        assertThat(MaskedContacts.sample(toolResults.get(0)).get(2).getString("email")).isEqualTo(annPseudonym);
        assertThat(MaskedContacts.sample(toolResults.get(0)).get(1).getString("email")).matches(EMAIL_PSEUDONYM).isNotEqualTo(annPseudonym);
        assertThat(MaskedContacts.sample(toolResults.get(1)).get(0)).isEqualTo(Json.createObjectBuilder().add("n", 3).add("distinct_emails", 2).build());
        assertThat(toolResults.get(2)).contains("invalid input syntax for type integer: \"…\"");

        // the answers hold the pseudonym, the done frames what it stands for; the second turn keeps the first's pseudonym
        assertThat(answer(first)).isEqualTo("Your contact is " + annPseudonym + ".");
        assertThat(last(first).getJsonObject("pseudonyms")).isEqualTo(Json.createObjectBuilder().add(annPseudonym, ANN).build());
        assertThat(answer(second)).isEqualTo("Your contact is " + annPseudonym + ".");
        assertThat(last(second).getJsonObject("pseudonyms")).isEqualTo(Json.createObjectBuilder().add(annPseudonym, ANN).build());
        assertThat(requests.get(3).json().getJsonArray("messages").getValuesAs(JsonObject.class)).filteredOn(m -> "assistant".equals(m.getString("role")))
                .extracting(m -> m.getString("content")).containsExactly("Your contact is " + annPseudonym + ".");

        // the audit log says which result columns the model read masked
        assertThat(server.column("SELECT coalesce(masked_columns, '-') FROM ai.sql_audit_log WHERE sql = ? ORDER BY id DESC LIMIT 1", listing))
                .containsExactly("email, lowered, local_part, phone");
        assertThat(server.column("SELECT coalesce(masked_columns, '-') FROM ai.sql_audit_log WHERE sql = ? ORDER BY id DESC LIMIT 1", counts))
                .containsExactly("-");
    }

    @Test
    void aStoredConversationKeepsItsPseudonymsOnAnotherInstanceAndShowsTheirValuesToItsOwnerOnly() {
        String id;
        List<JsonObject> first;
        try (ChatClient chat = server.chatAs(ALICE)) {
            id = chat.startChat(MaskedContacts.KEEPER, MaskedContacts.NAMESPACE);
            server.llm().enqueue(call("SELECT name, email FROM contacts WHERE id = 1"));
            chat.message(id, "Who is my first contact?");
            first = chat.turn(id, WAIT);
        }
        String annPseudonym = last(first).getJsonObject("pseudonyms").keySet().iterator().next();
        assertThat(answer(first)).isEqualTo("Your contact is " + annPseudonym + ".");

        // taken up again on another instance: ann's address keeps its pseudonym, carl's gets another one
        server.llm().respondWith(request -> Reply.text("Your contacts are ", String.join(" and ", emailsRead(request)), "."));
        List<JsonObject> second;
        try (ChatClient chat = server.secondInstance().chatAs(ALICE)) {
            JsonObject resumed = chat.startChatAnswer(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", MaskedContacts.KEEPER)
                    .add("namespace", MaskedContacts.NAMESPACE).add("conversation_id", id).build());
            assertThat(resumed.getString("type")).as(resumed.toString()).isEqualTo("chat_started");
            server.llm().enqueue(call("SELECT name, email FROM contacts WHERE id IN (2, 3) ORDER BY id DESC"));
            chat.message(id, "And the others?");
            second = chat.turn(id, WAIT);
        }
        List<String> read = emailsRead(chatRequests().get(chatRequests().size() - 1).json());
        assertThat(read.get(0)).as("the same value, the same pseudonym, on another instance").isEqualTo(annPseudonym);
        String carlPseudonym = read.get(1);
        assertThat(carlPseudonym).matches(EMAIL_PSEUDONYM).isNotEqualTo(annPseudonym);
        assertThat(answer(second)).isEqualTo("Your contacts are " + annPseudonym + " and " + carlPseudonym + ".");
        assertThat(last(second).getJsonObject("pseudonyms")).isEqualTo(Json.createObjectBuilder().add(annPseudonym, ANN).add(carlPseudonym, CARL).build());
        for (RecordedRequest request : chatRequests()) {
            NEVER_TO_THE_LLM.forEach(value -> assertThat(request.body()).as("request to the provider").doesNotContain(value));
        }

        // the owner reads the stored messages as the LLM wrote them, and what their pseudonyms stand for
        ApiResponse owners = server.get("/api/v1/ai/conversations/" + id, server.tokens().userToken(ALICE));
        assertThat(owners.status()).as(owners.toString()).isEqualTo(200);
        assertThat(ApiDocument.of(server).violations("GET", "/api/v1/ai/conversations/{id}", 200, owners.body())).isEmpty();
        assertThat(owners.json().getJsonArray("messages").getValuesAs(JsonObject.class)).extracting(m -> m.getString("content")).containsExactly(
                "Who is my first contact?", "Your contact is " + annPseudonym + ".", "And the others?",
                "Your contacts are " + annPseudonym + " and " + carlPseudonym + ".");
        assertThat(owners.json().getJsonObject("pseudonyms")).isEqualTo(Json.createObjectBuilder().add(annPseudonym, ANN).add(carlPseudonym, CARL).build());

        // nobody else does: another user finds no such conversation, a service key (the admin's tooling) owns none
        ApiResponse others = server.get("/api/v1/ai/conversations/" + id, server.tokens().userToken("bob"));
        assertThat(others.status()).isEqualTo(404);
        ApiResponse admins = server.get("/api/v1/ai/conversations/" + id, server.serviceKey());
        assertThat(admins.status()).isEqualTo(401);
        assertThat(others.body() + admins.body()).doesNotContain("ann.lee", "carl.mo");

        // at rest the values are sealed, and they go with their conversation
        assertThat(server.column("SELECT pseudonym FROM ai.conversation_pseudonyms WHERE conversation_id = ?::uuid ORDER BY pseudonym", id))
                .containsExactlyInAnyOrder(annPseudonym, carlPseudonym);
        assertThat(server.column("SELECT count(*) FROM ai.conversation_pseudonyms WHERE conversation_id = ?::uuid AND (position(convert_to('ann.lee', "
                + "'UTF8') IN sealed_value) > 0 OR position(convert_to('carl.mo', 'UTF8') IN sealed_value) > 0)", id)).containsExactly("0");
        assertThat(server.call("DELETE", "/api/v1/ai/conversations/" + id, server.tokens().userToken(ALICE), null).status()).isEqualTo(200);
        assertThat(server.column("SELECT count(*) FROM ai.conversation_pseudonyms WHERE conversation_id = ?::uuid", id)).containsExactly("0");
    }

    /** The emails the model read in the newest tool result, in the order of its rows. */
    private static List<String> emailsRead(JsonObject request) {
        List<String> results = MaskedContacts.toolResults(request);
        return MaskedContacts.sample(results.get(results.size() - 1)).stream().map(row -> row.getString("email")).toList();
    }

    private static Reply call(String sql) {
        return Reply.toolCall("execute_sql", arguments(sql));
    }

    private static String arguments(String sql) {
        return Json.createObjectBuilder().add("sql", sql).build().toString();
    }

    private List<RecordedRequest> chatRequests() {
        return server.llm().requests().stream().filter(r -> r.body().contains("\"messages\"")).toList();
    }

    private static List<JsonObject> queryResults(List<JsonObject> frames) {
        return frames.stream().filter(f -> "query_result".equals(f.getString("type"))).toList();
    }

    private static String answer(List<JsonObject> frames) {
        StringBuilder text = new StringBuilder();
        frames.stream().filter(f -> "content".equals(f.getString("type"))).forEach(f -> text.append(f.getString("delta")));
        return text.toString();
    }

    private static JsonObject last(List<JsonObject> frames) {
        JsonObject done = frames.get(frames.size() - 1);
        assertThat(done.getString("type")).isEqualTo("done");
        return done;
    }
}
