package dev.fluxbase.ai.platform.entity;

/** JSON text written by hand where a JSON library costs too much (a frame per streamed delta) or cannot be relied on (a log line). */
public final class JsonStrings {

    private JsonStrings() {
    }

    /** A JSON string, escaped as JSON-P writes it: quote, backslash and control characters. */
    public static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
