package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * The text of an HTML page by jsoup's parser, without scripts, styles and the head; blocks (paragraphs,
 * headings, list items, ...) become paragraphs, line breaks and table rows lines. The page is streamed: each
 * element, once parsed, is replaced by its text, so memory follows the text rather than the markup (a whole
 * DOM takes some eight times the page's size).
 */
final class HtmlText {

    private static final Set<String> INVISIBLE = Set.of("head", "script", "style", "noscript", "template", "title", "svg");
    private static final Set<String> LINES = Set.of("br", "tr");
    private static final Set<String> CELLS = Set.of("td", "th");

    private HtmlText() {
    }

    static String of(byte[] html, UploadLimits limits) {
        return of(new InputStreamReader(new ByteArrayInputStream(html), StandardCharsets.UTF_8), limits);
    }

    static String of(Reader html, UploadLimits limits) {
        try (StreamParser parser = new StreamParser(Parser.htmlParser()).parse(html, "")) {
            Iterator<Element> parsed = parser.iterator();
            while (parsed.hasNext()) {
                Element element = parsed.next();
                if (INVISIBLE.contains(element.normalName())) {
                    element.remove();
                } else if (element.parent() != null) {
                    element.replaceWith(new TextNode(marked(element)));
                }
            }
            return new BlockText(limits).text(parser.document().wholeText()).toString();
        }
    }

    /** The element's text, its children already replaced by theirs, with the marks {@link BlockText} reads. */
    private static String marked(Element element) {
        String name = element.normalName();
        String text = element.wholeText();
        if ("pre".equals(name)) {
            text = text.replace('\n', BlockText.LINE_MARK);
        }
        if (LINES.contains(name)) {
            return text + BlockText.LINE_MARK;
        }
        if (CELLS.contains(name)) {
            return " " + text + " ";
        }
        return element.isBlock() ? BlockText.PARAGRAPH_MARK + text + BlockText.PARAGRAPH_MARK : text;
    }
}
