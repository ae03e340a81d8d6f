package dev.fluxbase.ai.chatbots.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public chatbot API the SDK's client.ai calls: enabled and public chatbots only, token optional. */
@ExtendWith(FluxbaseServer.class)
class PublicChatbotsIT {

    private ServerUnderTest server;

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
    }

    private String idOf(String namespace, String name) {
        return server.column("SELECT id FROM ai.chatbots WHERE namespace = ? AND name = ?", namespace, name).get(0);
    }

    @Test
    void listsEnabledPublicChatbotsOfEveryNamespaceInOrder() {
        ApiResponse response = server.get("/api/v1/ai/chatbots", null);
        assertThat(response.status()).isEqualTo(200);
        List<JsonObject> chatbots = response.array("chatbots").getValuesAs(JsonObject.class);
        List<String> listed = chatbots.stream().map(c -> c.getString("namespace") + "/" + c.getString("name")).toList();
        assertThat(listed).contains("default/guide-example", "default/skeleton-bot", "sales/reports", "finance/reports")
                .doesNotContain("default/private-bot", "default/broken-bot");
        assertThat(chatbots).isSortedAccordingTo(Comparator.<JsonObject, String>comparing(c -> c.getString("namespace"))
                .thenComparing(c -> c.getString("name")));
        assertThat(response.json().getInt("count")).isEqualTo(listed.size());
    }

    @Test
    void aSummaryHasTheFieldsTheSdkDeclares() {
        JsonObject summary = server.get("/api/v1/ai/chatbots/" + idOf("default", "guide-example"), null).json();
        assertThat(summary.getString("name")).isEqualTo("guide-example");
        assertThat(summary.getString("namespace")).isEqualTo("default");
        assertThat(summary.getString("description")).isEqualTo("Custom assistant for domain-specific queries");
        assertThat(summary.getBoolean("enabled")).isTrue();
        assertThat(summary.getBoolean("is_public")).isTrue();
        assertThat(summary.getJsonArray("allowed_tables").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("products", "orders", "customers");
        assertThat(summary.getString("source")).isEqualTo("filesystem");
        assertThat(summary.keySet()).contains("id", "allowed_operations", "allowed_schemas", "version", "created_at", "updated_at")
                .doesNotContain("code");
    }

    @Test
    void aPrivateOrUnknownChatbotIsNotFound() {
        assertThat(server.get("/api/v1/ai/chatbots/" + idOf("default", "private-bot"), null).status()).isEqualTo(404);
        ApiResponse unknown = server.get("/api/v1/ai/chatbots/7b0c2f5e-0000-4000-8000-000000000000", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("code")).isEqualTo("CHATBOT_NOT_FOUND");
        assertThat(server.get("/api/v1/ai/chatbots/not-a-uuid", null).status()).isEqualTo(404);
    }

    @Test
    void lookupByNameFindsAUniqueName() {
        ApiResponse response = server.get("/api/v1/ai/chatbots/by-name/guide-example", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getBoolean("ambiguous")).isFalse();
        assertThat(response.json().getJsonObject("chatbot").getString("namespace")).isEqualTo("default");
    }

    @Test
    void lookupPrefersTheDefaultNamespace() {
        ApiResponse response = server.get("/api/v1/ai/chatbots/by-name/skeleton-bot", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getJsonObject("chatbot").getString("namespace")).isEqualTo("default");
    }

    @Test
    void anAmbiguousNameIsAConflictListingTheNamespaces() {
        ApiResponse response = server.get("/api/v1/ai/chatbots/by-name/reports", null);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().getBoolean("ambiguous")).isTrue();
        assertThat(response.array("namespaces").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("finance", "sales");
        assertThat(response.json().getString("error")).contains("multiple namespaces");
    }

    @Test
    void lookupOfAnUnknownOrPrivateNameIsNotFound() {
        ApiResponse unknown = server.get("/api/v1/ai/chatbots/by-name/nobody", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getBoolean("ambiguous")).isFalse();
        assertThat(unknown.json().getString("error")).isEqualTo("Chatbot not found");
        assertThat(server.get("/api/v1/ai/chatbots/by-name/private-bot", null).status()).isEqualTo(404);
    }

    @Test
    void tokensAreOptionalButABadOneIsRefused() {
        assertThat(server.get("/api/v1/ai/chatbots", server.tokens().userToken("u-1")).status()).isEqualTo(200);
        ApiResponse bad = server.get("/api/v1/ai/chatbots", "not.a.token");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().getString("code")).isEqualTo("INVALID_TOKEN");
    }
}
