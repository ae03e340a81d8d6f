package dev.fluxbase.ai.providers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Chatbots of the provider ITs, synced through the admin API into a namespace of their own: one per
 * provider type naming its provider with {@code @fluxbase:provider}, and one that names none.
 */
final class ProviderBots {

    static final String NAMESPACE = "providers-it";
    static final String PLAIN = "plain-bot";
    static final int MAX_TOKENS = 256;
    static final double TEMPERATURE = 0.4;

    private ProviderBots() {
    }

    static void sync(ServerUnderTest server) {
        JsonArrayBuilder chatbots = Json.createArrayBuilder()
                .add(chatbot(PLAIN, null));
        for (ProviderKind kind : ProviderKind.values()) {
            chatbots.add(chatbot(kind.chatbot(), kind.providerName()));
        }
        String body = Json.createObjectBuilder().add("namespace", NAMESPACE).add("chatbots", chatbots)
                .add("options", Json.createObjectBuilder().add("delete_missing", false).add("dry_run", false)).build().toString();
        assertThat(server.call("POST", "/api/v1/admin/ai/chatbots/sync", server.serviceKey(), body).status()).isEqualTo(200);
    }

    private static JsonObjectBuilder chatbot(String name, String provider) {
        String code = "/**\n * Provider test bot\n *\n"
                + (provider == null ? "" : " * @fluxbase:provider " + provider + "\n")
                + " * @fluxbase:max-tokens " + MAX_TOKENS + "\n * @fluxbase:temperature " + TEMPERATURE + "\n"
                + " * @fluxbase:public false\n */\nexport default `You test providers.`\n\nexport const tools = []\n";
        return Json.createObjectBuilder().add("name", name).add("code", code);
    }
}
