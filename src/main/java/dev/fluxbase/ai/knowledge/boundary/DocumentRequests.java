package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.json.JsonObject;
import java.util.List;

/** The body of an added document, validated. */
final class DocumentRequests {

    static final int MAX_CONTENT_CHARS = 10 * 1024 * 1024;

    private DocumentRequests() {
    }

    static NewDocument add(JsonFields body) {
        String content = body.requiredText("content");
        if (content.length() > MAX_CONTENT_CHARS) {
            throw new RequestRejected(413, ErrorCodes.TOO_LARGE, "Content too large");
        }
        String metadata = body.object("metadata").map(JsonObject::toString).orElse("{}");
        return new NewDocument(body.text("title").orElse(null), content, body.nonBlankText("source").orElse(null),
                body.nonBlankText("mime_type").orElse("text/plain"), metadata, body.strings("tags").orElse(List.of()));
    }
}
