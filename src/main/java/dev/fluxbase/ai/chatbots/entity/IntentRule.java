package dev.fluxbase.ai.chatbots.entity;

import java.util.List;
import java.util.Locale;

/**
 * Fluxbase's intent rule: when the user's message contains one of the keywords (case-insensitively), the query
 * must use {@code requiredTable} and must not use {@code forbiddenTable}, and the turn must not call
 * {@code forbiddenTool} (it is not offered) and should call {@code requiredTool}.
 */
public record IntentRule(List<String> keywords, String requiredTable, String forbiddenTable, String requiredTool, String forbiddenTool) {

    public IntentRule {
        keywords = keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("an intent rule needs at least one keyword");
        }
        if (blank(requiredTable) && blank(forbiddenTable) && blank(requiredTool) && blank(forbiddenTool)) {
            throw new IllegalArgumentException("an intent rule needs requiredTable, forbiddenTable, requiredTool or forbiddenTool");
        }
    }

    public boolean appliesTo(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return keywords.stream().anyMatch(keyword -> text.contains(keyword.toLowerCase(Locale.ROOT)));
    }

    public String topic() {
        return String.join("/", keywords);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
