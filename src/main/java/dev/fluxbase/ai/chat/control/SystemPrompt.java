package dev.fluxbase.ai.chat.control;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Substitutes the template variables of a chatbot's prompt; unknown {@code {{...}}} stay as written. */
final class SystemPrompt {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private SystemPrompt() {
    }

    static String render(String template, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }
}
