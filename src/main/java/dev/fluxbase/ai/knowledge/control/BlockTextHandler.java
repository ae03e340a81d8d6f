package dev.fluxbase.ai.knowledge.control;

import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Writes the XHTML a Tika parser emits to {@link BlockText}: block elements as paragraphs, rows and breaks as lines. */
final class BlockTextHandler extends DefaultHandler {

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li", "ul", "ol", "dl", "dt", "dd",
            "table", "pre", "blockquote", "section", "article", "header", "footer", "aside", "nav", "figure", "caption");
    private static final Set<String> LINES = Set.of("br", "tr");
    private static final Set<String> CELLS = Set.of("td", "th");

    private final BlockText text;

    BlockTextHandler(BlockText text) {
        this.text = text;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        mark(localName);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        mark(localName);
    }

    private void mark(String element) {
        if (BLOCKS.contains(element)) {
            text.paragraph();
        } else if (LINES.contains(element)) {
            text.line();
        } else if (CELLS.contains(element)) {
            text.space();
        }
    }

    @Override
    public void characters(char[] characters, int start, int length) {
        text.text(characters, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] characters, int start, int length) {
        text.space();
    }
}
