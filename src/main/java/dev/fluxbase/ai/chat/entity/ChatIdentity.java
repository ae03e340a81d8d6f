package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;

/**
 * Who a conversation speaks for: the user id ({@code {{user_id}}}, null when anonymous), whether a
 * token stood behind it, and the database identity its queries run as.
 */
public record ChatIdentity(String userId, boolean anonymous, DatabaseIdentity database) {
}
