package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonObject;
import java.util.List;

/** The body of an added document, validated. */
final class DocumentRequests {

    static final int MAX_CONTENT_CHARS = 10 * 1024 * 1024;

    private DocumentRequests() {
    }

    static NewDocument add(JsonObject body) {
        String content = Fields.required(body, "content");
        if (content.length() > MAX_CONTENT_CHARS) {
            throw new dev.fluxbase.ai.platform.entity.RequestRejected(413, "TOO_LARGE", "Content too large");
        }
        String metadata = Fields.object(body, "metadata").orElse("{}");
        JsonFactories.readObject(metadata);
        return new NewDocument(Fields.text(body, "title").orElse(null), content, Fields.text(body, "source").filter(s -> !s.isBlank()).orElse(null),
                Fields.text(body, "mime_type").filter(s -> !s.isBlank()).orElse("text/plain"), metadata,
                Fields.strings(body, "tags").orElse(List.of()));
    }
}
