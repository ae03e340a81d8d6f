package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Refuses a PDF whose Flate-compressed streams inflate to too much before PDFBox decodes them (PDFBox decodes
 * a stream whole, and would take minutes over a stream that inflates to gigabytes): each is inflated (into
 * nothing) from its raw bytes, stopping as soon as all of them pass {@link UploadLimits#maxUnpackedBytes()}
 * or one inflates more than {@link UploadLimits#maxInflateRatio()} times. Object streams go first, since
 * reading other objects may decode them. Images and embedded files are skipped: text extraction never
 * decodes them.
 */
final class PdfStreamGuard {

    private static final Set<COSName> UNREAD = Set.of(COSName.IMAGE, COSName.EMBEDDED_FILE);
    private static final int BUFFER = 64 * 1024;

    private PdfStreamGuard() {
    }

    static void check(PDDocument pdf, UploadLimits limits) throws IOException {
        COSDocument document = pdf.getDocument();
        Map<COSObjectKey, Long> offsets = document.getXrefTable();
        Set<Long> objectStreams = offsets.values().stream().filter(offset -> offset < 0).map(offset -> -offset).collect(Collectors.toSet());
        long total = 0;
        for (COSObjectKey key : offsets.keySet().stream().filter(key -> offsets.get(key) > 0)
                .sorted(Comparator.comparing((COSObjectKey key) -> !objectStreams.contains(key.getNumber()))).toList()) {
            COSBase object = document.getObjectFromPool(key).getObject();
            if (object instanceof COSStream stream && flate(stream) && read(stream)) {
                total = inflate(stream, key, total, limits);
            }
        }
    }

    private static boolean read(COSStream stream) {
        return Stream.of(stream.getCOSName(COSName.SUBTYPE), stream.getCOSName(COSName.TYPE)).filter(Objects::nonNull).noneMatch(UNREAD::contains);
    }

    private static boolean flate(COSStream stream) {
        COSBase filter = stream.getFilters();
        COSBase first = filter instanceof COSArray filters && filters.size() > 0 ? filters.getObject(0) : filter;
        return COSName.FLATE_DECODE.equals(first) || COSName.FLATE_DECODE_ABBREVIATION.equals(first);
    }

    /**
     * Answers the document's total so far. A stream that is not valid zlib data is tried as raw Deflate data,
     * as PDFBox does, and otherwise counts as far as it inflates.
     */
    private static long inflate(COSStream stream, COSObjectKey key, long total, UploadLimits limits) throws IOException {
        long counted = inflate(stream, false, key, total, limits);
        return counted == total ? inflate(stream, true, key, total, limits) : counted;
    }

    private static long inflate(COSStream stream, boolean raw, COSObjectKey key, long total, UploadLimits limits) throws IOException {
        Inflater inflater = new Inflater(raw);
        byte[] input = new byte[BUFFER];
        byte[] output = new byte[BUFFER];
        long counted = total;
        try (InputStream in = stream.createRawInputStream()) {
            for (int read = in.read(input); read > 0 && !inflater.finished(); read = in.read(input)) {
                inflater.setInput(input, 0, read);
                for (int n = inflater.inflate(output); n > 0; n = inflater.inflate(output)) {
                    counted += n;
                    if (counted > limits.maxUnpackedBytes()) {
                        throw limits.unpacksTooLarge();
                    }
                    if (inflater.getBytesWritten() > UploadLimits.GRACE_BYTES
                            && inflater.getBytesWritten() > limits.maxInflateRatio() * Math.max(1, inflater.getBytesRead())) {
                        throw limits.inflatesTooMuch("object " + key.getNumber());
                    }
                }
            }
        } catch (DataFormatException e) {
            // counted as far as it inflated
        } finally {
            inflater.end();
        }
        return counted;
    }
}
