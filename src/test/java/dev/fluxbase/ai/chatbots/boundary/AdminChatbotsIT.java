package dev.fluxbase.ai.chatbots.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin chatbot API the SDK's client.admin.ai calls. */
@ExtendWith(FluxbaseServer.class)
class AdminChatbotsIT {

    private static final String BASE = "/api/v1/admin/ai/chatbots";

    private ServerUnderTest server;
    private String admin;

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
        this.admin = server.serviceKey();
    }

    /** A chatbot of its own, so that changing it cannot disturb other tests. */
    private String ownChatbot(String code) {
        String namespace = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"namespace\":\"" + namespace + "\",\"chatbots\":[{\"name\":\"bot\",\"code\":" + Json.createValue(code)
                + "}],\"options\":{\"delete_missing\":false,\"dry_run\":false}}";
        assertThat(server.call("POST", BASE + "/sync", admin, body).status()).isEqualTo(200);
        return server.column("SELECT id FROM ai.chatbots WHERE namespace = ? AND name = 'bot'", namespace).get(0);
    }

    private String ownChatbot() {
        return ownChatbot("/**\n * Admin test bot\n * @fluxbase:public false\n */\nexport default `You are a test.`\n");
    }

    @Test
    void listsEveryChatbotIncludingPrivateOnes() {
        ApiResponse response = server.get(BASE, admin);
        assertThat(response.status()).isEqualTo(200);
        List<String> names = names(response);
        assertThat(names).contains("default/private-bot", "default/guide-example", "sales/reports");
        assertThat(response.json().getInt("count")).isEqualTo(names.size());
    }

    @Test
    void listsOneNamespaceWhenAsked() {
        assertThat(names(server.get(BASE + "?namespace=sales", admin))).containsExactly("sales/reports");
        assertThat(names(server.get(BASE + "?namespace=nowhere", admin))).isEmpty();
    }

    @Test
    void theGuidesExampleLoadsWithTheValuesTheGuideSays() {
        String id = server.column("SELECT id FROM ai.chatbots WHERE namespace = 'default' AND name = 'guide-example'").get(0);
        JsonObject bot = server.get(BASE + "/" + id, admin).json();
        assertThat(bot.getString("description")).isEqualTo("Custom assistant for domain-specific queries");
        assertThat(strings(bot, "allowed_tables")).containsExactly("products", "orders", "customers");
        assertThat(strings(bot, "allowed_operations")).containsExactly("SELECT");
        assertThat(strings(bot, "allowed_schemas")).containsExactly("public");
        assertThat(bot.getInt("max_tokens")).isEqualTo(4096);
        assertThat(bot.getJsonNumber("temperature").doubleValue()).isEqualTo(0.7);
        assertThat(bot.getBoolean("persist_conversations")).isTrue();
        assertThat(bot.getInt("conversation_ttl_hours")).isEqualTo(24);
        assertThat(bot.getInt("max_conversation_turns")).isEqualTo(50);
        assertThat(bot.getInt("rate_limit_per_minute")).isEqualTo(20);
        assertThat(bot.getInt("daily_request_limit")).isEqualTo(500);
        assertThat(bot.getInt("daily_token_budget")).isEqualTo(100000);
        assertThat(bot.getBoolean("allow_unauthenticated")).isFalse();
        assertThat(bot.getBoolean("is_public")).isTrue();
        assertThat(strings(bot, "tools")).containsExactly("execute_sql");
        assertThat(bot.getString("code")).startsWith("/**\n * My Custom Assistant").contains("export const tools");
        assertThat(bot.getString("original_code")).isEqualTo(bot.getString("code"));
    }

    @Test
    void aFileThatFailsToParseIsSkippedAndTheOthersLoad() {
        assertThat(server.column("SELECT name FROM ai.chatbots WHERE namespace = 'default'"))
                .contains("guide-example", "skeleton-bot", "private-bot")
                .doesNotContain("broken-bot");
    }

    @Test
    void toggleReturnsTheFullChatbotAndIsStored() {
        String id = ownChatbot();
        ApiResponse off = server.call("PUT", BASE + "/" + id + "/toggle", admin, "{\"enabled\":false}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().getBoolean("enabled")).isFalse();
        assertThat(off.json().getString("code")).contains("You are a test.");
        assertThat(server.column("SELECT enabled::text FROM ai.chatbots WHERE id = ?::uuid", id)).containsExactly("false");
        assertThat(server.call("PUT", BASE + "/" + id + "/toggle", admin, "{\"enabled\":true}").json().getBoolean("enabled")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{}", "{\"enabled\":\"yes\"}", "not json", "[true]"})
    void toggleRefusesABadBody(String body) {
        ApiResponse response = server.call("PUT", BASE + "/" + ownChatbot() + "/toggle", admin, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("code")).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void updateAppliesOnlyTheGivenFields() {
        String id = ownChatbot();
        ApiResponse response = server.call("PUT", BASE + "/" + id, admin,
                "{\"max_tokens\":123,\"temperature\":1.5,\"rate_limit_per_minute\":3,\"description\":\"changed\",\"is_public\":true,"
                + "\"conversation_ttl_hours\":0.25}");
        assertThat(response.status()).isEqualTo(200);
        JsonObject bot = response.json();
        assertThat(bot.getInt("max_tokens")).isEqualTo(123);
        assertThat(bot.getJsonNumber("temperature").doubleValue()).isEqualTo(1.5);
        assertThat(bot.getInt("rate_limit_per_minute")).isEqualTo(3);
        assertThat(bot.getString("description")).isEqualTo("changed");
        assertThat(bot.getBoolean("is_public")).isTrue();
        assertThat(bot.getInt("daily_request_limit")).isEqualTo(100);
        assertThat(bot.getInt("version")).isEqualTo(2);
        assertThat(bot.getJsonNumber("conversation_ttl_hours").doubleValue()).isEqualTo(0.25);
        assertThat(server.column("SELECT max_tokens || ' ' || temperature || ' ' || conversation_ttl_seconds FROM ai.chatbots WHERE id = ?::uuid", id))
                .containsExactly("123 1.50 900");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"temperature\":2.5}|Temperature must be between 0 and 2",
            "{\"max_tokens\":0}|Max tokens must be positive",
            "{\"conversation_ttl_hours\":0}|Conversation TTL hours must be positive",
            "{\"daily_token_budget\":-1}|Daily token budget must not be negative",
            "{\"max_tokens\":\"many\"}|Invalid request body: \"max_tokens\" must be an integer",
            "{\"provider_id\":\"7b0c2f5e-0000-4000-8000-000000000000\"}|Unknown provider_id: 7b0c2f5e-0000-4000-8000-000000000000"})
    void updateValidatesEachField(String body, String message) {
        String id = ownChatbot();
        ApiResponse response = server.call("PUT", BASE + "/" + id, admin, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("error")).isEqualTo(message);
        assertThat(server.column("SELECT version::text FROM ai.chatbots WHERE id = ?::uuid", id)).containsExactly("1");
    }

    @Test
    void deleteRemovesTheChatbot() {
        String id = ownChatbot();
        ApiResponse deleted = server.call("DELETE", BASE + "/" + id, admin, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().getBoolean("deleted")).isTrue();
        assertThat(server.column("SELECT id FROM ai.chatbots WHERE id = ?::uuid", id)).isEmpty();
        assertThat(server.call("DELETE", BASE + "/" + id, admin, null).status()).isEqualTo(404);
    }

    @Test
    void unknownIdsAreNotFound() {
        String unknown = "/7b0c2f5e-0000-4000-8000-000000000000";
        assertThat(server.get(BASE + unknown, admin).status()).isEqualTo(404);
        assertThat(server.get(BASE + "/not-a-uuid", admin).status()).isEqualTo(404);
        assertThat(server.call("PUT", BASE + unknown + "/toggle", admin, "{\"enabled\":true}").status()).isEqualTo(404);
        assertThat(server.call("PUT", BASE + unknown, admin, "{\"max_tokens\":5}").status()).isEqualTo(404);
        ApiResponse response = server.get(BASE + unknown, admin);
        assertThat(response.json().getString("code")).isEqualTo("CHATBOT_NOT_FOUND");
    }

    private static final String SOME_ID = "/7b0c2f5e-0000-4000-8000-000000000000";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET|''", "GET|" + SOME_ID, "PUT|" + SOME_ID + "/toggle", "PUT|" + SOME_ID, "DELETE|" + SOME_ID, "POST|/sync"})
    void everyAdminEndpointWants401WithoutAToken403ForAUser(String method, String path) {
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{\"enabled\":true}";
        ApiResponse anonymous = server.call(method, BASE + path, null, body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().getString("code")).isEqualTo("AUTH_REQUIRED");
        ApiResponse user = server.call(method, BASE + path, server.tokens().userToken("u-1"), body);
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().getString("code")).isEqualTo("FORBIDDEN");
        assertThat(server.call(method, BASE + path, "bad.token.here", body).status()).isEqualTo(401);
    }

    @Test
    void aBadOrExpiredTokenIs401() {
        assertThat(server.get(BASE, "garbage").status()).isEqualTo(401);
        String expired = server.tokens().token("service_role", "service_role", Duration.ofMinutes(-5));
        assertThat(server.get(BASE, expired).json().getString("code")).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void usersAndAnonymousKeysAre403() {
        for (String token : List.of(server.tokens().userToken("u-1"), server.tokens().token("anon", "anon", Duration.ofHours(1)))) {
            ApiResponse response = server.get(BASE, token);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().getString("code")).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theAdminRoleIsAnAdminToo() {
        assertThat(server.get(BASE, server.tokens().token("admin", "admin-user", Duration.ofHours(1))).status()).isEqualTo(200);
    }

    private static List<String> names(ApiResponse response) {
        return response.array("chatbots").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("namespace") + "/" + c.getString("name")).toList();
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
