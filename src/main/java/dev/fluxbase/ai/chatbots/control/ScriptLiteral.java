package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JavaScript/TypeScript literal as JSON: objects (keys bare, quoted, or numbers), arrays, strings in any of the
 * three quotes (a template literal only without {@code ${}}), numbers, {@code true}, {@code false}, {@code null} and
 * {@code undefined} (as null), with comments and trailing commas. Anything else (a variable, a call, a spread) cannot
 * be read without running the file, which this server never does: it is an error with its offset.
 */
final class ScriptLiteral {

    private final String text;
    private final List<Integer> elementStarts = new ArrayList<>();
    private int pos;
    private int depth;

    private ScriptLiteral(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /** The literal beginning at {@code start} (leading blanks and comments skipped). */
    static Read read(String text, int start) {
        ScriptLiteral reader = new ScriptLiteral(text, start);
        JsonValue value = reader.value();
        return new Read(value, reader.pos, List.copyOf(reader.elementStarts));
    }

    /** A value, the offset just after it and, when it is an array, the offset where each of its elements starts. */
    record Read(JsonValue value, int end, List<Integer> elementStarts) {
    }

    /** What cannot be read as a literal, at an offset of the text. */
    static final class NotALiteral extends IllegalArgumentException {
        private final int offset;

        NotALiteral(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    private JsonValue value() {
        skipBlanks();
        if (pos >= text.length()) {
            throw fail("unexpected end of the file");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"' || c == '\'' || c == '`') {
            return JsonFactories.PROVIDER.createValue(string());
        }
        if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') {
            return number();
        }
        String word = identifier();
        return switch (word) {
            case "true" -> JsonValue.TRUE;
            case "false" -> JsonValue.FALSE;
            case "null", "undefined" -> JsonValue.NULL;
            default -> throw fail(word.isEmpty() ? "unexpected '" + c + "'" : "'" + word + "' is not a literal value");
        };
    }

    private JsonValue object() {
        JsonObjectBuilder object = JsonFactories.PROVIDER.createObjectBuilder();
        depth++;
        pos++;
        while (true) {
            skipBlanks();
            if (peek() == '}') {
                pos++;
                depth--;
                return object.build();
            }
            String key = key();
            skipBlanks();
            expect(':');
            object.add(key, value());
            if (!separator('}')) {
                depth--;
                return object.build();
            }
        }
    }

    private JsonValue array() {
        JsonArrayBuilder array = JsonFactories.PROVIDER.createArrayBuilder();
        boolean outermost = depth == 0;
        depth++;
        pos++;
        while (true) {
            skipBlanks();
            if (peek() == ']') {
                pos++;
                depth--;
                return array.build();
            }
            if (outermost) {
                elementStarts.add(pos);
            }
            array.add(value());
            if (!separator(']')) {
                depth--;
                return array.build();
            }
        }
    }

    /** After an element: true when another may follow, false when {@code close} ended the container. */
    private boolean separator(char close) {
        skipBlanks();
        char c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        throw fail("expected ',' or '" + close + "'");
    }

    private String key() {
        char c = peek();
        if (c == '"' || c == '\'' || c == '`') {
            return string();
        }
        if (Character.isDigit(c)) {
            return number().toString();
        }
        String word = identifier();
        if (word.isEmpty()) {
            throw fail(c == '.' ? "spread elements cannot be read without running the file" : "expected a property name");
        }
        return word;
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '$')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private JsonValue number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE_".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return JsonFactories.PROVIDER.createValue(new BigDecimal(text.substring(start, pos).replace("_", "")));
        } catch (NumberFormatException e) {
            pos = start;
            throw fail("not a number: " + text.substring(start, Math.min(text.length(), start + 20)));
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return value.toString();
            }
            if (quote == '`' && c == '$' && peek() == '{') {
                throw fail("a template literal with ${...} cannot be read without running the file");
            }
            if (c == '\\') {
                value.append(escape());
            } else if (c == '\n' && quote != '`') {
                break;
            } else {
                value.append(c);
            }
        }
        throw fail("unterminated string");
    }

    private String escape() {
        if (pos >= text.length()) {
            throw fail("unterminated string");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case '0' -> "\0";
            case '\n' -> "";
            case 'u' -> unicode();
            default -> String.valueOf(c);
        };
    }

    private String unicode() {
        if (pos + 4 > text.length()) {
            throw fail("bad \\u escape");
        }
        try {
            String hex = text.substring(pos, pos + 4);
            pos += 4;
            return String.valueOf((char) Integer.parseInt(hex, 16));
        } catch (NumberFormatException e) {
            throw fail("bad \\u escape");
        }
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw fail("unterminated comment");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private NotALiteral fail(String message) {
        return new NotALiteral(message, Math.min(pos, text.length()));
    }
}
