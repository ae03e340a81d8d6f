package dev.fluxbase.ai.quotas.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * What one entity-extraction call used, for the ledger. It belongs to a knowledge base, not to a chatbot or a
 * user, so it counts in the usage totals but in no chatbot's token budget.
 *
 * @param errorCode why the call failed or its answer was unusable, null when it succeeded
 */
public record ExtractionUsage(UUID knowledgeBaseId, String providerName, String model, int promptTokens, int completionTokens,
        long durationMillis, String errorCode, Instant endedAt) {
}
