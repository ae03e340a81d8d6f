package dev.fluxbase.ai.rlschecks.entity;

/**
 * A user a check runs as: the id row-level security reads ({@code sub}), the claim role ({@code anon},
 * {@code authenticated}, {@code service_role}) that picks the database role, and further claims policies read.
 *
 * @param claimsJson a JSON object of further claims, or null
 */
public record Impersonation(String userId, String role, String claimsJson) {

    public static final String AUTHENTICATED = "authenticated";
}
