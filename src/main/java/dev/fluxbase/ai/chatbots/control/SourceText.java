package dev.fluxbase.ai.chatbots.control;

/** A chatbot file's text with line endings normalised, so that offsets map to line numbers. */
final class SourceText {

    private final String file;
    private final String text;

    SourceText(String file, String raw) {
        this.file = file;
        this.text = raw.replace("\r\n", "\n").replace('\r', '\n');
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
