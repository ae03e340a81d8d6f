package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.knowledge.entity.DocumentTooLarge;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

    static final UploadLimits LIMITS = new UploadLimits(50L * 1024 * 1024, 5_000_000, 200L * 1024 * 1024, 100, 5000);

    private static String extract(byte[] bytes, String type) {
        return TextExtractor.extract(bytes, type, LIMITS);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wordParagraphsStayParagraphs() {
        assertThat(extract(TestDocuments.docx("Giraffes sleep standing up.", "They need little sleep."), FileTypes.DOCX))
                .isEqualTo("Giraffes sleep standing up.\n\nThey need little sleep.");
    }

    @Test
    void spreadsheetsGiveTheirSheetNamesAndCells() {
        String text = extract(TestDocuments.xlsx("Zebras", new String[] {"Name", "Stripes"}, new String[] {"Marty", "many"}), FileTypes.XLSX);
        assertThat(text).startsWith("Zebras").contains("Name Stripes\nMarty many");
    }

    @Test
    void slidesGiveTheirText() {
        assertThat(extract(TestDocuments.pptx("Otters hold hands.", "Otters use tools."), FileTypes.PPTX))
                .contains("Otters hold hands.").contains("Otters use tools.").doesNotContain("Click to edit");
    }

    @Test
    void openDocumentTextKeepsHeadingAndParagraphsApart() {
        assertThat(extract(TestDocuments.odt("Badgers", "Badgers dig setts.", "Setts have chambers."), FileTypes.ODT))
                .isEqualTo("Badgers\n\nBadgers dig setts.\n\nSetts have chambers.");
    }

    @Test
    void epubChaptersAreRead() {
        assertThat(extract(TestDocuments.epub("Hedgehog book", "Hedgehogs eat beetles.", "They hibernate."), FileTypes.EPUB))
                .isEqualTo("Chapter one\n\nHedgehogs eat beetles.\n\nThey hibernate.");
    }

    @Test
    void rtfLosesItsControlWords() {
        assertThat(extract(TestDocuments.rtf("Walruses", "Walruses have tusks."), FileTypes.RTF))
                .isEqualTo("Walruses\n\nWalruses have tusks.");
    }

    @Test
    void emailGivesItsHeadersAndOneOfItsAlternativeBodies() {
        String text = extract(TestDocuments.eml("Penguin report", "The penguins waddle at noon."), FileTypes.EML);
        assertThat(text).startsWith("Subject: Penguin report\nFrom: Ada Lovelace <ada@example.com>\nTo: team@example.com\nDate: ")
                .endsWith("\n\nThe penguins waddle at noon.");
        assertThat(text.indexOf("waddle")).isEqualTo(text.lastIndexOf("waddle"));
    }

    @Test
    void csvAndMarkdownAreTextAsTheyAre() {
        assertThat(extract(utf8("\uFEFFname,colour\nkettle,red\n"), FileTypes.CSV)).isEqualTo("name,colour\nkettle,red");
        assertThat(extract(utf8("# Guide\n\n**bold**"), FileTypes.MARKDOWN)).isEqualTo("# Guide\n\n**bold**");
    }

    @Test
    void jsonBecomesPathAndValueLinesWithArrayObjectsAsParagraphs() {
        String json = "{\"shop\":\"Kettles & Co\",\"open\":true,\"items\":[{\"name\":\"Kettle\",\"price\":25.5,\"tags\":[\"red\",\"steel\"]},"
                + "{\"name\":\"Teapot\",\"note\":null}]}";
        assertThat(extract(utf8(json), FileTypes.JSON)).isEqualTo("shop: Kettles & Co\nopen: true\n\n"
                + "items[0].name: Kettle\nitems[0].price: 25.5\nitems[0].tags[0]: red\nitems[0].tags[1]: steel\n\n"
                + "items[1].name: Teapot\nitems[1].note: null");
        assertThat(extract(utf8("[\"a\", 1]"), FileTypes.JSON)).isEqualTo("[0]: a\n[1]: 1");
        assertThat(extract(utf8("{\"broken\": "), FileTypes.JSON)).as("not JSON: kept as text").isEqualTo("{\"broken\":");
    }

    @Test
    void htmlLosesMarkupScriptsAndEntitiesButKeepsBlocks() {
        String html = "<html><head><title>x</title><style>p{}</style></head><body><h1>Title</h1><!-- note -->"
                + "<p>Fish &amp; <b>chips</b></p><script>alert(1)</script><p>Second<br>line</p>"
                + "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
                + "<pre>code\n  indented</pre><div>intro<p>inner</p>outro</div></body></html>";
        assertThat(extract(utf8(html), FileTypes.HTML))
                .isEqualTo("Title\n\nFish & chips\n\nSecond\nline\n\none\n\ntwo\n\na b\nc d\n\ncode\nindented\n\nintro\n\ninner\n\noutro");
    }

    @Test
    void pdfPagesBecomeParagraphs() {
        assertThat(extract(TestPdf.of("First page text.", "Second page text."), FileTypes.PDF))
                .isEqualTo("First page text.\n\nSecond page text.");
    }

    @Test
    void aBrokenFileIsRefused() {
        assertThatThrownBy(() -> extract(utf8("not a pdf"), FileTypes.PDF))
                .isInstanceOf(KnowledgeException.class).hasMessageStartingWith("Failed to extract text from file");
        assertThatThrownBy(() -> extract(utf8("PK not a zip"), FileTypes.DOCX))
                .isInstanceOf(KnowledgeException.class).hasMessageStartingWith("Failed to extract text from file");
        assertThatThrownBy(() -> extract(TestDocuments.odt("Odt", "not a Word file"), FileTypes.DOCX))
                .isInstanceOf(KnowledgeException.class).hasMessageStartingWith("Failed to extract text from file");
    }

    @Test
    void binaryIsRefused() {
        assertThatThrownBy(() -> extract(new byte[] {'a', 0, 'b'}, FileTypes.TEXT)).isInstanceOf(KnowledgeException.class);
    }

    @Test
    void textPastTheLimitIsRefusedInEveryFormat() {
        UploadLimits tight = new UploadLimits(LIMITS.maxBytes(), 20, LIMITS.maxUnpackedBytes(), 100, 5000);
        String words = "twenty-one characters";
        for (Map.Entry<String, byte[]> file : Map.of(FileTypes.TEXT, utf8(words), FileTypes.JSON, utf8("{\"a\":\"" + words + "\"}"),
                FileTypes.HTML, utf8("<p>" + words + "</p>"), FileTypes.PDF, TestPdf.of(words), FileTypes.DOCX, TestDocuments.docx(words),
                FileTypes.EML, TestDocuments.eml("s", words), FileTypes.RTF, TestDocuments.rtf(words)).entrySet()) {
            assertThatThrownBy(() -> TextExtractor.extract(file.getValue(), file.getKey(), tight)).as(file.getKey())
                    .isInstanceOf(DocumentTooLarge.class).hasMessageContaining("longer than 20 characters")
                    .hasMessageContaining("FLUXBASE_AI_KNOWLEDGE_UPLOAD_MAX_TEXT_CHARS");
        }
        assertThat(TextExtractor.extract(utf8("twenty characters!!!"), FileTypes.TEXT, tight)).hasSize(20);
    }

    @Test
    void filesAndPdfsPastTheirLimitsAreRefused() {
        UploadLimits small = new UploadLimits(100, 5_000_000, LIMITS.maxUnpackedBytes(), 100, 1);
        assertThatThrownBy(() -> TextExtractor.extract(new byte[101], FileTypes.TEXT, small))
                .isInstanceOf(DocumentTooLarge.class).hasMessageStartingWith("File too large");
        UploadLimits onePage = new UploadLimits(LIMITS.maxBytes(), 5_000_000, LIMITS.maxUnpackedBytes(), 100, 1);
        assertThatThrownBy(() -> TextExtractor.extract(TestPdf.of("one", "two"), FileTypes.PDF, onePage))
                .isInstanceOf(DocumentTooLarge.class).hasMessageContaining("2 pages, more than 1");
    }
}
