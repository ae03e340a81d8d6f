package dev.fluxbase.ai.chatbots.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nothing of a chatbot file is dropped silently: sync answers warnings and errors with file and line; the admin chatbot shows them. */
@ExtendWith(FluxbaseServer.class)
class ChatbotLoadWarningsIT {

    private static final String SYNC = "/api/v1/admin/ai/chatbots/sync";

    private ServerUnderTest server;
    private String namespace;

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
        this.namespace = "warn-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonObject sync(String name, String code) {
        String body = Json.createObjectBuilder().add("namespace", namespace)
                .add("chatbots", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", name).add("code", code)))
                .build().toString();
        ApiResponse response = server.call("POST", SYNC, server.serviceKey(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void anUnknownAnnotationLoadsWithAWarningOnSyncAndOnTheAdminChatbot() {
        JsonObject result = sync("colourful", "/**\n * Colourful\n * @fluxbase:colour blue\n * @fluxbase:max-turns 4\n */\nexport default `Hi`\n");

        String where = "payload:" + namespace + "/colourful";
        assertThat(strings(result.getJsonObject("details"), "created")).containsExactly("colourful");
        assertThat(strings(result, "warnings")).containsExactly("colourful: " + where + ":3: unknown annotation @fluxbase:colour, ignored");
        String id = server.column("SELECT id::text FROM ai.chatbots WHERE namespace = ? AND name = 'colourful'", namespace).get(0);
        JsonObject chatbot = server.call("GET", "/api/v1/admin/ai/chatbots/" + id, server.serviceKey(), null).json();
        assertThat(strings(chatbot, "warnings")).containsExactly(where + "/index.ts:3: unknown annotation @fluxbase:colour, ignored");
        assertThat(chatbot.getInt("max_conversation_turns")).isEqualTo(4);
    }

    @Test
    void aRestrictionThatCannotBeHonouredIsASyncErrorAndNothingIsStored() {
        JsonObject result = sync("ruled", "/**\n * Ruled\n */\n// @fluxbase:rate-limit 1000\nexport default `Hi`\n");

        assertThat(result.getJsonObject("summary").getInt("errors")).isEqualTo(1);
        JsonObject error = result.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("function")).isEqualTo("ruled");
        assertThat(error.getString("error")).startsWith("payload:" + namespace + "/ruled:4: @fluxbase:rate-limit").contains("not loaded");
        assertThat(server.column("SELECT name FROM ai.chatbots WHERE namespace = ?", namespace)).isEmpty();
    }
}
