package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.settings.entity.Placeholders;
import dev.fluxbase.ai.settings.entity.SettingRef;
import java.util.Map;
import java.util.function.Function;

/**
 * Substitutes the placeholders of a chatbot's prompt in one pass: the built-in variables ({@code {{user_id}}},
 * {@code {{namespace}}}, spaces inside the braces allowed), then the settings Fluxbase's template pattern names
 * ({@code {{key}}}, {@code {{user:key}}}, {@code {{system:key}}}; a missing one is empty). Any other {@code {{...}}}
 * stays as written.
 */
final class SystemPrompt {

    private SystemPrompt() {
    }

    static String render(String template, Map<String, String> variables, Function<SettingRef, String> settings) {
        return Placeholders.replace(template, inner -> {
            String variable = variables.get(inner.strip());
            return variable != null ? variable : Placeholders.ref(inner).map(settings).orElse(null);
        });
    }
}
