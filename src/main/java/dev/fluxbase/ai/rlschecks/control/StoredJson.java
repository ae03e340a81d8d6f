package dev.fluxbase.ai.rlschecks.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.rlschecks.entity.UserOutcome;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * The impersonated users and their outcomes as JSON: stored so in {@code jsonb} columns, and answered so by the API,
 * one shape for both.
 */
public final class StoredJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private StoredJson() {
    }

    public static JsonArray users(List<Impersonation> users) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Impersonation user : users) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("user_id", user.userId()).add("role", user.role());
            array.add(json.add("claims", user.claimsJson() == null ? JsonValue.EMPTY_JSON_OBJECT : JsonFactories.readObject(user.claimsJson())));
        }
        return array.build();
    }

    static List<Impersonation> users(String json) {
        return JsonFactories.readArray(json).getValuesAs(JsonObject.class).stream().map(user -> {
            JsonObject claims = user.getJsonObject("claims");
            return new Impersonation(user.getString("user_id"), user.getString("role"),
                    claims == null || claims.isEmpty() ? null : claims.toString());
        }).toList();
    }

    public static JsonArray outcomes(List<UserOutcome> outcomes) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (UserOutcome outcome : outcomes) {
            array.add(JSON.createObjectBuilder()
                    .add("user_id", outcome.userId())
                    .add("role", outcome.role())
                    .add("rows", outcome.rows())
                    .add("violations", outcome.violations())
                    .add("strangers", JSON.createArrayBuilder(outcome.strangers()))
                    .add("truncated", outcome.truncated())
                    .add("error", outcome.error() == null ? JsonValue.NULL : JSON.createValue(outcome.error())));
        }
        return array.build();
    }

    static List<UserOutcome> outcomes(String json) {
        return JsonFactories.readArray(json).getValuesAs(JsonObject.class).stream().map(o -> new UserOutcome(o.getString("user_id"),
                o.getString("role"), o.getInt("rows"), o.getInt("violations"),
                o.getJsonArray("strangers").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                o.getBoolean("truncated"), o.isNull("error") ? null : o.getString("error"))).toList();
    }
}
