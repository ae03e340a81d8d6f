package dev.fluxbase.ai.knowledge.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import java.util.zip.Deflater;

/**
 * Decompression bombs, valid files all the same: a docx whose {@code word/document.xml} and a PDF whose page
 * content inflate to {@code megabytes} MB of spaces. Made in milliseconds: one Deflate block that encodes a
 * megabyte of spaces after spaces is written again and again (as Deflate allows, a block only refers back
 * into the 32 KB before it), rather than compressing gigabytes.
 */
public final class Bombs {

    private static final int MEGABYTE = 1024 * 1024;
    private static final byte[] SPACES = new byte[MEGABYTE];

    static {
        Arrays.fill(SPACES, (byte) ' ');
    }

    private Bombs() {
    }

    public static byte[] docx(int megabytes) {
        String prefix = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Boom</w:t></w:r></w:p>";
        String suffix = "</w:body></w:document>";
        Zip zip = new Zip();
        zip.add("[Content_Types].xml", deflated("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
                + "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
                + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"" + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
                + "\"/></Types>", "", 0));
        zip.add("_rels/.rels", deflated("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>", "", 0));
        zip.add("word/document.xml", deflated(prefix, suffix, megabytes));
        return zip.bytes();
    }

    public static byte[] pdf(int megabytes) {
        Deflated content = deflated("BT /F1 12 Tf 72 720 Td (Boom) Tj ET\n", "\n", megabytes);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(0x78);
        stream.write(0xDA);
        stream.writeBytes(content.data());
        stream.writeBytes(ByteBuffer.allocate(4).putInt((int) content.adler32()).array());
        byte[] data = stream.toByteArray();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        int[] offsets = new int[5];
        write(pdf, "%PDF-1.4\n");
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.size();
            if (objects[i] == null) {
                write(pdf, (i + 1) + " 0 obj\n<< /Length " + data.length + " /Filter /FlateDecode >>\nstream\n");
                pdf.writeBytes(data);
                write(pdf, "\nendstream\nendobj\n");
            } else {
                write(pdf, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
            }
        }
        int xref = pdf.size();
        write(pdf, "xref\n0 6\n0000000000 65535 f \n");
        for (int offset : offsets) {
            write(pdf, String.format("%010d 00000 n \n", offset));
        }
        write(pdf, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return pdf.toByteArray();
    }

    /** Raw Deflate data of prefix, megabytes MB of spaces and suffix, with the checksums of what it inflates to. */
    record Deflated(byte[] data, long size, long crc32, long adler32) {
    }

    static Deflated deflated(String prefix, String suffix, int megabytes) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(flush(deflater, head, Deflater.SYNC_FLUSH));
        if (megabytes > 0) {
            out.writeBytes(flush(deflater, SPACES, Deflater.SYNC_FLUSH));
            byte[] repeated = flush(deflater, SPACES, Deflater.SYNC_FLUSH);
            for (int i = 2; i <= megabytes; i++) {
                out.writeBytes(repeated);
            }
        }
        deflater.setInput(tail);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        Adler32 adler = new Adler32();
        for (Checksum sum : new Checksum[] {crc, adler}) {
            sum.update(head);
            for (int i = 0; i < megabytes; i++) {
                sum.update(SPACES);
            }
            sum.update(tail);
        }
        return new Deflated(out.toByteArray(), head.length + (long) megabytes * MEGABYTE + tail.length, crc.getValue(), adler.getValue());
    }

    /** Everything the input compresses to, ending on a byte boundary where the next block starts. */
    private static byte[] flush(Deflater deflater, byte[] input, int mode) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, mode);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A zip archive of Deflate entries, written by hand because the entries come already compressed. */
    private static final class Zip {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
        private int count;

        void add(String name, Deflated entry) {
            byte[] fileName = name.getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            out.writeBytes(header(0x04034b50, entry, fileName, -1));
            out.writeBytes(entry.data());
            directory.writeBytes(header(0x02014b50, entry, fileName, offset));
            count++;
        }

        /** A local header (offset -1) or a central directory entry. */
        private static byte[] header(int signature, Deflated entry, byte[] name, int offset) {
            boolean central = offset >= 0;
            ByteBuffer header = ByteBuffer.allocate((central ? 46 : 30) + name.length).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(signature);
            if (central) {
                header.putShort((short) 20);
            }
            header.putShort((short) 20).putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) entry.crc32()).putInt(entry.data().length).putInt((int) entry.size())
                    .putShort((short) name.length).putShort((short) 0);
            if (central) {
                header.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
            }
            return header.put(name).array();
        }

        byte[] bytes() {
            int start = out.size();
            out.writeBytes(directory.toByteArray());
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                    .putShort((short) count).putShort((short) count).putInt(directory.size()).putInt(start).putShort((short) 0);
            out.writeBytes(end.array());
            return out.toByteArray();
        }
    }
}
