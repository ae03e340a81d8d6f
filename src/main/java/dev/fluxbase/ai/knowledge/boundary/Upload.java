package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.TextExtractor;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A multipart upload: the part {@code file} (required) and optionally {@code title}. */
record Upload(String fileName, String mimeType, String text, String title) {

    static final int MAX_BYTES = 50 * 1024 * 1024;

    static Upload of(List<EntityPart> parts) {
        EntityPart file = part(parts, "file").orElseThrow(() -> RequestRejected.badRequest("No file uploaded"));
        String fileName = file.getFileName().filter(n -> !n.isBlank()).orElse("upload");
        String declared = file.getMediaType() == null ? null : file.getMediaType().toString();
        byte[] content = bytes(file);
        // The SDK sends a Blob without a type as "blob", application/octet-stream: its content then says what it is.
        String mimeType = TextExtractor.mimeType(fileName, declared).or(() -> untyped(declared) ? TextExtractor.sniff(content) : Optional.empty())
                .orElseThrow(() -> RequestRejected.badRequest("Unsupported file type: " + fileName + "; supported: "
                        + TextExtractor.MIME_TYPES.keySet()));
        String text;
        try {
            text = TextExtractor.extract(content, mimeType);
        } catch (KnowledgeException e) {
            throw RequestRejected.badRequest(e.getMessage());
        }
        if (text.isBlank()) {
            throw RequestRejected.badRequest("No text content could be extracted from the file");
        }
        String title = part(parts, "title").map(Upload::string).filter(t -> !t.isBlank()).orElse(fileName);
        return new Upload(fileName, mimeType, text, title);
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

    private static byte[] bytes(EntityPart part) {
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw RequestRejected.badRequest("File too large. Maximum size is 50MB");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String string(EntityPart part) {
        return new String(bytes(part), StandardCharsets.UTF_8);
    }
}
