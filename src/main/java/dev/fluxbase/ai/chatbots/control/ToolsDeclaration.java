package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tools of {@code export const tools = [...]}: plain names ({@code ["execute_sql"]}) or objects, either
 * {@code {name, description, parameters}} or OpenAI's {@code {type: "function", function: {name, description, parameters}}}.
 * The array is read as a literal ({@link ScriptLiteral}); one that cannot be read so (a variable, a spread) still
 * gives its names, found by scanning its top-level elements, with a warning that descriptions and schemas were not read.
 */
final class ToolsDeclaration {

    private static final Pattern DECLARATION = Pattern.compile("export\\s+const\\s+tools\\s*(?::[^=]+)?=\\s*\\[");

    /**
     * One declared tool.
     *
     * @param description null when not given
     * @param parametersJson the JSON schema as text, null when not given
     */
    record ToolName(String name, int line, String description, String parametersJson) {

        ToolName(String name, int line) {
            this(name, line, null, null);
        }
    }

    /** The declared tools, and why their descriptions could not be read, when they could not (null otherwise). */
    record Declaration(List<ToolName> tools, LoadWarning unread) {
    }

    private ToolsDeclaration() {
    }

    /** Returns null when the file declares no tools. */
    static Declaration read(SourceText source) throws ChatbotFileException {
        Matcher declaration = DECLARATION.matcher(source.text());
        if (!declaration.find()) {
            return null;
        }
        int open = declaration.end() - 1;
        try {
            return new Declaration(tools(source, open), null);
        } catch (ScriptLiteral.NotALiteral e) {
            return new Declaration(names(source, declaration.end()), new LoadWarning(source.file(), source.lineOf(e.offset()),
                    "export const tools: " + e.getMessage() + "; only the tool names are read"));
        }
    }

    private static List<ToolName> tools(SourceText source, int open) throws ChatbotFileException {
        List<ToolName> tools = new ArrayList<>();
        ScriptLiteral.Read array = ScriptLiteral.read(source.text(), open);
        List<JsonValue> elements = array.value().asJsonArray();
        for (int i = 0; i < elements.size(); i++) {
            tools.add(tool(source.file(), elements.get(i), source.lineOf(array.elementStarts().get(i))));
        }
        return tools;
    }

    private static ToolName tool(String file, JsonValue element, int line) throws ChatbotFileException {
        if (element instanceof JsonString name) {
            return new ToolName(name.getString(), line);
        }
        if (!(element instanceof JsonObject object)) {
            throw new ChatbotFileException(file, line, "export const tools: an entry must be a tool name or an object with a name");
        }
        JsonObject function = object.get("function") instanceof JsonObject inner ? inner : object;
        if (!(function.get("name") instanceof JsonString name) || name.getString().isBlank()) {
            throw new ChatbotFileException(file, line, "export const tools: an entry has no name");
        }
        String description = function.get("description") instanceof JsonString text ? text.getString() : null;
        JsonValue parameters = function.get("parameters");
        if (parameters != null && parameters != JsonValue.NULL && !(parameters instanceof JsonObject)) {
            throw new ChatbotFileException(file, line, "export const tools: the parameters of '" + name.getString()
                    + "' must be a JSON schema object");
        }
        return new ToolName(name.getString(), line, description, parameters instanceof JsonObject schema ? schema.toString() : null);
    }

    /** Only top-level names count, so a {@code name} inside a parameter schema is not mistaken for a tool. */
    private static List<ToolName> names(SourceText source, int start) {
        String text = source.text();
        List<ToolName> names = new ArrayList<>();
        int depth = 1;
        boolean expectingName = false;
        for (int i = start; i < text.length() && depth > 0; i++) {
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
