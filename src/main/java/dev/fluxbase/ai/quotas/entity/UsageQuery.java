package dev.fluxbase.ai.quotas.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A usage report's filters (all optional; {@code from} inclusive, {@code to} exclusive) and grouping. */
public record UsageQuery(Optional<UUID> chatbotId, Optional<String> userId, Optional<Instant> from, Optional<Instant> to, Grouping groupBy) {

    public enum Grouping { none, day, chatbot, user }
}
