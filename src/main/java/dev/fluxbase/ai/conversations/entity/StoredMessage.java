package dev.fluxbase.ai.conversations.entity;

import dev.fluxbase.ai.platform.entity.JsonbTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A stored user or assistant message. Assistant messages carry the turn's query results (JSON, as the
 * client got them in {@code query_result} frames) and its token usage. Tool traffic is never stored.
 */
@Entity
@Table(name = "messages", schema = "ai")
@NamedQuery(name = StoredMessage.OF_CONVERSATION,
        query = "SELECT m FROM StoredMessage m WHERE m.conversationId = :conversationId ORDER BY m.ordinal")
@NamedQuery(name = StoredMessage.LAST_ORDINAL,
        query = "SELECT COALESCE(MAX(m.ordinal), 0) FROM StoredMessage m WHERE m.conversationId = :conversationId")
public class StoredMessage {

    public static final String OF_CONVERSATION = "StoredMessage.ofConversation";
    public static final String LAST_ORDINAL = "StoredMessage.lastOrdinal";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    @Id
    private UUID id;
    @Column(name = "conversation_id")
    private UUID conversationId;
    private int ordinal;
    private String role;
    private String content;
    @Convert(converter = JsonbTextConverter.class)
    @Column(name = "query_results")
    private String queryResults;
    @Column(name = "prompt_tokens")
    private Integer promptTokens;
    @Column(name = "completion_tokens")
    private Integer completionTokens;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected StoredMessage() {
        // for JPA
    }

    private StoredMessage(UUID conversationId, int ordinal, String role, String content, Instant now) {
        this.id = UUID.randomUUID();
        this.conversationId = conversationId;
        this.ordinal = ordinal;
        this.role = role;
        this.content = content;
        this.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public static StoredMessage user(UUID conversationId, int ordinal, String content, Instant now) {
        return new StoredMessage(conversationId, ordinal, USER, content, now);
    }

    /** @param queryResults a JSON array, or null when the turn ran no query */
    public static StoredMessage assistant(UUID conversationId, int ordinal, String content, String queryResults, int promptTokens,
            int completionTokens, Instant now) {
        StoredMessage message = new StoredMessage(conversationId, ordinal, ASSISTANT, content, now);
        message.queryResults = queryResults;
        message.promptTokens = promptTokens;
        message.completionTokens = completionTokens;
        return message;
    }

    public UUID id() {
        return id;
    }

    public String role() {
        return role;
    }

    public String content() {
        return content;
    }

    public String queryResults() {
        return queryResults;
    }

    public Integer promptTokens() {
        return promptTokens;
    }

    public Integer completionTokens() {
        return completionTokens;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
