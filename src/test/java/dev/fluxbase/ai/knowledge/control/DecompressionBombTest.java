package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.fluxbase.ai.knowledge.entity.DocumentTooLarge;
import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.zip.ZipInputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Files that inflate to a gigabyte are refused after inflating a few megabytes, in little time and memory. */
class DecompressionBombTest {

    private static final UploadLimits LIMITS = TextExtractorTest.LIMITS;
    private static final int GIGABYTE_IN_MB = 1024;
    private static final long MEMORY_BOUND = 64L * 1024 * 1024;
    private static final Duration TIME_BOUND = Duration.ofSeconds(20);

    @Test
    void theBombsInflateAsAdvertised() throws Exception {
        byte[] docx = Bombs.docx(GIGABYTE_IN_MB);
        assertThat(docx.length).as("about a thousandth of what it inflates to").isLessThan(2 * 1024 * 1024);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Bombs.docx(4)))) {
            long inflated = 0;
            while (zip.getNextEntry() != null) {
                inflated += zip.readAllBytes().length;
            }
            assertThat(inflated).as("CRC and sizes check out").isGreaterThan(4L * 1024 * 1024);
        }
        UploadLimits anyRatio = new UploadLimits(LIMITS.maxBytes(), LIMITS.maxTextChars(), LIMITS.maxUnpackedBytes(), 100_000, 5000);
        assertThat(TextExtractor.extract(Bombs.docx(4), FileTypes.DOCX, anyRatio)).as("a small one is a valid document").isEqualTo("Boom");
        assertThat(TextExtractor.extract(Bombs.pdf(4), FileTypes.PDF, anyRatio)).isEqualTo("Boom");
    }

    @Test
    void aZipBombIsRefusedByItsRatio() {
        refusedQuickly(Bombs.docx(GIGABYTE_IN_MB), FileTypes.DOCX, LIMITS)
                .hasMessageContaining("(word/document.xml) inflates to more than 100 times").hasMessageContaining("MAX_INFLATE_RATIO");
    }

    @Test
    void aZipBombWithinTheRatioIsRefusedByWhatItUnpacksTo() {
        UploadLimits lenient = new UploadLimits(LIMITS.maxBytes(), LIMITS.maxTextChars(), 16L * 1024 * 1024, 100_000, 5000);
        refusedQuickly(Bombs.docx(GIGABYTE_IN_MB), FileTypes.DOCX, lenient)
                .hasMessageContaining("unpacks to more than 16 MB").hasMessageContaining("MAX_UNPACKED_BYTES");
    }

    @Test
    void aPdfBombIsRefusedByItsRatio() {
        refusedQuickly(Bombs.pdf(GIGABYTE_IN_MB), FileTypes.PDF, LIMITS).hasMessageContaining("(object 4) inflates to more than 100 times");
    }

    @Test
    void aPdfBombWithinTheRatioIsRefusedByWhatItUnpacksTo() {
        UploadLimits lenient = new UploadLimits(LIMITS.maxBytes(), LIMITS.maxTextChars(), 16L * 1024 * 1024, 100_000, 5000);
        refusedQuickly(Bombs.pdf(GIGABYTE_IN_MB), FileTypes.PDF, lenient).hasMessageContaining("unpacks to more than 16 MB");
    }

    @Test
    void anOrdinaryDocumentPassesTheGuard() {
        UploadLimits tight = new UploadLimits(LIMITS.maxBytes(), LIMITS.maxTextChars(), 64 * 1024, 100, 5000);
        assertThat(TextExtractor.extract(TestDocuments.docx("Small."), FileTypes.DOCX, tight)).isEqualTo("Small.");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusedQuickly(byte[] bomb, String type, UploadLimits limits) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        Throwable refusal = Assertions.catchThrowable(() -> TextExtractor.extract(bomb, type, limits));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        assertThat(took).as("time to refuse").isLessThan(TIME_BOUND);
        assertThat(allocated).as("bytes allocated to refuse a bomb of a gigabyte").isLessThan(MEMORY_BOUND);
        return assertThat(refusal).isInstanceOf(DocumentTooLarge.class).hasMessageContaining("decompression bomb");
    }
}
