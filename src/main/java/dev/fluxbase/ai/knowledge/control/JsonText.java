package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * JSON as lines of {@code path: value} ({@code items[0].name: Kettle}), each object in an array a paragraph
 * of its own. Braces, quotes and commas mean nothing to an embedding model, while the path keeps each value's
 * context within the chunk that holds it. Read as a stream, so depth costs no stack.
 */
final class JsonText {

    private JsonText() {
    }

    /** Empty when the text is not JSON. */
    static Optional<String> of(String json, UploadLimits limits) {
        BlockText text = new BlockText(limits);
        Deque<Container> open = new ArrayDeque<>();
        try (JsonParser parser = JsonFactories.PROVIDER.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> open.peek().key = parser.getString();
                    case START_OBJECT, START_ARRAY -> {
                        if (event == JsonParser.Event.START_OBJECT && !open.isEmpty() && open.peek().array) {
                            text.paragraph();
                        }
                        open.push(new Container(path(open), event == JsonParser.Event.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> open.pop();
                    default -> text.text(line(path(open), parser, event)).line();
                }
            }
            return Optional.of(text.toString());
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    static boolean isJson(String text) {
        try (JsonParser parser = JsonFactories.PROVIDER.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                parser.next();
            }
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    private static String line(String path, JsonParser parser, JsonParser.Event event) {
        String value = switch (event) {
            case VALUE_STRING, VALUE_NUMBER -> parser.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> "null";
        };
        return path.isEmpty() ? value : path + ": " + value;
    }

    /** The path of the next value in the innermost open container. */
    private static String path(Deque<Container> open) {
        Container parent = open.peek();
        if (parent == null) {
            return "";
        }
        if (parent.array) {
            return parent.path + "[" + parent.index++ + "]";
        }
        return parent.path.isEmpty() ? parent.key : parent.path + "." + parent.key;
    }

    private static final class Container {

        private final String path;
        private final boolean array;
        private String key = "";
        private int index;

        Container(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }
}
