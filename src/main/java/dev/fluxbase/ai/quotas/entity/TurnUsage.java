package dev.fluxbase.ai.quotas.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * What one turn used, for the ledger and the day's token counter.
 *
 * @param errorCode the code of the error or refusal, null for answered and cancelled turns
 */
public record TurnUsage(QuotaSubject subject, UUID chatbotId, String chatbotName, UUID conversationId, String providerName, String model,
        int promptTokens, int completionTokens, long durationMillis, Outcome outcome, String errorCode, Instant endedAt) {

    public long totalTokens() {
        return (long) promptTokens + completionTokens;
    }
}
