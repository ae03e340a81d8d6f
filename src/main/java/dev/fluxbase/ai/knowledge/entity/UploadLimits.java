package dev.fluxbase.ai.knowledge.entity;

/**
 * What one upload may cost: the file's bytes, the text it gives, what a zip-based file unpacks to and how much
 * any one of its entries may expand, and a PDF's pages. A file past any of them is refused, never cut, with a
 * message that names the setting to raise.
 *
 * @param maxBytes         bytes of the uploaded file
 * @param maxTextChars     characters of the text extracted from it
 * @param maxUnpackedBytes bytes all entries of a zip-based file (Office, OpenDocument, EPUB) inflate to, and
 *                         all Flate-compressed streams of a PDF
 * @param maxInflateRatio  how many times its compressed size one entry or stream may inflate to, checked once
 *                         it passed {@link #GRACE_BYTES}
 * @param maxPdfPages      pages of a PDF
 */
public record UploadLimits(long maxBytes, int maxTextChars, long maxUnpackedBytes, int maxInflateRatio, int maxPdfPages) {

    /** Entries smaller than this are not held to the ratio: small, repetitive XML parts compress very well. */
    public static final long GRACE_BYTES = 1024 * 1024;

    private static final long MEGABYTE = 1024 * 1024;

    public DocumentTooLarge tooManyBytes() {
        return new DocumentTooLarge("File too large. Maximum size is " + size(maxBytes) + " (FLUXBASE_AI_KNOWLEDGE_UPLOAD_MAX_BYTES)");
    }

    public DocumentTooLarge tooMuchText() {
        return new DocumentTooLarge("The file's text is longer than " + maxTextChars
                + " characters (FLUXBASE_AI_KNOWLEDGE_UPLOAD_MAX_TEXT_CHARS): split the file or raise the limit");
    }

    public DocumentTooLarge unpacksTooLarge() {
        return new DocumentTooLarge("The file unpacks to more than " + size(maxUnpackedBytes)
                + " (FLUXBASE_AI_KNOWLEDGE_UPLOAD_MAX_UNPACKED_BYTES): refused as a possible decompression bomb");
    }

    public DocumentTooLarge inflatesTooMuch(String part) {
        return new DocumentTooLarge("A part of the file (" + part + ") inflates to more than " + maxInflateRatio
                + " times its compressed size (FLUXBASE_AI_KNOWLEDGE_UPLOAD_MAX_INFLATE_RATIO): refused as a possible decompression bomb");
    }

    public DocumentTooLarge tooManyPages(int pages) {
        return new DocumentTooLarge("The PDF has " + pages + " pages, more than " + maxPdfPages + " (FLUXBASE_AI_KNOWLEDGE_UPLOAD_MAX_PDF_PAGES)");
    }

    private static String size(long bytes) {
        return bytes % MEGABYTE == 0 ? bytes / MEGABYTE + " MB" : bytes + " bytes";
    }
}
