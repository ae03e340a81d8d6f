package dev.fluxbase.ai.quotas.entity;

import java.util.UUID;

/**
 * The totals of one group of a usage report; only the fields of the grouping are set: the UTC
 * {@code day}, the chatbot, or the user (anonymous users by client address).
 */
public record UsageGroup(String day, UUID chatbotId, String chatbotName, String userId, String clientAddress, UsageTotals totals) {
}
