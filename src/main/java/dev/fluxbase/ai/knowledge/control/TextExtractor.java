package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Text from uploaded files within the {@link UploadLimits}: plain text, Markdown and CSV as they are, JSON as
 * {@code path: value} lines, HTML by jsoup, PDF by PDFBox, the Office, OpenDocument, EPUB, RTF and e-mail
 * formats by Apache Tika. Zip-based files pass the {@link ZipGuard} first.
 */
public final class TextExtractor {

    private static final Set<String> ZIPPED = Set.of(FileTypes.DOCX, FileTypes.XLSX, FileTypes.PPTX, FileTypes.ODT, FileTypes.EPUB);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextExtractor() {
    }

    /**
     * @throws dev.fluxbase.ai.knowledge.entity.DocumentTooLarge past a limit
     * @throws KnowledgeException when the file cannot be read as its type
     */
    public static String extract(byte[] bytes, String mimeType, UploadLimits limits) {
        if (bytes.length > limits.maxBytes()) {
            throw limits.tooManyBytes();
        }
        if (FileTypes.PDF.equals(mimeType)) {
            return PdfText.of(bytes, limits);
        }
        if (ZIPPED.contains(mimeType)) {
            ZipGuard.check(bytes, limits);
        }
        if (TikaText.reads(mimeType)) {
            return TikaText.of(bytes, mimeType, limits).strip();
        }
        if (FileTypes.HTML.equals(mimeType)) {
            return HtmlText.of(bytes, limits);
        }
        return text(new String(bytes, StandardCharsets.UTF_8), mimeType, limits);
    }

    private static String text(String text, String mimeType, UploadLimits limits) {
        if (text.indexOf('\0') >= 0) {
            throw new KnowledgeException("Failed to extract text from file: it is binary");
        }
        String content = text.indexOf(BYTE_ORDER_MARK) == 0 ? text.substring(1) : text;
        String extracted = FileTypes.JSON.equals(mimeType) ? JsonText.of(content, limits).orElse(content) : content;
        if (extracted.length() > limits.maxTextChars()) {
            throw limits.tooMuchText();
        }
        return extracted.strip();
    }
}
