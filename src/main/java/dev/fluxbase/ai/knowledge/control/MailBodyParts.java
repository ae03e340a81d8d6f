package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * What Tika hands on from inside a document: the plain-text and HTML parts of an e-mail are read (HTML through
 * {@link HtmlText}); anything else embedded (attachments, objects in Office files) is skipped, so no parser
 * but ours ever runs and nothing nests.
 */
final class MailBodyParts implements EmbeddedDocumentExtractor {

    private final UploadLimits limits;

    MailBodyParts(UploadLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return type(metadata).filter(t -> t.equals("text/plain") || t.equals("text/html")).isPresent();
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        Reader reader = new InputStreamReader(stream, charset(metadata));
        String text = type(metadata).filter("text/html"::equals).isPresent() ? HtmlText.of(reader, limits) : plain(reader);
        for (String paragraph : text.split("\\n\\s*\\n")) {
            handler.startElement(XHTMLContentHandler.XHTML, "p", "p", new AttributesImpl());
            handler.characters(paragraph.toCharArray(), 0, paragraph.length());
            handler.endElement(XHTMLContentHandler.XHTML, "p", "p");
        }
    }

    /** Up to one character more than the limit allows, which then refuses it. */
    private String plain(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0 && text.length() <= limits.maxTextChars(); n = reader.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    private static Optional<String> type(Metadata metadata) {
        return Optional.ofNullable(metadata.get(Metadata.CONTENT_TYPE)).map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT));
    }

    private static Charset charset(Metadata metadata) {
        String name = metadata.get(Metadata.CONTENT_ENCODING);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
