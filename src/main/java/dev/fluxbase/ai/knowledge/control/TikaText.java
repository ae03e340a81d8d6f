package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.DocumentTooLarge;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.epub.EpubParser;
import org.apache.tika.parser.mail.RFC822Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Office Open XML (docx, xlsx, pptx), OpenDocument text, EPUB, RTF and e-mail through Apache Tika's parsers,
 * each called directly: no auto-detection, and nothing embedded is parsed but an e-mail's text parts
 * ({@link MailBodyParts}). Word and PowerPoint files are read by Tika's streaming (SAX) extractors, Excel's
 * always is, so memory follows the text, which {@link BlockText} bounds.
 */
final class TikaText {

    private static final Parser OOXML = new OOXMLParser();
    private static final Map<String, Parser> PARSERS = Map.of(
            FileTypes.DOCX, OOXML, FileTypes.XLSX, OOXML, FileTypes.PPTX, OOXML,
            FileTypes.ODT, new OpenDocumentParser(), FileTypes.EPUB, new EpubParser(),
            FileTypes.RTF, new RTFParser(), FileTypes.EML, new RFC822Parser());

    /** Parts inside a document are typed by their own headers; nothing else is detected. */
    private static final Detector DECLARED = (input, metadata) -> Optional.ofNullable(metadata.get(Metadata.CONTENT_TYPE))
            .map(MediaType::parse).orElse(MediaType.OCTET_STREAM);

    private TikaText() {
    }

    static boolean reads(String mimeType) {
        return PARSERS.containsKey(mimeType);
    }

    static String of(byte[] bytes, String mimeType, UploadLimits limits) {
        guardZip(limits);
        BlockText text = new BlockText(limits);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mimeType);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            PARSERS.get(mimeType).parse(in, new BodyContentHandler(new BlockTextHandler(text)), metadata, context(limits));
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw tooLarge(e).orElseGet(() -> new KnowledgeException("Failed to extract text from file: " + e.getMessage(), e));
        } catch (NoClassDefFoundError e) {
            // The WAR carries only the parts of Tika and POI that text extraction needs (see pom.xml).
            throw new KnowledgeException("Failed to extract text from file: it uses a feature this server does not read (" + e.getMessage() + ")", e);
        }
        if (!FileTypes.EML.equals(mimeType)) {
            return text.toString();
        }
        String mail = headers(metadata) + "\n\n" + text;
        if (mail.length() > limits.maxTextChars()) {
            throw limits.tooMuchText();
        }
        return mail.strip();
    }

    /** POI's own zip-bomb check, a second line behind {@link ZipGuard}, set to the same limits. */
    private static void guardZip(UploadLimits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxInflateRatio());
        ZipSecureFile.setGraceEntrySize(UploadLimits.GRACE_BYTES);
        ZipSecureFile.setMaxEntrySize(limits.maxUnpackedBytes());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars() + 1L);
    }

    private static ParseContext context(UploadLimits limits) {
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        office.setIncludeSlideMasterContent(false);
        office.setIncludeDeletedContent(false);
        office.setIncludeMoveFromContent(false);
        ParseContext context = new ParseContext();
        context.set(OfficeParserConfig.class, office);
        context.set(EmbeddedDocumentExtractor.class, new MailBodyParts(limits));
        context.set(Detector.class, DECLARED);
        return context;
    }

    /** Parsers wrap what a handler throws; the refusal is found among the causes. */
    private static Optional<KnowledgeException> tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DocumentTooLarge tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    /** Subject, sender, recipients and date head an e-mail's text, so that a search finds them too. */
    private static String headers(Metadata metadata) {
        return Stream.of(line("Subject", metadata.get(TikaCoreProperties.TITLE)), line("From", metadata.get(Message.MESSAGE_FROM)),
                        line("To", String.join(", ", metadata.getValues(Message.MESSAGE_TO))), line("Date", metadata.get(TikaCoreProperties.CREATED)))
                .flatMap(Optional::stream).collect(Collectors.joining("\n"));
    }

    private static Optional<String> line(String name, String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(name + ": " + value.strip());
    }
}
