package dev.fluxbase.ai.tools.sql.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * alice's and bob's contacts, whose email is tagged {@code @sensitive:email} in its comment, and a chatbot that also
 * names their phone in {@code @fluxbase:sensitive-columns} (and one like it that persists its conversations); and how to
 * read what the fake provider was sent of them.
 */
public final class MaskedContacts {

    public static final String NAMESPACE = "masking";
    public static final String NAME = "contacts-bot";
    /** The same chatbot with {@code @fluxbase:persist-conversations true}. */
    public static final String KEEPER = "contacts-keeper";

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
    private static final String KEEPER_CHATBOT = CHATBOT.replace(" * @fluxbase:sensitive-columns", " * @fluxbase:persist-conversations true\n * @fluxbase:sensitive-columns");

    private MaskedContacts() {
    }

    /** Creates the table, its rows and the chatbot where they are missing. */
    public static void ensure(ServerUnderTest server) {
        server.execute(FIXTURE);
        String body = "{\"namespace\":\"" + NAMESPACE + "\",\"chatbots\":[{\"name\":\"" + NAME + "\",\"code\":" + Json.createValue(CHATBOT)
                + "},{\"name\":\"" + KEEPER + "\",\"code\":" + Json.createValue(KEEPER_CHATBOT)
                + "}],\"options\":{\"delete_missing\":false,\"dry_run\":false}}";
        assertThat(server.call("POST", "/api/v1/admin/ai/chatbots/sync", server.serviceKey(), body).status()).isEqualTo(200);
    }

    /** The email the model read first in the newest tool result that holds one. */
    public static Optional<String> firstEmailRead(JsonObject request) {
        List<String> results = new ArrayList<>(toolResults(request));
        for (int i = results.size() - 1; i >= 0; i--) {
            List<JsonObject> rows = sample(results.get(i));
            if (!rows.isEmpty() && rows.get(0).containsKey("email")) {
                return Optional.of(rows.get(0).getString("email"));
            }
        }
        return Optional.empty();
    }

    /** The contents of a provider request's tool messages, in order. */
    public static List<String> toolResults(JsonObject request) {
        return request.getJsonArray("messages").getValuesAs(JsonObject.class).stream().filter(m -> "tool".equals(m.getString("role")))
                .map(m -> m.getString("content")).toList();
    }

    /** The rows a tool result shows the model: the JSON array of its last line, if any. */
    public static List<JsonObject> sample(String toolResult) {
        String lastLine = toolResult.substring(toolResult.lastIndexOf('\n') + 1);
        if (!lastLine.startsWith("[")) {
            return List.of();
        }
        return Json.createReader(new StringReader(lastLine)).readArray().getValuesAs(JsonObject.class);
    }
}
