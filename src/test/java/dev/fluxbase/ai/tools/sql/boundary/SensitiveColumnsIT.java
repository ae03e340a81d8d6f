package dev.fluxbase.ai.tools.sql.boundary;

import static org.assertj.core.api.Assertions.assertThat;

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
 * the client reads their values, the provider only pseudonyms, across tool rounds, parallel calls, an error and a second turn.
 */
@ExtendWith(FluxbaseServer.class)
class SensitiveColumnsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ANN = "ann.lee@example.com";
    private static final String CARL = "carl.mo@example.com";
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
