package dev.fluxbase.ai.rlschecks.entity;

import java.time.Instant;

/** A query the chatbot ran for someone, as the SQL audit log recorded it, with the question that led to it when known. */
public record RecordedQuery(long auditId, Instant executedAt, String userId, String sql, String question, Integer rowCount) {
}
