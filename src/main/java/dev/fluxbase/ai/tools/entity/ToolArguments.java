package dev.fluxbase.ai.tools.entity;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;

/** A tool call's arguments: the JSON object the model wrote, or nothing when it wrote something else. */
public final class ToolArguments {

    private ToolArguments() {
    }

    public static Optional<JsonObject> parse(String json) {
        try {
            return Optional.of(JsonFactories.readObject(json));
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The non-blank string argument {@code name}, if the model gave one. */
    public static Optional<String> text(Optional<JsonObject> arguments, String name) {
        return arguments.map(a -> a.get(name)).filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString()).filter(v -> !v.isBlank());
    }
}
