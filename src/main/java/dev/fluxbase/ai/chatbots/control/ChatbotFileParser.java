package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import dev.fluxbase.ai.chatbots.entity.ParsedChatbot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        return read(file, namespace, name, code).definition();
    }

    /** The definition and the warnings: what of the file is not honoured, each with its line. */
    public ParsedChatbot read(String file, String namespace, String name, String code) throws ChatbotFileException {
        SourceText source = new SourceText(file, code);
        Matcher export = EXPORT_DEFAULT.matcher(source.text());
        if (!export.find()) {
            throw new ChatbotFileException(file, source.lineOf(source.text().length()), "missing `export default` with the system prompt");
        }
        TemplateLiteral literal = systemPrompt(source, export);
        DocComment doc = DocComment.of(source, export.start());
        SettingsReader reader = new SettingsReader(file, doc.annotations());
        ToolsDeclaration.Declaration tools = ToolsDeclaration.read(source);
        ChatbotSettings settings = reader.read(doc.firstFreeLine().orElse(""), tools == null ? null : tools.tools());
        List<LoadWarning> warnings = new ArrayList<>(reader.warnings());
        if (tools != null && tools.unread() != null) {
            warnings.add(tools.unread());
        }
        warnings.addAll(UnhonouredAnnotations.check(file, reader.unread(), doc.malformed()));
        warnings.addAll(StrayAnnotations.check(source, doc, export.end(), literal.end()));
        warnings.sort(Comparator.comparingInt(LoadWarning::line));
        return new ParsedChatbot(new ChatbotDefinition(namespace, name, code, literal.value().strip(), settings), warnings);
    }

    private static TemplateLiteral systemPrompt(SourceText source, Matcher export) throws ChatbotFileException {
        int line = source.lineOf(export.start());
        String text = source.text();
        if (export.end() >= text.length() || text.charAt(export.end()) != '`') {
            throw new ChatbotFileException(source.file(), line, "`export default` must be a template literal (backticks) holding the system prompt");
        }
        TemplateLiteral literal = TemplateLiteral.read(text, export.end());
        if (literal == null) {
            throw new ChatbotFileException(source.file(), line, "unterminated template literal after `export default`");
        }
        if (literal.value().isBlank()) {
            throw new ChatbotFileException(source.file(), line, "the system prompt is empty");
        }
        return literal;
    }
}
