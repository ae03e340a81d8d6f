package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.io.IOException;
import java.io.Writer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF by Apache PDFBox, pages separated by blank lines so that the chunker treats them as
 * paragraph breaks. Before the text is read, {@link PdfStreamGuard} checks what the compressed streams
 * inflate to; PDFBox's own buffers are held in memory up to the same limit.
 */
final class PdfText {

    private PdfText() {
    }

    static String of(byte[] bytes, UploadLimits limits) {
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxUnpackedBytes()).streamCache)) {
            if (document.getNumberOfPages() > limits.maxPdfPages()) {
                throw limits.tooManyPages(document.getNumberOfPages());
            }
            PdfStreamGuard.check(document, limits);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setPageEnd("\n\n");
            BoundedWriter text = new BoundedWriter(limits);
            stripper.writeText(document, text);
            return text.toString().strip();
        } catch (IOException e) {
            throw new KnowledgeException("Failed to extract text from file: " + e.getMessage(), e);
        }
    }

    /** Refuses the document as soon as its text passes the limit. */
    private static final class BoundedWriter extends Writer {

        private final StringBuilder text = new StringBuilder();
        private final UploadLimits limits;

        BoundedWriter(UploadLimits limits) {
            this.limits = limits;
        }

        @Override
        public void write(char[] characters, int offset, int length) {
            text.append(characters, offset, length);
            if (text.length() > limits.maxTextChars()) {
                throw limits.tooMuchText();
            }
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing to release
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
