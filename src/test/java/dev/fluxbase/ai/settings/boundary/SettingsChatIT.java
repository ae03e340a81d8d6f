package dev.fluxbase.ai.settings.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.LocalWebServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings in chat turns: the prompt's templates resolved for the asking user, secrets kept from the LLM, required
 * settings checked before the provider, and http_get's allowed host and secret values taken from the store.
 */
@ExtendWith(FluxbaseServer.class)
class SettingsChatIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CUSTOM = "/api/v1/admin/settings/custom";
    private static LocalWebServer web;
    private ServerUnderTest server;
    private String admin;

    @BeforeAll
    static void startWeb() {
        web = LocalWebServer.start();
    }

    @AfterAll
    static void stopWeb() {
        web.close();
    }

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        this.admin = server.serviceKey();
        server.llm().reset();
    }

    /** As the SDK's setSetting does it: update, else create. */
    private void setSystem(String key, String value) {
        String body = "{\"key\":\"" + key + "\",\"value\":{\"value\":" + Json.createValue(value) + "},\"value_type\":\"json\"}";
        if (server.call("PUT", CUSTOM + "/" + key, admin, body).status() == 404) {
            assertThat(server.call("POST", CUSTOM, admin, body).status()).isEqualTo(201);
        }
    }

    private void setSystemSecret(String key, String value) {
        String body = "{\"key\":\"" + key + "\",\"value\":" + Json.createValue(value) + "}";
        if (server.call("PUT", CUSTOM + "/secret/" + key, admin, body).status() == 404) {
            assertThat(server.call("POST", CUSTOM + "/secret", admin, body).status()).isEqualTo(201);
        }
    }

    private void setOwn(String user, String key, String value) {
        assertThat(server.call("PUT", "/api/v1/settings/user/" + key, server.tokens().userToken(user),
                "{\"value\":{\"value\":" + Json.createValue(value) + "}}").status()).isEqualTo(200);
    }

    private void setOwnSecret(String user, String key, String value) {
        assertThat(server.call("POST", "/api/v1/settings/secret/", server.tokens().userToken(user),
                "{\"key\":\"" + key + "\",\"value\":" + Json.createValue(value) + "}").status()).isEqualTo(201);
    }

    private List<JsonObject> ask(String user, String chatbot) {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(chatbot, "default");
            chat.message(id, "hello");
            return chat.turn(id, WAIT);
        }
    }

    private List<RecordedRequest> chatRequests() {
        return server.llm().requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    private static String systemPrompt(RecordedRequest request) {
        JsonObject system = request.json().getJsonArray("messages").getJsonObject(0);
        assertThat(system.getString("role")).isEqualTo("system");
        return system.getString("content");
    }

    @Test
    void thePromptNamesSystemAndUserSettingsAndTheProviderGetsThemResolved() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        setSystem("company.name", "Acme Rockets");
        setSystem("preferred.units", "imperial");
        setOwn(alice, "preferred.units", "metric");
        server.llm().enqueue(Reply.text("ok"), Reply.text("ok"));

        assertThat(ask(alice, "settings-bot")).last().satisfies(f -> assertThat(f.getString("type")).isEqualTo("done"));
        assertThat(systemPrompt(server.llm().awaitRequest(WAIT))).startsWith("You work for Acme Rockets. The user prefers metric units "
                + "(default imperial, chosen metric).\nNever say [] or []. User " + alice + ".");

        ask(bob, "settings-bot");
        assertThat(systemPrompt(server.llm().awaitRequest(WAIT))).as("{{user:...}} has no fallback, {{...}} has")
                .startsWith("You work for Acme Rockets. The user prefers  units (default imperial, chosen imperial).");
    }

    @Test
    void aSecretNamedInThePromptNeverReachesTheProvider() {
        String secret = "prompt-secret-" + UUID.randomUUID();
        setSystemSecret("settingsit.prompt_secret", secret);
        server.llm().enqueue(Reply.text("ok"));

        List<JsonObject> frames = ask("carol-" + UUID.randomUUID(), "settings-bot");

        RecordedRequest request = server.llm().awaitRequest(WAIT);
        assertThat(systemPrompt(request)).contains("Never say [] or [].");
        assertThat(request.body()).doesNotContain(secret);
        assertThat(frames.toString()).doesNotContain(secret);
        Eventually.await("the warning about the secret in the prompt", WAIT, () -> FluxbaseServer.firstInstanceLog()
                .contains("Chatbot default/settings-bot names the secret setting {{system:settingsit.prompt_secret}}"));
        assertThat(FluxbaseServer.firstInstanceLog()).doesNotContain(secret);
    }

    @Test
    void aChatbotWithoutItsRequiredSettingsAnswersWithTheCodeBeforeAnyProviderRequest() {
        String dave = "dave-" + UUID.randomUUID();

        JsonObject end = ask(dave, "required-settings-bot").get(0);

        assertThat(end.getString("type")).isEqualTo("error");
        assertThat(end.getString("code")).isEqualTo("SETTINGS_MISSING");
        assertThat(end.getString("error")).contains("settingsit.required_key");
        assertThat(chatRequests()).isEmpty();

        setOwn(dave, "settingsit.required_key", "present");
        server.llm().enqueue(Reply.text("now I can"));
        assertThat(ask(dave, "required-settings-bot")).last().satisfies(f -> assertThat(f.getString("type")).isEqualTo("done"));
        assertThat(chatRequests()).hasSize(1);

        JsonObject bot = server.get("/api/v1/admin/ai/chatbots/" + server.column(
                "SELECT id FROM ai.chatbots WHERE namespace = 'default' AND name = 'required-settings-bot'").get(0), admin).json();
        assertThat(bot.getJsonArray("required_settings").getString(0)).isEqualTo("settingsit.required_key");
    }

    @Test
    void httpGetTakesItsHostAndSecretsFromTheStoreAndTheLlmNeverSeesTheSecrets() {
        String erin = "erin-" + UUID.randomUUID();
        String systemKey = "weather-key-" + UUID.randomUUID();
        String userToken = "user-token-" + UUID.randomUUID();
        String url = "http://localhost:" + web.port() + "/data?city=Berlin";
        String call = Json.createObjectBuilder().add("url", url).build().toString();
        assertThat(server.call("DELETE", CUSTOM + "/settingsit.http_host", admin, null).status()).isIn(204, 404);

        // without the setting that names it, the host is not allowed
        server.llm().enqueue(Reply.toolCall("http_get", call), Reply.text("done"));
        ask(erin, "settings-http-bot");
        server.llm().awaitRequest(WAIT);
        assertThat(lastMessage(server.llm().awaitRequest(WAIT))).startsWith("Request refused:");

        setSystem("settingsit.http_host", "localhost");
        setSystemSecret("settingsit.weather_key", systemKey);
        setOwnSecret(erin, "settingsit.token", userToken);
        int seenBefore = web.seen().size();
        server.llm().enqueue(Reply.toolCall("http_get", call), Reply.text("done"));
        List<JsonObject> frames = ask(erin, "settings-http-bot");
        RecordedRequest first = server.llm().awaitRequest(WAIT);
        RecordedRequest second = server.llm().awaitRequest(WAIT);

        assertThat(systemPrompt(first)).contains("The http_get tool may fetch https URLs of: localhost.").doesNotContain("{{");
        String toolResult = lastMessage(second);
        assertThat(toolResult).contains("Status: 200", "\"temp\": 21");
        assertThat(web.seen()).hasSize(seenBefore + 1);
        LocalWebServer.Seen seen = web.seen().get(web.seen().size() - 1);
        assertThat(seen.query()).contains("city=Berlin", "appid=" + systemKey);
        assertThat(seen.apiKeyHeader()).isEqualTo(userToken);
        assertThat(first.body() + second.body() + toolResult + frames).doesNotContain(systemKey, userToken);
        assertThat(FluxbaseServer.firstInstanceLog()).doesNotContain(systemKey, userToken);
    }

    private static String lastMessage(RecordedRequest request) {
        List<JsonObject> messages = request.json().getJsonArray("messages").getValuesAs(JsonObject.class);
        return messages.get(messages.size() - 1).getString("content");
    }
}
