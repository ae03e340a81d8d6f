package dev.fluxbase.ai.providers.boundary;

import static dev.fluxbase.ai.providers.boundary.ProviderApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider admin API the SDK's client.admin.ai calls: CRUD, defaults, masking, the read-only configuration provider. */
@ExtendWith(FluxbaseServer.class)
class AdminProvidersIT {

    private static final String KEY = "sk-live-0123456789abcdef";
    private static final String MASK = "***masked***";

    private ServerUnderTest server;
    private ProviderApi api;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new ProviderApi(server);
        api.deleteAll();
    }

    @AfterEach
    void tearDown() {
        api.deleteAll();
    }

    private JsonObject openAi(String name) {
        return api.create(name, "openai", false, Map.of("api_key", KEY, "model", "gpt-4o", "base_url", "https://llm.example/v1"));
    }

    private List<JsonObject> listed() {
        ApiResponse response = api.get(BASE);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getInt("count")).isEqualTo(response.array("providers").size());
        return response.array("providers").getValuesAs(JsonObject.class);
    }

    private JsonObject listed(String name) {
        return listed().stream().filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theConfigurationProviderIsListedFirstReadOnlyAndMasked() {
        openAi("zeta");
        List<JsonObject> providers = listed();
        assertThat(providers).extracting(p -> p.getString("name")).containsExactly("config", "zeta");
        JsonObject config = providers.get(0);
        assertThat(config.getString("id")).isEqualTo("FROM_CONFIG");
        assertThat(config.getString("provider_type")).isEqualTo("openai");
        assertThat(config.getBoolean("read_only")).isTrue();
        assertThat(config.getBoolean("from_config")).isTrue();
        assertThat(config.getBoolean("is_default")).isTrue();
        assertThat(config.getJsonObject("config").getString("api_key")).isEqualTo(MASK);
        assertThat(config.getJsonObject("config").getString("model")).isEqualTo(FluxbaseServer.LLM_MODEL);
        assertThat(config.toString()).doesNotContain(FluxbaseServer.LLM_API_KEY);
        assertThat(api.get(BASE + "/FROM_CONFIG").json().getString("name")).isEqualTo("config");
    }

    @Test
    void createGetUpdateAndDelete() {
        JsonObject created = openAi("main");
        String id = created.getString("id");
        assertThat(created.getString("display_name")).isEqualTo("MAIN");
        assertThat(created.getBoolean("is_default")).isFalse();
        assertThat(created.getBoolean("enabled")).isTrue();
        assertThat(created.getBoolean("read_only")).isFalse();
        assertThat(created.getBoolean("from_config")).isFalse();
        assertThat(created.getBoolean("use_for_embeddings")).isFalse();
        assertThat(created.isNull("embedding_model")).isTrue();
        assertThat(created.getJsonObject("config")).containsOnlyKeys("api_key", "model", "base_url");
        assertThat(created.getJsonObject("config").getString("api_key")).isEqualTo(MASK);
        assertThat(created.getString("created_at")).isNotBlank();

        assertThat(api.get(BASE + "/" + id).json()).isEqualTo(created);

        ApiResponse updated = api.call("PUT", BASE + "/" + id, "{\"display_name\":\"Main one\",\"enabled\":false,"
                + "\"embedding_model\":\"text-embedding-3-small\",\"config\":{\"model\":\"gpt-4.1\",\"organization_id\":\"org-1\",\"api_key\":\"" + MASK + "\"}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonObject changed = updated.json();
        assertThat(changed.getString("display_name")).isEqualTo("Main one");
        assertThat(changed.getBoolean("enabled")).isFalse();
        assertThat(changed.getString("embedding_model")).isEqualTo("text-embedding-3-small");
        assertThat(changed.getJsonObject("config")).containsEntry("model", Json.createValue("gpt-4.1"))
                .containsEntry("base_url", Json.createValue("https://llm.example/v1"))
                .containsEntry("organization_id", Json.createValue("org-1"))
                .containsEntry("api_key", Json.createValue(MASK));

        ApiResponse deleted = api.call("DELETE", BASE + "/" + id, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().getBoolean("deleted")).isTrue();
        assertThat(api.get(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(api.call("DELETE", BASE + "/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void theDatabaseHoldsNoPlaintextKey() {
        String id = openAi("vaulted").getString("id");
        api.call("PUT", BASE + "/" + id, "{\"config\":{\"api_key\":\"sk-rotated-fedcba9876543210\"}}");
        List<String> rows = server.column("SELECT config::text || ' ' || coalesce(encode(api_key_encrypted, 'escape'), '') "
                + "|| ' ' || coalesce(encode(api_key_encrypted, 'base64'), '') FROM ai.providers");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).doesNotContain(KEY, "sk-rotated", "sk-live", "0123456789abcdef", "fedcba9876543210");
        assertThat(server.column("SELECT (config -> 'api_key' IS NOT NULL)::text FROM ai.providers")).containsExactly("false");
        assertThat(server.column("SELECT (length(api_key_encrypted) > 16)::text FROM ai.providers")).containsExactly("true");
    }

    @Test
    void aMaskedKeyKeepsTheStoredKeyAnEmptyOneRemovesIt() {
        String id = openAi("keys").getString("id");
        String sealed = server.column("SELECT encode(api_key_encrypted, 'hex') FROM ai.providers").get(0);
        api.call("PUT", BASE + "/" + id, "{\"config\":{\"api_key\":\"" + MASK + "\",\"model\":\"gpt-4.1\"}}");
        assertThat(server.column("SELECT encode(api_key_encrypted, 'hex') FROM ai.providers")).containsExactly(sealed);
        api.call("PUT", BASE + "/" + id, "{\"config\":{\"api_key\":\"sk-new\"}}");
        assertThat(server.column("SELECT encode(api_key_encrypted, 'hex') FROM ai.providers").get(0)).isNotEqualTo(sealed);
        JsonObject cleared = api.call("PUT", BASE + "/" + id, "{\"config\":{\"api_key\":\"\"}}").json();
        assertThat(cleared.getJsonObject("config").containsKey("api_key")).isFalse();
        assertThat(server.column("SELECT (api_key_encrypted IS NULL)::text FROM ai.providers")).containsExactly("true");
    }

    @Test
    void switchingTheDefault() {
        String a = openAi("alpha").getString("id");
        String b = openAi("beta").getString("id");
        ApiResponse made = api.call("PUT", BASE + "/" + a + "/default", "{}");
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.json().getBoolean("is_default")).isTrue();
        assertThat(made.json().getString("name")).isEqualTo("alpha");
        assertThat(listed()).extracting(p -> p.getString("name") + ":" + p.getBoolean("is_default"))
                .containsExactly("config:false", "alpha:true", "beta:false");

        api.call("PUT", BASE + "/" + b + "/default", "{}");
        assertThat(listed()).extracting(p -> p.getString("name") + ":" + p.getBoolean("is_default"))
                .containsExactly("config:false", "beta:true", "alpha:false");

        api.call("DELETE", BASE + "/" + b, null);
        assertThat(listed("config").getBoolean("is_default")).isTrue();
        assertThat(listed("alpha").getBoolean("is_default")).isFalse();
    }

    /** An admin who once picked a stored default can give it back to the provider from configuration. */
    @Test
    void theDefaultCanGoBackToTheProviderFromConfiguration() {
        String a = openAi("alpha").getString("id");
        api.call("PUT", BASE + "/" + a + "/default", "{}");
        assertThat(listed("config").getBoolean("is_default")).isFalse();

        ApiResponse back = api.call("PUT", BASE + "/FROM_CONFIG/default", "{}");

        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().getString("name")).isEqualTo("config");
        assertThat(back.json().getBoolean("is_default")).isTrue();
        assertThat(listed()).extracting(p -> p.getString("name") + ":" + p.getBoolean("is_default"))
                .containsExactly("config:true", "alpha:false");
        assertThat(listed("config").getBoolean("read_only")).as("not a modification of that provider").isTrue();
    }

    @Test
    void creatingADefaultTakesTheFlagFromTheOldOne() {
        openAi("old");
        api.call("PUT", BASE + "/" + listed("old").getString("id") + "/default", "{}");
        JsonObject fresh = api.create("fresh", "ollama", true, Map.of("model", "llama3.1"));
        assertThat(fresh.getBoolean("is_default")).isTrue();
        assertThat(listed("old").getBoolean("is_default")).isFalse();
        assertThat(server.column("SELECT name FROM ai.providers WHERE is_default")).containsExactly("fresh");
    }

    @Test
    void settingAndClearingTheEmbeddingProvider() {
        String a = openAi("emb-a").getString("id");
        String b = openAi("emb-b").getString("id");
        ApiResponse set = api.call("PUT", BASE + "/" + a + "/embedding", "{}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().getString("id")).isEqualTo(a);
        assertThat(set.json().getBoolean("use_for_embeddings")).isTrue();
        api.call("PUT", BASE + "/" + b + "/embedding", "{}");
        assertThat(server.column("SELECT name FROM ai.providers WHERE use_for_embeddings")).containsExactly("emb-b");
        ApiResponse cleared = api.call("DELETE", BASE + "/" + b + "/embedding", null);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().getBoolean("use_for_embeddings")).isFalse();
        assertThat(server.column("SELECT count(*)::text FROM ai.providers WHERE use_for_embeddings")).containsExactly("0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT|/FROM_CONFIG|{\"display_name\":\"x\"}|Cannot modify config-based provider",
            "DELETE|/FROM_CONFIG||Cannot delete config-based provider",
            "PUT|/FROM_CONFIG/embedding|{}|Cannot modify config-based provider"})
    void theConfigurationProviderCannotBeChanged(String method, String path, String body, String message) {
        ApiResponse response = api.call(method, BASE + path, body);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().getString("code")).isEqualTo("PROVIDER_READ_ONLY");
        assertThat(response.json().getString("error")).startsWith(message).endsWith("is read-only.");
        assertThat(listed("config").getBoolean("read_only")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"x\",\"provider_type\":\"mistral\",\"config\":{}}|400|Invalid provider type. Must be one of 'openai', 'azure', 'ollama', 'anthropic', 'gemini'",
            "{\"name\":\"x\",\"config\":{}}|400|Invalid provider type. Must be one of 'openai', 'azure', 'ollama', 'anthropic', 'gemini'",
            "{\"name\":\"x\",\"provider_type\":\"ollama\",\"config\":{\"model\":\"m\",\"num_ctx\":\"lots\"}}|400|config.num_ctx must be a whole number of tokens from 1 to 2097152",
            "{\"name\":\"x\",\"provider_type\":\"azure\",\"config\":{\"endpoint\":\"https://a.example\",\"deployment_name\":\"d\",\"tenant_id\":\"t\",\"client_id\":\"c\"}}|400|Entra ID needs config.tenant_id, config.client_id and config.client_secret together",
            "{\"name\":\"x\",\"provider_type\":\"gemini\",\"config\":{\"tenant_id\":\"t\",\"client_id\":\"c\",\"client_secret\":\"s\"}}|400|Only azure providers sign in with Entra ID (tenant_id, client_id, client_secret)",
            "{\"name\":\"x\",\"provider_type\":\"anthropic\",\"config\":{\"base_url\":\"api.anthropic.com\"}}|400|config.base_url is not an http(s) URL: api.anthropic.com",
            "{\"provider_type\":\"openai\"}|400|Invalid request body: \"name\" is required",
            "{\"name\":\"x\",\"provider_type\":\"azure\",\"config\":{\"deployment_name\":\"d\"}}|400|A provider of type 'azure' needs config.endpoint",
            "{\"name\":\"x\",\"provider_type\":\"azure\",\"config\":{\"endpoint\":\"https://a.example\"}}|400|A provider of type 'azure' needs config.deployment_name",
            "{\"name\":\"x\",\"provider_type\":\"ollama\",\"config\":{\"endpoint\":\"http://localhost:11434\"}}|400|A provider of type 'ollama' needs config.model",
            "{\"name\":\"x\",\"provider_type\":\"openai\",\"config\":{\"base_url\":\"ftp://files\"}}|400|config.base_url is not an http(s) URL: ftp://files",
            "{\"name\":\"config\",\"provider_type\":\"openai\"}|409|A provider named 'config' already exists",
            "{not json|400|Invalid request body: expected a JSON object"})
    void badProvidersAreRefused(String body, int status, String message) {
        ApiResponse response = api.call("POST", BASE, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().getString("error")).isEqualTo(message);
        assertThat(server.column("SELECT count(*)::text FROM ai.providers")).containsExactly("0");
    }

    @Test
    void anthropicAndGeminiProvidersAreStoredWithTheirKeysMaskedButCannotEmbed() {
        JsonObject anthropic = api.create("claude", "anthropic", false, Map.of("api_key", KEY, "model", "claude-sonnet-4-5"));
        JsonObject gemini = api.create("gemini", "gemini", false, Map.of("api_key", KEY));
        assertThat(anthropic.getString("provider_type")).isEqualTo("anthropic");
        assertThat(anthropic.getJsonObject("config").getString("api_key")).isEqualTo(MASK);
        assertThat(gemini.getString("provider_type")).isEqualTo("gemini");
        assertThat(listed()).extracting(p -> p.getString("provider_type")).contains("anthropic", "gemini");

        ApiResponse refused = api.call("PUT", BASE + "/" + gemini.getString("id") + "/embedding", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("code")).isEqualTo("INVALID_REQUEST");
        assertThat(refused.json().getString("error")).startsWith("A provider of type 'gemini' cannot embed");
        assertThat(listed("gemini").getBoolean("use_for_embeddings")).isFalse();
    }

    @Test
    void anEntraIdClientSecretIsSealedMaskedKeptAndRemovedLikeAKey() {
        String id = api.create("entra", "azure", false, Map.of("endpoint", "https://a.example", "deployment_name", "d",
                "tenant_id", "t", "client_id", "c", "client_secret", "entra-s3cret-value")).getString("id");
        assertThat(listed("entra").getJsonObject("config")).containsEntry("client_secret", Json.createValue(MASK))
                .doesNotContainKey("api_key");
        assertThat(server.column("SELECT config::text || encode(client_secret_encrypted, 'escape') FROM ai.providers").get(0))
                .doesNotContain("entra-s3cret-value");

        ApiResponse kept = api.call("PUT", BASE + "/" + id, "{\"config\":{\"client_secret\":\"" + MASK + "\",\"client_id\":\"c2\"}}");
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().getJsonObject("config").getString("client_secret")).isEqualTo(MASK);
        ApiResponse incomplete = api.call("PUT", BASE + "/" + id, "{\"config\":{\"client_secret\":\"\"}}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().getString("error")).isEqualTo("Entra ID needs config.tenant_id, config.client_id and config.client_secret together");
        ApiResponse removed = api.call("PUT", BASE + "/" + id, "{\"config\":{\"client_secret\":\"\",\"tenant_id\":\"\",\"client_id\":\"\"}}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().getJsonObject("config")).doesNotContainKeys("client_secret", "tenant_id", "client_id");
        assertThat(server.column("SELECT (client_secret_encrypted IS NULL)::text FROM ai.providers")).containsExactly("true");
    }

    @Test
    void namesAreUnique() {
        openAi("twin");
        ApiResponse again = api.call("POST", BASE, ProviderApi.body("twin", "ollama", false, Map.of("model", "m")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("code")).isEqualTo("PROVIDER_EXISTS");
    }

    @Test
    void anUpdateMustKeepTheProviderUsable() {
        String id = api.create("az", "azure", false, Map.of("endpoint", "https://a.example", "deployment_name", "d")).getString("id");
        ApiResponse response = api.call("PUT", BASE + "/" + id, "{\"config\":{\"endpoint\":\"\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("error")).isEqualTo("A provider of type 'azure' needs config.endpoint");
        assertThat(api.get(BASE + "/" + id).json().getJsonObject("config").getString("endpoint")).isEqualTo("https://a.example");
    }

    @ParameterizedTest
    @CsvSource({"GET,/7b0c2f5e-0000-4000-8000-000000000000", "GET,/not-a-uuid", "PUT,/7b0c2f5e-0000-4000-8000-000000000000",
            "PUT,/not-a-uuid/default", "DELETE,/not-a-uuid", "PUT,/7b0c2f5e-0000-4000-8000-000000000000/embedding"})
    void unknownIdsAreNotFound(String method, String path) {
        ApiResponse response = api.call(method, BASE + path, method.equals("GET") || method.equals("DELETE") ? null : "{}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().getString("code")).isEqualTo("PROVIDER_NOT_FOUND");
        assertThat(response.json().getString("error")).isEqualTo("Provider not found");
    }

    @Test
    void onlyAdminsMayManageProviders() {
        assertThat(server.get(BASE, null).status()).isEqualTo(401);
        assertThat(server.get(BASE, server.tokens().userToken("someone")).status()).isEqualTo(403);
        assertThat(server.call("POST", BASE, server.tokens().userToken("someone"),
                ProviderApi.body("sneaky", "ollama", true, Map.of("model", "m"))).status()).isEqualTo(403);
    }

    @Test
    void aChatbotMayBeGivenAStoredProvider() {
        String id = openAi("for-chatbot").getString("id");
        ProviderBots.sync(server);
        String chatbot = server.column("SELECT id FROM ai.chatbots WHERE namespace = ? AND name = ?", ProviderBots.NAMESPACE,
                ProviderBots.PLAIN).get(0);
        ApiResponse response = server.call("PUT", "/api/v1/admin/ai/chatbots/" + chatbot, server.serviceKey(),
                "{\"provider_id\":\"" + id + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().getString("provider_id")).isEqualTo(id);
        api.call("DELETE", BASE + "/" + id, null);
        assertThat(server.column("SELECT coalesce(provider_id::text, 'none') FROM ai.chatbots WHERE id = ?::uuid", chatbot))
                .containsExactly("none");
    }
}
