package dev.fluxbase.ai.chatbots.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool names of {@code export const tools = [...]}: either plain strings ({@code ["execute_sql"]})
 * or objects with a {@code name} (the guide's OpenAI-style declarations). Only top-level elements count,
 * so a {@code name} inside a parameter schema is not mistaken for a tool.
 */
final class ToolsDeclaration {

    private static final Pattern DECLARATION = Pattern.compile("export\\s+const\\s+tools\\s*(?::[^=]+)?=\\s*\\[");

    record ToolName(String name, int line) {
    }

    private ToolsDeclaration() {
    }

    /** Returns null when the file declares no tools. */
    static List<ToolName> read(SourceText source) {
        String text = source.text();
        Matcher declaration = DECLARATION.matcher(text);
        if (!declaration.find()) {
            return null;
        }
        List<ToolName> names = new ArrayList<>();
        int depth = 1;
        boolean expectingName = false;
        for (int i = declaration.end(); i < text.length() && depth > 0; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int close = closingQuote(text, i);
                String literal = text.substring(i + 1, close);
                if (depth == 1 || expectingName) {
                    names.add(new ToolName(literal, source.lineOf(i)));
                    expectingName = false;
                } else {
                    expectingName = depth == 2 && literal.equals("name") && nextNonSpace(text, close + 1) == ':';
                }
                i = close;
            } else if (c == '[' || c == '{') {
                depth++;
                expectingName = false;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (depth == 2 && text.startsWith("name", i) && isWordStart(text, i)
                    && nextNonSpace(text, i + 4) == ':') {
                expectingName = true;
                i += 3;
            } else if (c == ',') {
                expectingName = false;
            }
        }
        return names;
    }

    private static char nextNonSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static boolean isWordStart(String text, int i) {
        return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_';
    }

    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length() - 1;
    }
}
