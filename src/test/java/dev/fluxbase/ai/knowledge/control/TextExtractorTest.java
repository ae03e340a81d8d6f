package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

    @Test
    void typesComeFromTheExtensionThenTheDeclaredType() {
        assertThat(TextExtractor.mimeType("Guide.MD", "application/octet-stream")).contains("text/markdown");
        assertThat(TextExtractor.mimeType("blob", "text/html; charset=utf-8")).contains("text/html");
        assertThat(TextExtractor.mimeType("image.png", "image/png")).isEmpty();
    }

    @Test
    void contentWithoutANameOrTypeIsRecognisedByWhatItIs() {
        assertThat(TextExtractor.sniff("Plain words\nand lines\twith tabs".getBytes(StandardCharsets.UTF_8))).contains("text/plain");
        assertThat(TextExtractor.sniff("  <!DOCTYPE html><html><p>x</p></html>".getBytes(StandardCharsets.UTF_8))).contains("text/html");
        assertThat(TextExtractor.sniff(TestPdf.of("A page."))).contains("application/pdf");
        assertThat(TextExtractor.sniff(new byte[] {1, 2, 3})).as("control characters").isEmpty();
        assertThat(TextExtractor.sniff(new byte[] {(byte) 0xff, (byte) 0xfe, 0})).as("not UTF-8").isEmpty();
        assertThat(TextExtractor.sniff(new byte[0])).isEmpty();
    }

    @Test
    void htmlLosesMarkupScriptsAndEntitiesButKeepsParagraphs() {
        String html = "<html><head><title>x</title><style>p{}</style></head><body><h1>Title</h1><!-- note -->"
                + "<p>Fish &amp; chips</p><script>alert(1)</script><p>Second<br>line</p></body></html>";
        assertThat(TextExtractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html"))
                .isEqualTo("Title\n\nFish & chips\n\nSecond\n\nline");
    }

    @Test
    void pdfPagesBecomeParagraphs() {
        assertThat(TextExtractor.mimeType("report.pdf", null)).contains("application/pdf");
        assertThat(TextExtractor.extract(TestPdf.of("First page text.", "Second page text."), "application/pdf"))
                .isEqualTo("First page text.\n\nSecond page text.");
    }

    @Test
    void aBrokenPdfIsRefused() {
        assertThatThrownBy(() -> TextExtractor.extract("not a pdf".getBytes(StandardCharsets.UTF_8), "application/pdf"))
                .isInstanceOf(KnowledgeException.class).hasMessageStartingWith("Failed to extract text from file");
    }

    @Test
    void binaryIsRefused() {
        assertThatThrownBy(() -> TextExtractor.extract(new byte[] {'a', 0, 'b'}, "text/plain")).isInstanceOf(KnowledgeException.class);
    }
}
