package dev.fluxbase.ai.knowledge.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's right on a knowledge base; {@code grantedBy} is null when an administrator's key without a user gave it. */
public record PermissionGrant(UUID knowledgeBaseId, String userId, KnowledgePermission permission, String grantedBy,
        OffsetDateTime grantedAt) {
}
