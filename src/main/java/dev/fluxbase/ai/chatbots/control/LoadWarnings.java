package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import java.util.List;

/**
 * The warnings of a stored chatbot, read again from its code: the code is what was loaded, so the warnings
 * are the ones its sync reported, without a column to keep them in step.
 */
public final class LoadWarnings {

    private LoadWarnings() {
    }

    public static List<LoadWarning> of(Chatbot chatbot) {
        String origin = (Chatbot.Source.api.name().equals(chatbot.source()) ? "payload:" : "")
                + chatbot.namespace() + "/" + chatbot.name() + "/index.ts";
        try {
            return new ChatbotFileParser().read(origin, chatbot.namespace(), chatbot.name(), chatbot.code()).warnings();
        } catch (ChatbotFileException e) {
            // A stored chatbot parsed when it was loaded; a parser that changed since then says so here.
            return List.of(new LoadWarning(origin, 0, "no longer loads: " + e.getMessage()));
        }
    }
}
