package dev.fluxbase.ai.chatbots.entity;

/** A chatbot file that cannot be loaded; the message names the file, the line and the reason. */
public class ChatbotFileException extends Exception {

    private final String file;
    private final int line;
    private final String reason;

    public ChatbotFileException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
