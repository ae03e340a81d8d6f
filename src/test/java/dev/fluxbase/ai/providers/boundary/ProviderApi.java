package dev.fluxbase.ai.providers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** The provider admin API as the SDK calls it, for the provider ITs. */
final class ProviderApi {

    static final String BASE = "/api/v1/admin/ai/providers";

    private final ServerUnderTest server;
    private final String admin;

    ProviderApi(ServerUnderTest server) {
        this.server = server;
        this.admin = server.serviceKey();
    }

    static String body(String name, String type, boolean isDefault, Map<String, String> config) {
        JsonObjectBuilder values = Json.createObjectBuilder();
        config.forEach(values::add);
        return Json.createObjectBuilder().add("name", name).add("display_name", name.toUpperCase()).add("provider_type", type)
                .add("is_default", isDefault).add("config", values).build().toString();
    }

    /** Creates a provider and returns it as the API answered. */
    JsonObject create(String name, String type, boolean isDefault, Map<String, String> config) {
        ApiResponse response = call("POST", BASE, body(name, type, isDefault, config));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    ApiResponse call(String method, String path, String body) {
        return server.call(method, path, admin, body);
    }

    ApiResponse get(String path) {
        return server.get(path, admin);
    }

    /**
     * Removes every stored provider through the API, as an admin would, so that the change applies to the
     * next turn at once: the configuration provider is the default again for the other ITs.
     */
    void deleteAll() {
        for (JsonObject provider : get(BASE).array("providers").getValuesAs(JsonObject.class)) {
            if (provider.getBoolean("read_only")) {
                continue;
            }
            assertThat(call("DELETE", BASE + "/" + provider.getString("id"), null).status()).isEqualTo(200);
        }
    }

    /** Before a chat test: no stored provider, nothing queued at the fake provider, the provider chatbots loaded. */
    void startChatTest() {
        server.llm().reset();
        deleteAll();
        ProviderBots.sync(server);
    }

    /** After a chat test: what {@link #startChatTest()} found. */
    void endChatTest() {
        deleteAll();
        server.llm().reset();
    }
}
