package dev.fluxbase.ai.chatbots.entity;

/** Something in a chatbot file that loaded but does not mean here what it says: where, and why. */
public record LoadWarning(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
