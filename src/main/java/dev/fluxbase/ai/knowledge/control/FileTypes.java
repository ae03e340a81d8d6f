package dev.fluxbase.ai.knowledge.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The types of file an upload may have: by the file name's extension, else by the type the client declared,
 * else (for content that came with neither, such as the SDK's Blob without a type) by the content itself.
 */
public final class FileTypes {

    public static final String TEXT = "text/plain";
    public static final String MARKDOWN = "text/markdown";
    public static final String HTML = "text/html";
    public static final String CSV = "text/csv";
    public static final String JSON = "application/json";
    public static final String PDF = "application/pdf";
    public static final String RTF = "application/rtf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String EPUB = "application/epub+zip";
    public static final String EML = "message/rfc822";

    /** By extension; the keys are what capabilities list as supported_file_types. */
    public static final Map<String, String> EXTENSIONS = Collections.unmodifiableMap(new TreeMap<>(Map.ofEntries(
            Map.entry(".txt", TEXT), Map.entry(".md", MARKDOWN), Map.entry(".markdown", MARKDOWN),
            Map.entry(".html", HTML), Map.entry(".htm", HTML), Map.entry(".csv", CSV), Map.entry(".json", JSON),
            Map.entry(".pdf", PDF), Map.entry(".rtf", RTF), Map.entry(".docx", DOCX), Map.entry(".xlsx", XLSX),
            Map.entry(".pptx", PPTX), Map.entry(".odt", ODT), Map.entry(".epub", EPUB), Map.entry(".eml", EML))));

    /** Other names clients give the same types. */
    private static final Map<String, String> ALIASES = Map.of("text/rtf", RTF, "text/json", JSON, "application/csv", CSV,
            "text/x-markdown", MARKDOWN, "application/xhtml+xml", HTML);

    /** Office Open XML packages by the part every one of them has. */
    private static final Map<String, String> OOXML_PARTS = Map.of("word/document.xml", DOCX, "xl/workbook.xml", XLSX,
            "ppt/presentation.xml", PPTX);
    /** OpenDocument and EPUB name their type in a first, stored entry. */
    private static final Set<String> NAMED_BY_MIMETYPE_ENTRY = Set.of(ODT, EPUB);
    private static final int MIMETYPE_ENTRY_MAX = 100;

    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    private static final byte[] RTF_SIGNATURE = "{\\rtf".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern HEADER = Pattern.compile("[!-9;-~]+:.*");
    private static final int MAIL_HEADER_LINES = 50;
    private static final List<String> MAIL_HEADERS = List.of("from:", "date:", "subject:", "message-id:", "mime-version:", "received:");

    private FileTypes() {
    }

    /** The MIME type of a file name, from the client's content type when the name has no known extension. */
    public static Optional<String> mimeType(String fileName, String declared) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && EXTENSIONS.containsKey(name.substring(dot))) {
            return Optional.of(EXTENSIONS.get(name.substring(dot)));
        }
        String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return Optional.ofNullable(ALIASES.get(type)).or(() -> EXTENSIONS.values().stream().filter(type::equals).findFirst());
    }

    /**
     * The type of content that came without a usable name or type. PDF and RTF by their signature; a zip
     * archive by its entries' names (read from the central directory, nothing is inflated) or OpenDocument's
     * and EPUB's {@code mimetype} entry; valid UTF-8 without control characters (but line breaks and tabs) as
     * HTML by its opening tag, as e-mail by a header block that has mail's headers, as JSON when it parses,
     * else as plain text. Anything else stays unknown.
     */
    public static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, PDF_SIGNATURE)) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, RTF_SIGNATURE)) {
            return Optional.of(RTF);
        }
        if (startsWith(bytes, ZIP_SIGNATURE)) {
            return zipType(bytes);
        }
        return text(bytes).map(FileTypes::textType);
    }

    private static Optional<String> zipType(byte[] bytes) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (Map.Entry<String, String> part : OOXML_PARTS.entrySet()) {
                if (zip.getEntry(part.getKey()) != null) {
                    return Optional.of(part.getValue());
                }
            }
            ZipArchiveEntry mimetype = zip.getEntry("mimetype");
            if (mimetype == null || mimetype.getMethod() != ZipArchiveEntry.STORED || mimetype.getSize() > MIMETYPE_ENTRY_MAX) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(mimetype)) {
                String type = new String(in.readNBytes(MIMETYPE_ENTRY_MAX), StandardCharsets.US_ASCII).strip();
                return NAMED_BY_MIMETYPE_ENTRY.contains(type) ? Optional.of(type) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.isBlank() || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static String textType(String text) {
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return HTML;
        }
        if (isMail(text)) {
            return EML;
        }
        if ((start.startsWith("{") || start.startsWith("[")) && JsonText.isJson(text)) {
            return JSON;
        }
        return TEXT;
    }

    /** A block of header lines at the very start, among them From: and another header only mail has. */
    private static boolean isMail(String text) {
        List<String> headers = text.lines().limit(MAIL_HEADER_LINES).takeWhile(line -> !line.isEmpty()).toList();
        if (headers.isEmpty() || !HEADER.matcher(headers.get(0)).matches()) {
            return false;
        }
        List<String> names = headers.stream().map(line -> line.toLowerCase(Locale.ROOT)).toList();
        return names.stream().anyMatch(line -> line.startsWith("from:"))
                && names.stream().filter(line -> MAIL_HEADERS.stream().anyMatch(line::startsWith)).count() >= 2;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
