package dev.fluxbase.ai.settings.boundary;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.settings.entity.Setting;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Settings in the SDK's shapes: CustomSetting, SecretSettingMetadata, UserSetting and UserSettingWithSource. A
 * secret's shape has no value field at all.
 */
final class SettingJson {

    static final String SOURCE_USER = "user";
    static final String SOURCE_SYSTEM = "system";

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private SettingJson() {
    }

    static JsonObject custom(Setting s) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", s.id().toString())
                .add("key", s.key())
                .add("value", value(s))
                .add("value_type", s.valueType());
        optional(json, "description", s.description());
        json.add("editable_by", JSON.createArrayBuilder(s.editableBy()))
                .add("metadata", s.metadataJson() == null ? JsonValue.EMPTY_JSON_OBJECT : JsonFactories.read(s.metadataJson()));
        return authorsAndTimes(json, s).build();
    }

    static JsonObject secret(Setting s) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", s.id().toString())
                .add("key", s.key());
        optional(json, "description", s.description());
        optional(json, "user_id", s.userId());
        return authorsAndTimes(json, s).build();
    }

    static JsonObject user(Setting s) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", s.id().toString())
                .add("key", s.key())
                .add("value", value(s));
        optional(json, "description", s.description());
        return json.add("user_id", s.userId())
                .add("created_at", time(s.createdAt()))
                .add("updated_at", time(s.updatedAt()))
                .build();
    }

    /** UserSettingWithSource: whose setting answered, the user's own or the system's. */
    static JsonObject withSource(Setting s) {
        return JSON.createObjectBuilder().add("key", s.key()).add("value", value(s))
                .add("source", s.userId() == null ? SOURCE_SYSTEM : SOURCE_USER).build();
    }

    static JsonObject keyAndValue(Setting s) {
        return JSON.createObjectBuilder().add("key", s.key()).add("value", value(s)).build();
    }

    static JsonArray array(List<Setting> settings, Function<Setting, JsonObject> shape) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        settings.forEach(s -> array.add(shape.apply(s)));
        return array.build();
    }

    private static JsonValue value(Setting s) {
        return JsonFactories.read(s.valueJson());
    }

    private static JsonObjectBuilder authorsAndTimes(JsonObjectBuilder json, Setting s) {
        optional(json, "created_by", s.createdBy());
        optional(json, "updated_by", s.updatedBy());
        return json.add("created_at", time(s.createdAt())).add("updated_at", time(s.updatedAt()));
    }

    private static void optional(JsonObjectBuilder json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.add(key, value);
        }
    }

    private static String time(Instant time) {
        return time.toString();
    }
}
