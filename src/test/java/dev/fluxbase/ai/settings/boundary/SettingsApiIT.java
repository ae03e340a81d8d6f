package dev.fluxbase.ai.settings.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The settings API as the SDK calls it ({@code admin.settings.app.*Setting*}, {@code settings.*}): Fluxbase's paths,
 * methods and shapes; secrets stored encrypted and never answered; a user's settings only ever the caller's.
 */
@ExtendWith(FluxbaseServer.class)
class SettingsApiIT {

    private static final String CUSTOM = "/api/v1/admin/settings/custom";
    private static final String USER = "/api/v1/settings/user";
    private static final String SECRET = "/api/v1/settings/secret";

    private ServerUnderTest server;
    private String admin;
    /** Keys of this test only: the run's database is shared by every IT. */
    private final String prefix = "apiit" + UUID.randomUUID().toString().substring(0, 8) + ".";

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
        this.admin = server.serviceKey();
    }

    private String user(String id) {
        return server.tokens().userToken(id);
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().getString("code")).isEqualTo(code);
        assertThat(response.json().getString("error")).isNotBlank();
    }

    @Test
    void customSettingsGoThroughTheSdksUpdateThenCreateCycle() {
        String key = prefix + "billing.tiers";
        // setSetting: PUT first, 404, then POST
        assertError(server.call("PUT", CUSTOM + "/" + key, admin, "{\"value\":{\"free\":1000},\"value_type\":\"json\"}"), 404, "SETTING_NOT_FOUND");
        ApiResponse created = server.call("POST", CUSTOM, admin, "{\"key\":\"" + key + "\",\"value\":{\"free\":1000,\"pro\":10000},"
                + "\"value_type\":\"json\",\"description\":\"API quotas\",\"is_public\":false,\"is_secret\":false}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject setting = created.json();
        assertThat(setting.keySet()).contains("id", "key", "value", "value_type", "description", "editable_by", "metadata", "created_at", "updated_at");
        assertThat(setting.getString("key")).isEqualTo(key);
        assertThat(setting.getJsonObject("value").getInt("pro")).isEqualTo(10000);
        assertThat(setting.getString("value_type")).isEqualTo("json");
        assertThat(setting.getString("description")).isEqualTo("API quotas");
        assertThat(setting.getJsonArray("editable_by").getString(0)).isEqualTo("dashboard_admin");
        UUID.fromString(setting.getString("id"));

        ApiResponse updated = server.call("PUT", CUSTOM + "/" + key, admin, "{\"value\":{\"value\":\"flat\"},\"value_type\":\"string\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getJsonObject("value").getString("value")).isEqualTo("flat");
        assertThat(updated.json().getString("description")).as("kept").isEqualTo("API quotas");
        assertThat(updated.json().getString("id")).isEqualTo(setting.getString("id"));

        assertThat(server.get(CUSTOM + "/" + key, admin).json().getJsonObject("value").getString("value")).isEqualTo("flat");
        assertThat(server.get(CUSTOM, admin).jsonArray().getValuesAs(JsonObject.class)).extracting(s -> s.getString("key")).contains(key);
        assertError(server.call("POST", CUSTOM, admin, "{\"key\":\"" + key + "\",\"value\":{\"value\":1}}"), 409, "DUPLICATE_KEY");

        assertThat(server.call("DELETE", CUSTOM + "/" + key, admin, null).status()).isEqualTo(204);
        assertError(server.get(CUSTOM + "/" + key, admin), 404, "SETTING_NOT_FOUND");
        assertError(server.call("DELETE", CUSTOM + "/" + key, admin, null), 404, "SETTING_NOT_FOUND");
    }

    @Test
    void secretsAreStoredSealedAndAnsweredWithTheirMetadataOnly() {
        String key = prefix + "stripe_api_key";
        String value = "sk-live-" + UUID.randomUUID();
        assertError(server.call("PUT", CUSTOM + "/secret/" + key, admin, "{\"value\":\"" + value + "\"}"), 404, "SETTING_NOT_FOUND");
        ApiResponse created = server.call("POST", CUSTOM + "/secret", admin, "{\"key\":\"" + key + "\",\"value\":\"" + value
                + "\",\"description\":\"Stripe\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().keySet()).contains("id", "key", "description", "created_at", "updated_at")
                .isSubsetOf("id", "key", "description", "user_id", "created_by", "updated_by", "created_at", "updated_at");
        String newValue = "sk-live-" + UUID.randomUUID();

        List<ApiResponse> answers = List.of(created,
                server.call("PUT", CUSTOM + "/secret/" + key, admin, "{\"value\":\"" + newValue + "\"}"),
                server.get(CUSTOM + "/secret/" + key, admin),
                server.get(CUSTOM + "/secrets", admin),
                server.get(CUSTOM, admin));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isBetween(200, 201));
        assertThat(answers).extracting(ApiResponse::body).allSatisfy(body -> assertThat(body).doesNotContain(value, newValue));
        assertThat(answers.get(1).json().getString("description")).as("kept").isEqualTo("Stripe");
        assertThat(answers.get(3).jsonArray().getValuesAs(JsonObject.class)).extracting(s -> s.getString("key")).contains(key);
        assertThat(answers.get(4).jsonArray().getValuesAs(JsonObject.class)).extracting(s -> s.getString("key")).doesNotContain(key);

        assertThat(server.column("SELECT (value IS NULL AND is_secret)::text FROM ai.settings WHERE key = ? AND user_id IS NULL", key))
                .containsExactly("true");
        byte[] sealed = server.column("SELECT encode(encrypted_value, 'base64') FROM ai.settings WHERE key = ?", key).get(0)
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(Base64.getMimeDecoder().decode(sealed), StandardCharsets.ISO_8859_1)).doesNotContain(newValue);

        assertError(server.get(CUSTOM + "/" + key, admin), 409, "SETTING_KIND_MISMATCH");
        assertThat(server.call("DELETE", CUSTOM + "/secret/" + key, admin, null).status()).isEqualTo(204);
        assertError(server.get(CUSTOM + "/secret/" + key, admin), 404, "SETTING_NOT_FOUND");
    }

    @Test
    void aCustomSettingWithIsSecretBecomesASecret() {
        String key = prefix + "wrapped";
        ApiResponse created = server.call("POST", CUSTOM, admin, "{\"key\":\"" + key + "\",\"value\":{\"value\":\"wrapped-secret-value\"},"
                + "\"value_type\":\"json\",\"is_secret\":true}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("wrapped-secret-value");
        assertThat(created.json().containsKey("value")).isFalse();
        assertThat(server.get(CUSTOM + "/secret/" + key, admin).status()).isEqualTo(200);
    }

    @Test
    void keysAndValuesAreChecked() {
        assertError(server.call("POST", CUSTOM, admin, "{\"key\":\"1bad key\",\"value\":{\"value\":1}}"), 400, "INVALID_KEY");
        assertError(server.get(CUSTOM + "/bad-key", admin), 400, "INVALID_KEY");
        assertError(server.call("POST", CUSTOM, admin, "{\"key\":\"" + prefix + "novalue\"}"), 400, "INVALID_REQUEST");
        assertError(server.call("POST", CUSTOM, admin, "{\"key\":\"" + prefix + "big\",\"value\":{\"value\":\"" + "x".repeat(70_000) + "\"}}"),
                413, "SETTING_TOO_LARGE");
        assertError(server.call("POST", CUSTOM + "/secret", admin, "{\"key\":\"" + prefix + "empty\",\"value\":\"\"}"), 400, "INVALID_REQUEST");
        assertError(server.call("POST", CUSTOM, admin, "{\"key\":\"" + prefix + "typed\",\"value\":1,\"value_type\":\"date\"}"), 400, "INVALID_REQUEST");
    }

    @Test
    void onlyAdminsReachTheSystemsSettings() {
        assertError(server.get(CUSTOM, null), 401, "AUTH_REQUIRED");
        assertError(server.get(CUSTOM, user("plain-user")), 403, "FORBIDDEN");
        assertError(server.call("POST", CUSTOM + "/secret", server.tokens().token("anon", "anon", Duration.ofMinutes(5)),
                "{\"key\":\"" + prefix + "x\",\"value\":\"v\"}"), 403, "FORBIDDEN");
    }

    @Test
    void aUserReadsTheirOwnSettingElseTheSystemsAndNeverAnotherUsers() {
        String key = prefix + "theme";
        String alice = user("alice-" + UUID.randomUUID());
        String bob = user("bob-" + UUID.randomUUID());
        assertThat(server.call("POST", CUSTOM, admin, "{\"key\":\"" + key + "\",\"value\":{\"mode\":\"light\"}}").status()).isEqualTo(201);

        JsonObject fallback = server.get(USER + "/" + key, alice).json();
        assertThat(fallback.getString("source")).isEqualTo("system");
        assertThat(fallback.getJsonObject("value").getString("mode")).isEqualTo("light");
        assertError(server.get(USER + "/own/" + key, alice), 404, "SETTING_NOT_FOUND");

        ApiResponse set = server.call("PUT", USER + "/" + key, alice, "{\"value\":{\"mode\":\"dark\"},\"description\":\"mine\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().keySet()).contains("id", "key", "value", "description", "user_id", "created_at", "updated_at");
        assertThat(set.json().getString("user_id")).startsWith("alice-");
        assertThat(server.call("PUT", USER + "/" + key, alice, "{\"value\":{\"mode\":\"darker\"}}").json().getString("description"))
                .as("an update keeps the description").isEqualTo("mine");

        assertThat(server.get(USER + "/" + key, alice).json().getString("source")).isEqualTo("user");
        assertThat(server.get(USER + "/own/" + key, alice).json().getJsonObject("value").getString("mode")).isEqualTo("darker");
        assertThat(server.get(USER + "/system/" + key, alice).json().getJsonObject("value").getString("mode")).isEqualTo("light");
        assertThat(server.get(USER + "/list", alice).jsonArray()).hasSize(1);

        // bob sees the system's value, not alice's, and cannot change or delete hers
        assertThat(server.get(USER + "/" + key, bob).json().getString("source")).isEqualTo("system");
        assertError(server.get(USER + "/own/" + key, bob), 404, "SETTING_NOT_FOUND");
        assertThat(server.get(USER + "/list", bob).jsonArray()).isEmpty();
        assertError(server.call("DELETE", USER + "/" + key, bob, null), 404, "SETTING_NOT_FOUND");
        assertThat(server.get(USER + "/own/" + key, alice).status()).isEqualTo(200);

        assertThat(server.call("DELETE", USER + "/" + key, alice, null).status()).isEqualTo(204);
        assertThat(server.get(USER + "/" + key, alice).json().getString("source")).isEqualTo("system");
        assertThat(server.get(CUSTOM + "/" + key, admin).json().getJsonObject("value").getString("mode")).as("the system's stays").isEqualTo("light");
    }

    @Test
    void aUsersSecretsAreTheirsAloneAndNeverAnswered() {
        String key = prefix + "calendar_token";
        String alice = user("alice-" + UUID.randomUUID());
        String bob = user("bob-" + UUID.randomUUID());
        String value = "token-" + UUID.randomUUID();
        // setSecret: PUT first, 404, then POST to the path with its trailing slash
        assertError(server.call("PUT", SECRET + "/" + key, alice, "{\"value\":\"" + value + "\"}"), 404, "SETTING_NOT_FOUND");
        ApiResponse created = server.call("POST", SECRET + "/", alice, "{\"key\":\"" + key + "\",\"value\":\"" + value + "\",\"description\":\"cal\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("user_id")).startsWith("alice-");

        List<ApiResponse> answers = List.of(created, server.get(SECRET + "/", alice), server.get(SECRET + "/" + key, alice),
                server.call("PUT", SECRET + "/" + key, alice, "{\"description\":\"calendar\"}"), server.get(USER + "/list", alice));
        assertThat(answers).extracting(ApiResponse::body).allSatisfy(body -> assertThat(body).doesNotContain(value));
        assertThat(answers.get(1).jsonArray()).hasSize(1);
        assertThat(answers.get(3).json().getString("description")).isEqualTo("calendar");
        assertThat(answers.get(4).jsonArray()).as("secrets are not plain settings").isEmpty();
        assertError(server.get(USER + "/" + key, alice), 404, "SETTING_NOT_FOUND");
        assertError(server.call("PUT", USER + "/" + key, alice, "{\"value\":{\"value\":\"plain\"}}"), 409, "SETTING_KIND_MISMATCH");

        assertThat(server.get(SECRET + "/", bob).jsonArray()).isEmpty();
        assertError(server.get(SECRET + "/" + key, bob), 404, "SETTING_NOT_FOUND");
        assertError(server.call("DELETE", SECRET + "/" + key, bob, null), 404, "SETTING_NOT_FOUND");
        assertThat(server.call("DELETE", SECRET + "/" + key, alice, null).status()).isEqualTo(204);
    }

    @Test
    void userSettingsNeedAUsersToken() {
        String anonKey = server.tokens().token("anon", "anon", Duration.ofMinutes(5));
        assertError(server.get(USER + "/list", null), 401, "AUTH_REQUIRED");
        assertError(server.get(USER + "/list", anonKey), 401, "AUTH_REQUIRED");
        assertError(server.call("POST", SECRET + "/", anonKey, "{\"key\":\"" + prefix + "x\",\"value\":\"v\"}"), 401, "AUTH_REQUIRED");
        assertError(server.get(USER + "/list", server.tokens().token("service_role", null, Duration.ofMinutes(5))), 403, "FORBIDDEN");
    }

    @Test
    void aUserMayKeepOnlySoManySettings() {
        String bob = user("bob-" + UUID.randomUUID());
        for (int i = 0; i < 100; i++) {
            assertThat(server.call("PUT", USER + "/" + prefix + "k" + i, bob, "{\"value\":" + i + "}").status()).isEqualTo(200);
        }
        assertError(server.call("PUT", USER + "/" + prefix + "k100", bob, "{\"value\":100}"), 409, "TOO_MANY_SETTINGS");
        assertThat(server.call("PUT", USER + "/" + prefix + "k99", bob, "{\"value\":\"changed\"}").status()).as("changing one still works").isEqualTo(200);
        assertThat(server.get(USER + "/" + prefix + "k99", bob).json().get("value")).isEqualTo(Json.createValue("changed"));
        assertThat(server.get(USER + "/list", bob).jsonArray()).hasSize(100);
    }
}
