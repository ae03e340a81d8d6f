package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.IntentRule;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The JSON array of {@code @fluxbase:intent-rules}, in Fluxbase's field names; a rule that restricts nothing or is misspelt is an error. */
final class IntentRulesText {

    private static final Set<String> FIELDS = Set.of("keywords", "requiredTable", "forbiddenTable", "requiredTool", "forbiddenTool");

    private IntentRulesText() {
    }

    static List<IntentRule> parse(String text, Function<String, ChatbotFileException> error) throws ChatbotFileException {
        JsonArray array;
        try {
            array = JsonFactories.readArray(text);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw error.apply("expected a JSON array of rules such as [{\"keywords\":[\"salary\"],\"forbiddenTable\":\"payroll\"}], got '" + text + "'");
        }
        List<IntentRule> rules = new ArrayList<>();
        for (JsonValue value : array) {
            rules.add(rule(value, error));
        }
        return rules;
    }

    private static IntentRule rule(JsonValue value, Function<String, ChatbotFileException> error) throws ChatbotFileException {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw error.apply("each rule must be a JSON object, got " + value);
        }
        JsonObject json = value.asJsonObject();
        for (String key : json.keySet()) {
            if (!FIELDS.contains(key)) {
                throw error.apply("unknown field '" + key + "' in an intent rule, expected " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        try {
            List<String> keywords = json.getJsonArray("keywords") == null ? List.of()
                    : json.getJsonArray("keywords").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            return new IntentRule(keywords, json.getString("requiredTable", null), json.getString("forbiddenTable", null),
                    json.getString("requiredTool", null), json.getString("forbiddenTool", null));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw error.apply(e.getMessage() == null ? "invalid intent rule " + json : e.getMessage() + ": " + json);
        }
    }
}
