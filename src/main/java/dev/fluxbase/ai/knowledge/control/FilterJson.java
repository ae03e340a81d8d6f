package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.FilterExpression;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A filter expression as the JSON object it was read from (values as text, which is how they compare). */
public final class FilterJson {

    private FilterJson() {
    }

    public static JsonObject object(FilterExpression filter) {
        JsonObjectBuilder json = JsonFactories.PROVIDER.createObjectBuilder();
        filter.conditions().forEach(json::add);
        return json.build();
    }

    static String text(FilterExpression filter) {
        return object(filter).toString();
    }
}
