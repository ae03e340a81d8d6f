package dev.fluxbase.ai.chatbots.control;

/** Whether an annotation's value is JSON whose brackets are still open (outside strings), so it goes on on the next line. */
final class JsonBrackets {

    private JsonBrackets() {
    }

    static boolean startsJson(CharSequence value) {
        return !value.isEmpty() && (value.charAt(0) == '[' || value.charAt(0) == '{');
    }

    static boolean opensWithoutClosing(CharSequence value) {
        return startsJson(value) && depth(value) > 0;
    }

    private static int depth(CharSequence value) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return depth;
    }
}
