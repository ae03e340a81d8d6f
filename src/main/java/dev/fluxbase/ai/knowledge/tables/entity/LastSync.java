package dev.fluxbase.ai.knowledge.tables.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * What the last sync of a configuration did: when, with which outcome ({@code success}: the document got new
 * content; {@code unchanged}: the table had not changed, nothing was embedded again; {@code failed}: see
 * {@code error}, the previous document stays), what it saw of the table ({@code state}, compared by the next
 * sync) and the document it keeps up to date.
 */
public record LastSync(Instant at, String status, String error, String state, UUID documentId) {

    public static final String SUCCESS = "success";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    public static final LastSync NEVER = new LastSync(null, null, null, null, null);
}
