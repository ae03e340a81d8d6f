package dev.fluxbase.ai.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A persisted conversation. {@code turnCount} counts its user messages (what {@code max-turns} limits);
 * {@code lastActivityAt} is what its chatbot's TTL runs from.
 */
@Entity
@Table(name = "conversations", schema = "ai")
public class StoredConversation {

    @Id
    private UUID id;
    @Column(name = "chatbot_id")
    private UUID chatbotId;
    @Column(name = "user_id")
    private String userId;
    private String title;
    @Column(name = "turn_count")
    private int turnCount;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "last_activity_at")
    private OffsetDateTime lastActivityAt;

    protected StoredConversation() {
        // for JPA
    }

    public UUID id() {
        return id;
    }

    public UUID chatbotId() {
        return chatbotId;
    }

    public String userId() {
        return userId;
    }

    public String title() {
        return title;
    }

    public int turnCount() {
        return turnCount;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
