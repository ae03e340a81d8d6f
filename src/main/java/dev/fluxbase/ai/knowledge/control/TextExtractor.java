package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text from uploaded files: plain text and Markdown as they are, HTML without its markup, PDF with PDFBox. */
public final class TextExtractor {

    public static final Map<String, String> MIME_TYPES = Map.of(
            ".txt", "text/plain", ".md", "text/markdown", ".markdown", "text/markdown",
            ".html", "text/html", ".htm", "text/html", ".pdf", "application/pdf");

    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|h[1-6]|li|tr|section|article|pre|blockquote)\\s*>|<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#39;", "'", "&nbsp;", " ");

    private TextExtractor() {
    }

    /** The MIME type of a file name, from the client's content type when the name has no known extension. */
    public static Optional<String> mimeType(String fileName, String declared) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && MIME_TYPES.containsKey(name.substring(dot))) {
            return Optional.of(MIME_TYPES.get(name.substring(dot)));
        }
        String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return MIME_TYPES.values().stream().filter(type::equals).findFirst();
    }

    /**
     * The type of content that came without a usable name or type: a PDF by its signature, HTML by its opening
     * tag, anything else that is valid UTF-8 without control characters (but line breaks and tabs) as plain text;
     * binary content stays unknown.
     */
    public static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, PDF_SIGNATURE)) {
            return Optional.of("application/pdf");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.isBlank() || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
            return Optional.empty();
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        return Optional.of(start.startsWith("<!doctype html") || start.startsWith("<html") ? "text/html" : "text/plain");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    public static String extract(byte[] bytes, String mimeType) {
        if ("application/pdf".equals(mimeType)) {
            return pdf(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if ("text/html".equals(mimeType)) {
            return html(text);
        }
        if (text.indexOf('\0') >= 0) {
            throw new KnowledgeException("Failed to extract text from file: it is binary");
        }
        return text.strip();
    }

    /** Pages are separated by blank lines, so that the chunker treats them as paragraph breaks. */
    static String pdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setPageEnd("\n\n");
            return stripper.getText(document).strip();
        } catch (IOException e) {
            throw new KnowledgeException("Failed to extract text from file: " + e.getMessage(), e);
        }
    }

    static String html(String html) {
        String text = INVISIBLE.matcher(html).replaceAll(" ");
        text = BLOCK_END.matcher(text).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll(" ");
        for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
            text = text.replace(entity.getKey(), entity.getValue());
        }
        return text.replaceAll("[ \\t]+", " ").replaceAll(" *\\n[ \\n]*\\n *", "\n\n").strip();
    }
}
