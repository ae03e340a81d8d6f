package dev.fluxbase.ai.tools.sql.entity;

/**
 * Who a query runs as: the PostgreSQL role (via {@code SET LOCAL ROLE}) and the JWT claims that
 * row-level security policies read from {@code request.jwt.claims}.
 */
public record DatabaseIdentity(String role, String userId, String claimRole, String claimsJson) {

    private static final String ANON = "anon";

    /** The user whose own documents a knowledge-base search may return; null for an anonymous caller. */
    public String documentOwner() {
        return ANON.equals(claimRole) ? null : userId;
    }
}
