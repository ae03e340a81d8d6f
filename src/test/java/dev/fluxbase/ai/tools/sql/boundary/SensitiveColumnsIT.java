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
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final String FIXTURE = """
            CREATE SCHEMA IF NOT EXISTS masking;
            CREATE TABLE IF NOT EXISTS masking.contacts (id int PRIMARY KEY, owner text NOT NULL, name text, email text, phone text);
            COMMENT ON COLUMN masking.contacts.email IS 'Contact address @sensitive:email';
            ALTER TABLE masking.contacts ENABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS own_contacts ON masking.contacts;
            CREATE POLICY own_contacts ON masking.contacts FOR SELECT TO authenticated
                USING (owner = current_setting('request.jwt.claims', true)::json ->> 'sub');
            GRANT USAGE ON SCHEMA masking TO authenticated;
            GRANT SELECT ON masking.contacts TO authenticated;
            INSERT INTO masking.contacts VALUES
                (1, 'alice', 'Ann', 'ann.lee@example.com', '555-0101'), (2, 'alice', 'Carl', 'carl.mo@example.com', '555-0102'),
                (3, 'alice', 'Ann again', 'ann.lee@example.com', '555-0103'), (4, 'alice', 'Dora', 'dora.x@elsewhere.test', NULL),
                (5, 'bob', 'Bob', 'bob-only@example.com', '555-0199')
            ON CONFLICT DO NOTHING;
            """;

    private static final String CHATBOT = """
            /**
             * Contacts with masked addresses
             * @fluxbase:allowed-schemas masking
             * @fluxbase:allowed-tables contacts
             * @fluxbase:sensitive-columns contacts.phone
             */
            export default `You answer questions about the user's contacts.`
            """;

    private ServerUnderTest server;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        server.execute(FIXTURE);
        String body = "{\"namespace\":\"masking\",\"chatbots\":[{\"name\":\"contacts-bot\",\"code\":" + Json.createValue(CHATBOT)
                + "}],\"options\":{\"delete_missing\":false,\"dry_run\":false}}";
        assertThat(server.call("POST", "/api/v1/admin/ai/chatbots/sync", server.serviceKey(), body).status()).isEqualTo(200);
        server.llm().reset();
        // the model's answer names the first contact it read by the pseudonym it read
        server.llm().respondWith(request -> Reply.text("Your contact is ", firstEmailRead(request).orElse("unknown"), "."));
    }

    @Test
    void theLlmReadsPseudonymsWhileTheClientReadsTheValuesAndTheCountsAreRight() {
        String listing = "SELECT id, name, email, lower(email) AS lowered, split_part(email, '@', 1) AS local_part, phone FROM contacts ORDER BY id";
        String counts = "SELECT count(*) AS n, count(DISTINCT email) AS distinct_emails FROM contacts WHERE email LIKE '%@example.com'";
        String failing = "SELECT email::integer FROM contacts";
        List<JsonObject> first;
        List<JsonObject> second;
        try (ChatClient chat = server.chatAs("alice")) {
            String id = chat.startChat("contacts-bot", "masking");
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
        List<String> toolResults = toolResults(requests.get(2));
        JsonObject firstRead = sample(toolResults.get(0)).get(0);
        String annPseudonym = firstRead.getString("email");
        assertThat(annPseudonym).matches(EMAIL_PSEUDONYM);
        assertThat(firstRead.getString("lowered")).isEqualTo(annPseudonym);
        assertThat(firstRead.getString("phone")).matches("<phone#\\d+>");
        assertThat(firstRead.getString("name")).isEqualTo("Ann");
        assertThat(sample(toolResults.get(0)).get(2).getString("email")).isEqualTo(annPseudonym);
        assertThat(sample(toolResults.get(0)).get(1).getString("email")).matches(EMAIL_PSEUDONYM).isNotEqualTo(annPseudonym);
        assertThat(sample(toolResults.get(1)).get(0)).isEqualTo(Json.createObjectBuilder().add("n", 3).add("distinct_emails", 2).build());
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

    /** The email the model read first in the newest tool result that holds one. */
    private static Optional<String> firstEmailRead(JsonObject request) {
        List<String> results = new ArrayList<>(toolResults(request));
        for (int i = results.size() - 1; i >= 0; i--) {
            List<JsonObject> rows = sample(results.get(i));
            if (!rows.isEmpty() && rows.get(0).containsKey("email")) {
                return Optional.of(rows.get(0).getString("email"));
            }
        }
        return Optional.empty();
    }

    private static List<String> toolResults(RecordedRequest request) {
        return toolResults(request.json());
    }

    private static List<String> toolResults(JsonObject request) {
        return request.getJsonArray("messages").getValuesAs(JsonObject.class).stream().filter(m -> "tool".equals(m.getString("role")))
                .map(m -> m.getString("content")).toList();
    }

    /** The rows a tool result shows the model: the JSON array of its last line, if any. */
    private static List<JsonObject> sample(String toolResult) {
        String lastLine = toolResult.substring(toolResult.lastIndexOf('\n') + 1);
        if (!lastLine.startsWith("[")) {
            return List.of();
        }
        return Json.createReader(new StringReader(lastLine)).readArray().getValuesAs(JsonObject.class);
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
