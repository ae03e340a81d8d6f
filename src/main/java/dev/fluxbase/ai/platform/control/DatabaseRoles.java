package dev.fluxbase.ai.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PostgreSQL roles end users' queries run as. A token's {@code role} claim maps to one of them:
 * {@code anon} and {@code service_role} to their own, every other role (including {@code admin}) to
 * the authenticated role.
 */
@ApplicationScoped
public class DatabaseRoles {

    @Inject
    @ConfigProperty(name = "fluxbase.db.roles.anon", defaultValue = "anon")
    String anon;

    @Inject
    @ConfigProperty(name = "fluxbase.db.roles.authenticated", defaultValue = "authenticated")
    String authenticated;

    @Inject
    @ConfigProperty(name = "fluxbase.db.roles.service", defaultValue = "service_role")
    String service;

    public String anon() {
        return anon;
    }

    public String authenticated() {
        return authenticated;
    }

    public String service() {
        return service;
    }

    public String forClaimRole(String claimRole) {
        if (claimRole == null || claimRole.isBlank() || claimRole.equals("anon")) {
            return anon;
        }
        return claimRole.equals("service_role") ? service : authenticated;
    }
}
