package dev.fluxbase.ai.knowledge.entity;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import java.util.List;

/** A document as it is added; {@code metadata} is a JSON object as text, whose {@code user_id} is its owner. */
public record NewDocument(String title, String content, String source, String mimeType, String metadata, List<String> tags) {

    public static final String OWNER_KEY = "user_id";

    /** The same document owned by this user, whatever owner its metadata named. */
    public NewDocument ownedBy(String userId) {
        String owned = JsonFactories.PROVIDER.createObjectBuilder(JsonFactories.readObject(metadata)).add(OWNER_KEY, userId).build().toString();
        return new NewDocument(title, content, source, mimeType, owned, tags);
    }
}
