package dev.fluxbase.ai.settings.entity;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{...}}} placeholders of a text. Those of Fluxbase's template pattern
 * ({@code \{\{((?:user:|system:)?[a-zA-Z][a-zA-Z0-9_.]*)\}\}}) name settings, except the reserved built-in
 * variables; what a caller does with the others is its own choice.
 */
public final class Placeholders {

    /** Built-in variables of a chatbot's prompt, never settings (Fluxbase reserves {@code user_id}). */
    public static final Set<String> RESERVED = Set.of("user_id", "namespace");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern SETTING = Pattern.compile("(user:|system:)?(" + SettingKey.FORM + ")");

    private Placeholders() {
    }

    /** The setting the inside of a placeholder names, if it names one. */
    public static Optional<SettingRef> ref(String inner) {
        Matcher matcher = SETTING.matcher(inner);
        if (!matcher.matches() || RESERVED.contains(inner) || matcher.group(2).length() > SettingKey.MAX_LENGTH) {
            return Optional.empty();
        }
        SettingRef.Scope scope = matcher.group(1) == null ? SettingRef.Scope.USER_THEN_SYSTEM
                : matcher.group(1).equals("user:") ? SettingRef.Scope.USER : SettingRef.Scope.SYSTEM;
        return Optional.of(new SettingRef(scope, matcher.group(2)));
    }

    /**
     * Replaces every placeholder in one pass, so that a value that itself holds {@code {{...}}} is not read again.
     *
     * @param replacement from the inside of a placeholder to its replacement, or null to keep it as written
     */
    public static String replace(String text, Function<String, String> replacement) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder replaced = new StringBuilder();
        while (matcher.find()) {
            String value = replacement.apply(matcher.group(1));
            matcher.appendReplacement(replaced, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(replaced);
        return replaced.toString();
    }

    /** Replaces the settings the text names; other placeholders stay as written. */
    public static String resolve(String text, Function<SettingRef, String> setting) {
        return replace(text, inner -> ref(inner).map(setting).orElse(null));
    }
}
