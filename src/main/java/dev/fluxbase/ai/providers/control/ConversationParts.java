package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.ChatMessage;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A conversation as Anthropic and Gemini take it: the system prompt apart, then turns that alternate between
 * the user's side (user messages and tool results) and the assistant's, each a list of parts. Messages of
 * one side that follow each other become one turn; a message without parts is left out.
 */
final class ConversationParts {

    /** One side's turn and its parts (content blocks for Anthropic, parts for Gemini). */
    record Turn(boolean fromAssistant, List<JsonObject> parts) {
    }

    private ConversationParts() {
    }

    /** The system messages' text, joined by a blank line (the prompt is one, but a caller may add more). */
    static String systemText(List<ChatMessage> messages) {
        return messages.stream().filter(m -> m.role() == ChatMessage.Role.SYSTEM).map(ChatMessage::content)
                .filter(text -> !text.isBlank()).collect(Collectors.joining("\n\n"));
    }

    static List<Turn> turns(List<ChatMessage> messages, Function<ChatMessage, List<JsonObject>> parts) {
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.role() == ChatMessage.Role.SYSTEM) {
                continue;
            }
            List<JsonObject> added = parts.apply(message);
            if (added.isEmpty()) {
                continue;
            }
            boolean fromAssistant = message.role() == ChatMessage.Role.ASSISTANT;
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.fromAssistant() == fromAssistant) {
                last.parts().addAll(added);
            } else {
                turns.add(new Turn(fromAssistant, new ArrayList<>(added)));
            }
        }
        return turns;
    }
}
