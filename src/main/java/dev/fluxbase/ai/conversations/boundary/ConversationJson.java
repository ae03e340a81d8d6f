package dev.fluxbase.ai.conversations.boundary;

import dev.fluxbase.ai.conversations.entity.ConversationDetail;
import dev.fluxbase.ai.conversations.entity.ConversationPage;
import dev.fluxbase.ai.conversations.entity.ConversationSummary;
import dev.fluxbase.ai.conversations.entity.StoredMessage;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/** Conversations in the shapes the SDK reads ({@code listConversations}, {@code getConversation}). */
final class ConversationJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private ConversationJson() {
    }

    static JsonObject page(ConversationPage page, int offset) {
        JsonArrayBuilder conversations = JSON.createArrayBuilder();
        page.conversations().forEach(c -> conversations.add(common(c)
                .add("preview", c.preview())
                .add("message_count", c.messageCount())));
        return JSON.createObjectBuilder()
                .add("conversations", conversations)
                .add("total", page.total())
                .add("has_more", offset + page.conversations().size() < page.total())
                .build();
    }

    /**
     * The messages as stored (with pseudonyms), and, as in the {@code done} frame, {@code pseudonyms} mapping each of theirs
     * to its value, left out when there is none (the SDK passes over the field).
     */
    static JsonObject detail(ConversationDetail detail) {
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        detail.messages().forEach(m -> messages.add(message(m)));
        JsonObjectBuilder json = common(detail.summary()).add("messages", messages);
        if (!detail.pseudonyms().isEmpty()) {
            JsonObjectBuilder values = JSON.createObjectBuilder();
            detail.pseudonyms().forEach(values::add);
            json.add("pseudonyms", values);
        }
        return json.build();
    }

    /** The title is never left out: null until the first message names the conversation. */
    private static JsonObjectBuilder common(ConversationSummary c) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", c.id().toString())
                .add("chatbot", c.chatbot())
                .add("namespace", c.namespace());
        if (c.title() == null) {
            json.addNull("title");
        } else {
            json.add("title", c.title());
        }
        return json.add("created_at", c.createdAt().toString()).add("updated_at", c.updatedAt().toString());
    }

    private static JsonObjectBuilder message(StoredMessage m) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", m.id().toString())
                .add("role", m.role())
                .add("content", m.content())
                .add("timestamp", m.createdAt().toString());
        if (m.queryResults() != null) {
            json.add("query_results", JsonFactories.readArray(m.queryResults()));
        }
        if (m.promptTokens() != null && m.completionTokens() != null) {
            json.add("usage", JSON.createObjectBuilder()
                    .add("prompt_tokens", m.promptTokens())
                    .add("completion_tokens", m.completionTokens())
                    .add("total_tokens", m.promptTokens() + m.completionTokens()));
        }
        return json;
    }
}
