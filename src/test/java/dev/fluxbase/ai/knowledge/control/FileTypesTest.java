package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileTypesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void typesComeFromTheExtensionThenTheDeclaredType() {
        assertThat(FileTypes.mimeType("Guide.MD", "application/octet-stream")).contains(FileTypes.MARKDOWN);
        assertThat(FileTypes.mimeType("Report.DOCX", null)).contains(FileTypes.DOCX);
        assertThat(FileTypes.mimeType("mail.eml", "application/octet-stream")).contains(FileTypes.EML);
        assertThat(FileTypes.mimeType("blob", "text/html; charset=utf-8")).contains(FileTypes.HTML);
        assertThat(FileTypes.mimeType("blob", FileTypes.PPTX)).contains(FileTypes.PPTX);
        assertThat(FileTypes.mimeType("blob", "text/rtf")).as("an alias").contains(FileTypes.RTF);
        assertThat(FileTypes.mimeType("image.png", "image/png")).isEmpty();
        assertThat(FileTypes.mimeType("old.doc", "application/msword")).isEmpty();
    }

    @Test
    void everyTypeIsListedByItsExtensions() {
        assertThat(FileTypes.EXTENSIONS.keySet()).containsExactly(".csv", ".docx", ".eml", ".epub", ".htm", ".html", ".json", ".markdown",
                ".md", ".odt", ".pdf", ".pptx", ".rtf", ".txt", ".xlsx");
    }

    @Test
    void zipBasedContentIsRecognisedByItsEntries() {
        Map<String, byte[]> files = Map.of(FileTypes.DOCX, TestDocuments.docx("x"), FileTypes.XLSX, TestDocuments.xlsx("s", new String[] {"x"}),
                FileTypes.PPTX, TestDocuments.pptx("x"), FileTypes.ODT, TestDocuments.odt("x"), FileTypes.EPUB, TestDocuments.epub("x", "y"));
        files.forEach((type, content) -> assertThat(FileTypes.sniff(content)).as(type).contains(type));
        assertThat(FileTypes.sniff(TestDocuments.zip(Map.of("readme.txt", "just a zip")))).isEmpty();
        assertThat(FileTypes.sniff(TestDocuments.zip(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet")))).isEmpty();
        assertThat(FileTypes.sniff(Bombs.docx(64))).as("names only: nothing is inflated").contains(FileTypes.DOCX);
    }

    @Test
    void contentWithoutANameOrTypeIsRecognisedByWhatItIs() {
        assertThat(FileTypes.sniff(TestPdf.of("A page."))).contains(FileTypes.PDF);
        assertThat(FileTypes.sniff(TestDocuments.rtf("Rich"))).contains(FileTypes.RTF);
        assertThat(FileTypes.sniff(TestDocuments.eml("Hello", "Body"))).contains(FileTypes.EML);
        assertThat(FileTypes.sniff(utf8(" {\"a\": [1, 2]}"))).contains(FileTypes.JSON);
        assertThat(FileTypes.sniff(utf8("{not json"))).contains(FileTypes.TEXT);
        assertThat(FileTypes.sniff(utf8("Plain words\nand lines\twith tabs"))).contains(FileTypes.TEXT);
        assertThat(FileTypes.sniff(utf8("From: me\nTo: you\n\nNotes of a meeting"))).as("From: alone is no mail").contains(FileTypes.TEXT);
        assertThat(FileTypes.sniff(utf8("  <!DOCTYPE html><html><p>x</p></html>"))).contains(FileTypes.HTML);
        assertThat(FileTypes.sniff(new byte[] {1, 2, 3})).as("control characters").isEmpty();
        assertThat(FileTypes.sniff(new byte[] {(byte) 0xff, (byte) 0xfe, 0})).as("not UTF-8").isEmpty();
        assertThat(FileTypes.sniff(new byte[0])).isEmpty();
    }
}
