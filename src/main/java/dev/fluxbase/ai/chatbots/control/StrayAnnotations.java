package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @fluxbase:} annotations outside the leading doc comment. This server reads that comment only, so
 * that a prompt can talk about annotations; Fluxbase applies the first match anywhere in the file. Where the
 * two readings differ: a limit in a comment or in code refuses the file (ignored, it would make the chatbot more
 * open than its author wrote); text of the prompt stays text, with a warning; a repetition of an annotation of
 * the doc comment changes nothing in either reading and is a warning.
 */
final class StrayAnnotations {

    private static final Pattern ANYWHERE = Pattern.compile("@fluxbase:([a-z][a-z0-9-]*)");

    /** Annotations whose value narrows what the chatbot may do, whom it serves, or how much it may spend. */
    private static final Set<String> LIMITING = Set.of("allowed-tables", "allowed-operations", "allowed-schemas", "allowed-functions",
            "sensitive-columns", "confirm-writes",
            "require-role", "require-roles", "allow-unauthenticated", "public", "rate-limit", "daily-limit", "token-budget",
            "max-tokens", "max-turns", "max-iterations", "max-tool-result-bytes", "conversation-ttl", "persist-conversations",
            "intent-rules", "mcp-tools", "required-columns", "disable-execution-logs", "http-allowed-domains");

    private StrayAnnotations() {
    }

    static List<LoadWarning> check(SourceText source, DocComment doc, int promptStart, int promptEnd) throws ChatbotFileException {
        List<LoadWarning> warnings = new ArrayList<>();
        Set<String> declared = doc.keys();
        Matcher matcher = ANYWHERE.matcher(source.text());
        while (matcher.find()) {
            if (doc.contains(matcher.start())) {
                continue;
            }
            String key = matcher.group(1);
            int line = source.lineOf(matcher.start());
            boolean inPrompt = matcher.start() >= promptStart && matcher.start() < promptEnd;
            String where = inPrompt ? "inside the system prompt" : "outside the leading doc comment";
            if (declared.contains(key)) {
                warnings.add(new LoadWarning(source.file(), line, "@fluxbase:" + key + " " + where + " repeats the doc comment's, ignored"));
            } else if (LIMITING.contains(key) && !inPrompt) {
                throw new ChatbotFileException(source.file(), line, "@fluxbase:" + key + " " + where + ": Fluxbase would apply it, this server "
                        + "reads annotations from the leading /** */ comment only; move it there (the chatbot is not loaded rather than run without it)");
            } else {
                warnings.add(new LoadWarning(source.file(), line, "@fluxbase:" + key + " " + where + " is ignored: annotations are read "
                        + "from the leading /** */ comment only (Fluxbase would apply it)"));
            }
        }
        return warnings;
    }
}
