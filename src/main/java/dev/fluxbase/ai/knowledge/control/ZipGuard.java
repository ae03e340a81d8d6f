package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Refuses a zip archive that would unpack to too much before any parser opens it: every entry is inflated
 * (into nothing) once as the central directory lists it and once in file order, as streaming readers see
 * the entries, each pass stopping as soon as the archive passes {@link UploadLimits#maxUnpackedBytes()} or an
 * entry inflates more than {@link UploadLimits#maxInflateRatio()} times. Counted are the bytes actually
 * inflated, never the sizes an archive declares, so memory stays at one buffer and time at the limit's worth.
 */
final class ZipGuard {

    private static final int BUFFER = 64 * 1024;

    private ZipGuard() {
    }

    static void check(byte[] archive, UploadLimits limits) {
        try {
            centralDirectory(archive, limits);
            fileOrder(archive, limits);
        } catch (IOException e) {
            throw new KnowledgeException("Failed to extract text from file: it is not a readable zip archive (" + e.getMessage() + ")", e);
        }
    }

    private static void centralDirectory(byte[] archive, UploadLimits limits) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archive)).get()) {
            long total = 0;
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
                ZipArchiveEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    total = drain(in, entry.getName(), total, limits);
                }
            }
        }
    }

    private static void fileOrder(byte[] archive, UploadLimits limits) throws IOException {
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(archive), "UTF-8", true, true)) {
            long total = 0;
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                total = drain(zip, entry.getName(), total, limits);
            }
        }
    }

    /** Reads the entry to its end; answers the archive's total so far. */
    private static long drain(InputStream entry, String name, long total, UploadLimits limits) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long inflated = 0;
        for (int n = entry.read(buffer); n >= 0; n = entry.read(buffer)) {
            inflated += n;
            total += n;
            if (total > limits.maxUnpackedBytes()) {
                throw limits.unpacksTooLarge();
            }
            if (inflated > UploadLimits.GRACE_BYTES && inflated > limits.maxInflateRatio() * compressed(entry, inflated)) {
                throw limits.inflatesTooMuch(name);
            }
        }
        return total;
    }

    /** Stored entries are not compressed and report no statistics: their ratio is one. */
    private static long compressed(InputStream entry, long inflated) {
        return entry instanceof InputStreamStatistics statistics ? Math.max(1, statistics.getCompressedCount()) : inflated;
    }
}
