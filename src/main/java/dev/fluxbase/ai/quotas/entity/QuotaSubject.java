package dev.fluxbase.ai.quotas.entity;

/**
 * Whose counters a message goes to: the user, or for anonymous users the client address (the best
 * identity there is without a token).
 */
public record QuotaSubject(String userId, String clientAddress) {

    public static QuotaSubject of(String userId, String clientAddress) {
        return new QuotaSubject(userId, userId == null ? (clientAddress == null ? "unknown" : clientAddress) : null);
    }

    /** The key of the subject's counter rows. */
    public String key() {
        return userId != null ? "user:" + userId : "ip:" + clientAddress;
    }
}
