package dev.fluxbase.bench.load;

import dev.fluxbase.ai.platform.entity.JsonStrings;

/**
 * JSON string literals written and read by hand: the bench runs on the plain JDK, without a JSON library. Writing is the
 * server's own {@link JsonStrings} (run.sh compiles it with the bench; it needs nothing but the JDK).
 */
final class JsonText {

    private JsonText() {
    }

    /** {@code text} as a JSON string literal, quotes included, escaped as the server escapes its own. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2);
        JsonStrings.quote(json, text);
        return json.toString();
    }

    /**
     * The value of the string whose opening quote comes right after {@code key} (e.g. {@code "content":}) from
     * {@code from} on in {@code json}, or null when there is none.
     */
    static String stringAfter(String json, String key, int from) {
        int at = json.indexOf(key, from);
        if (at < 0 || at + key.length() >= json.length() || json.charAt(at + key.length()) != '"') {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = at + key.length() + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = json.charAt(++i);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> value.append(escaped);
            }
        }
        return null;
    }
}
