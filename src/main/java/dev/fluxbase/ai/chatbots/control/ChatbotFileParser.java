package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chatbot file ({@code index.ts}): the leading doc comment's {@code @fluxbase:} annotations,
 * the {@code export default} template literal as the system prompt, and {@code export const tools}.
 * The file is never executed; this is a pure text parser.
 */
public final class ChatbotFileParser {

    private static final Pattern EXPORT_DEFAULT = Pattern.compile("export\\s+default\\s*");

    public ChatbotDefinition parse(String file, String namespace, String name, String code) throws ChatbotFileException {
        SourceText source = new SourceText(file, code);
        Matcher export = EXPORT_DEFAULT.matcher(source.text());
        if (!export.find()) {
            throw new ChatbotFileException(file, source.lineOf(source.text().length()), "missing `export default` with the system prompt");
        }
        String prompt = systemPrompt(source, export);
        DocComment doc = DocComment.of(source, export.start());
        ChatbotSettings settings = new SettingsReader(file, doc.annotations())
                .read(doc.firstFreeLine().orElse(""), ToolsDeclaration.read(source));
        return new ChatbotDefinition(namespace, name, code, prompt, settings);
    }

    private static String systemPrompt(SourceText source, Matcher export) throws ChatbotFileException {
        int line = source.lineOf(export.start());
        String text = source.text();
        if (export.end() >= text.length() || text.charAt(export.end()) != '`') {
            throw new ChatbotFileException(source.file(), line, "`export default` must be a template literal (backticks) holding the system prompt");
        }
        TemplateLiteral literal = TemplateLiteral.read(text, export.end());
        if (literal == null) {
            throw new ChatbotFileException(source.file(), line, "unterminated template literal after `export default`");
        }
        String prompt = literal.value().strip();
        if (prompt.isEmpty()) {
            throw new ChatbotFileException(source.file(), line, "the system prompt is empty");
        }
        return prompt;
    }
}
