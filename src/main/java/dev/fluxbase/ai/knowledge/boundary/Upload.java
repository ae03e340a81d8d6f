package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.FileTypes;
import dev.fluxbase.ai.knowledge.control.TextExtractor;
import dev.fluxbase.ai.knowledge.entity.DocumentTooLarge;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A multipart upload: the part {@code file} (required) and optionally {@code title}. Its text is extracted
 * here, before anything is stored, so that a file refused (413 past a limit, 400 otherwise) leaves nothing behind.
 */
record Upload(String fileName, String mimeType, String text, String title) {

    static Upload of(List<EntityPart> parts, UploadLimits limits) {
        EntityPart file = part(parts, "file").orElseThrow(() -> RequestRejected.badRequest("No file uploaded"));
        String fileName = file.getFileName().filter(n -> !n.isBlank()).orElse("upload");
        String declared = file.getMediaType() == null ? null : file.getMediaType().toString();
        byte[] content = bytes(file, limits.maxBytes());
        if (content.length > limits.maxBytes()) {
            throw tooLarge(limits.tooManyBytes());
        }
        // The SDK sends a Blob without a type as "blob", application/octet-stream: its content then says what it is.
        String mimeType = FileTypes.mimeType(fileName, declared).or(() -> untyped(declared) ? FileTypes.sniff(content) : Optional.empty())
                .orElseThrow(() -> new RequestRejected(400, ErrorCodes.UNSUPPORTED_FILE_TYPE, "Unsupported file type: " + fileName
                        + "; supported: " + String.join(", ", FileTypes.EXTENSIONS.keySet())));
        String text;
        try {
            text = TextExtractor.extract(content, mimeType, limits);
        } catch (DocumentTooLarge e) {
            throw tooLarge(e);
        } catch (KnowledgeException e) {
            throw RequestRejected.badRequest(e.getMessage());
        }
        if (text.isBlank()) {
            throw RequestRejected.badRequest("No text content could be extracted from the file");
        }
        String title = part(parts, "title").map(p -> new String(bytes(p, limits.maxBytes()), StandardCharsets.UTF_8)).filter(t -> !t.isBlank())
                .orElse(fileName);
        return new Upload(fileName, mimeType, text, title);
    }

    private static RequestRejected tooLarge(DocumentTooLarge e) {
        return new RequestRejected(413, ErrorCodes.DOCUMENT_TOO_LARGE, e.getMessage());
    }

    /** No type, or the one browsers and the SDK give content of no known type. */
    private static boolean untyped(String declared) {
        return declared == null || declared.isBlank() || declared.toLowerCase(Locale.ROOT).startsWith("application/octet-stream");
    }

    NewDocument document() {
        // The SDK names every Blob "blob": only real file names identify a document to replace.
        String source = "blob".equals(fileName) || "upload".equals(fileName) ? null : fileName;
        return new NewDocument(title, text, source, mimeType, "{}", List.of());
    }

    private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts == null ? Optional.empty() : parts.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    /** At most one byte more than the limit, which then refuses the part. */
    private static byte[] bytes(EntityPart part, long limit) {
        try (InputStream in = part.getContent()) {
            return in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
