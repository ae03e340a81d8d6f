package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The annotations of a file that the settings did not read. Nothing is dropped silently: an annotation that
 * Fluxbase knows to restrict access or data, and that this server cannot honour yet, refuses the chatbot
 * (running it would be more open than its author wrote); any other unread annotation is a warning.
 */
final class UnhonouredAnnotations {

    /** Fluxbase's annotations that narrow what a chatbot may do or keep, with what honouring them would take. */
    private static final Map<String, String> RESTRICTING = Map.of();

    /** Fluxbase's other annotations: a different behaviour, not a wider one. */
    private static final Map<String, String> KNOWN_ELSEWHERE = Map.ofEntries(
            Map.entry("use-mcp-schema", "MCP-style schema descriptions"),
            Map.entry("rag-table", "retrieval from a user table"),
            Map.entry("rag-column", "retrieval from a user table"),
            Map.entry("rag-content-column", "retrieval from a user table"));

    private UnhonouredAnnotations() {
    }

    static List<LoadWarning> check(String file, Collection<Annotation> unread, Collection<Annotation> malformed) throws ChatbotFileException {
        List<LoadWarning> warnings = new ArrayList<>();
        for (Annotation annotation : unread) {
            String restriction = RESTRICTING.get(annotation.key());
            if (restriction != null) {
                throw new ChatbotFileException(file, annotation.line(), "@fluxbase:" + annotation.key() + " is not supported by this server yet ("
                        + restriction + "); the chatbot is not loaded rather than run without it");
            }
            warnings.add(new LoadWarning(file, annotation.line(), warning(annotation)));
        }
        malformed.forEach(annotation -> warnings.add(new LoadWarning(file, annotation.line(),
                "'" + annotation.key() + "' is not an annotation (expected @fluxbase:name-in-lower-case value), ignored")));
        return warnings;
    }

    private static String warning(Annotation annotation) {
        String meaning = KNOWN_ELSEWHERE.get(annotation.key());
        return meaning == null
                ? "unknown annotation @fluxbase:" + annotation.key() + ", ignored"
                : "@fluxbase:" + annotation.key() + " (" + meaning + ") is not supported by this server yet, ignored";
    }
}
