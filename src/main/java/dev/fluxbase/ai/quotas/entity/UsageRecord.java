package dev.fluxbase.ai.quotas.entity;

import dev.fluxbase.ai.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One row of {@code ai.usage_ledger}: a turn, whatever its outcome. Never updated. */
@Entity
@Table(name = "usage_ledger", schema = "ai")
public class UsageRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "client_key")
    private String clientKey;
    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "chatbot_id")
    private UUID chatbotId;
    @Column(name = "chatbot_name")
    private String chatbotName;
    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "conversation_id")
    private UUID conversationId;
    @Column(name = "provider_name")
    private String providerName;
    private String model;
    @Column(name = "prompt_tokens")
    private int promptTokens;
    @Column(name = "completion_tokens")
    private int completionTokens;
    @Column(name = "duration_ms")
    private int durationMillis;
    private String outcome;
    @Column(name = "error_code")
    private String errorCode;

    protected UsageRecord() {
        // for JPA
    }

    public UsageRecord(TurnUsage usage) {
        this.occurredAt = OffsetDateTime.ofInstant(usage.endedAt(), ZoneOffset.UTC);
        this.userId = usage.subject().userId();
        this.clientKey = usage.subject().userId() == null ? usage.subject().clientAddress() : null;
        this.chatbotId = usage.chatbotId();
        this.chatbotName = usage.chatbotName();
        this.conversationId = usage.conversationId();
        this.providerName = usage.providerName();
        this.model = usage.model();
        this.promptTokens = usage.promptTokens();
        this.completionTokens = usage.completionTokens();
        this.durationMillis = (int) Math.min(Integer.MAX_VALUE, usage.durationMillis());
        this.outcome = usage.outcome().name();
        this.errorCode = usage.errorCode();
    }

    public Long id() {
        return id;
    }
}
