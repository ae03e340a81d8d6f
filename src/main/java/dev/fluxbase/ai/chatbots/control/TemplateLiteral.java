package dev.fluxbase.ai.chatbots.control;

/**
 * Reads a JavaScript template literal starting at a backtick: escapes are decoded, {@code ${...}}
 * placeholders are kept as written (the server never evaluates a chatbot file).
 */
final class TemplateLiteral {

    private final String value;
    private final int end;

    private TemplateLiteral(String value, int end) {
        this.value = value;
        this.end = end;
    }

    /** @param open offset of the opening backtick; returns null when the literal is not closed */
    static TemplateLiteral read(String text, int open) {
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                return new TemplateLiteral(value.toString(), i + 1);
            } else if (c == '\\' && i + 1 < text.length()) {
                value.append(unescape(text.charAt(i + 1)));
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = placeholderEnd(text, i + 2);
                if (close < 0) {
                    return null;
                }
                value.append(text, i, close + 1);
                i = close + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        return null;
    }

    private static String unescape(char escaped) {
        return switch (escaped) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '\n' -> ""; // a line continuation
            default -> String.valueOf(escaped);
        };
    }

    // Finds the brace closing a ${ placeholder, skipping nested braces and quoted strings.
    private static int placeholderEnd(String text, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    String value() {
        return value;
    }

    int end() {
        return end;
    }
}
