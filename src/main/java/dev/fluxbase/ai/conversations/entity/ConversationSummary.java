package dev.fluxbase.ai.conversations.entity;

import java.time.Instant;
import java.util.UUID;

/** A conversation in the owner's list; {@code preview} is the start of its first user message. */
public record ConversationSummary(UUID id, String chatbot, String namespace, String title, String preview, int messageCount,
        Instant createdAt, Instant updatedAt) {
}
