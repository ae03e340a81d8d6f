package dev.fluxbase.ai.security.control;

import dev.fluxbase.ai.security.entity.ClaimMapping;
import dev.fluxbase.ai.security.entity.ClaimPath;
import dev.fluxbase.ai.security.entity.RoleMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the claim mapping from configuration ({@code fluxbase.auth.claims.*}, {@code fluxbase.auth.role-mapping},
 * {@code fluxbase.auth.default-role}); the defaults read tokens the way Fluxbase mints them. A malformed value
 * fails the deployment with a message naming the setting, through {@link TokenVerifier}'s start-up check.
 */
@ApplicationScoped
public class ClaimMappingSettings {

    private static final String NONE = "none";

    @Inject
    @ConfigProperty(name = "fluxbase.auth.claims.user-id", defaultValue = "sub,user_id")
    String userId;

    /** {@code none} ignores role claims, so that only the mapping and the default decide. */
    @Inject
    @ConfigProperty(name = "fluxbase.auth.claims.role", defaultValue = "role")
    String role;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.claims.groups", defaultValue = "groups")
    String groups;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.claims.name", defaultValue = "name,preferred_username,email")
    String displayName;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.role-mapping")
    Optional<String> roleMapping;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.default-role", defaultValue = "anon")
    String defaultRole;

    ClaimMapping mapping() {
        boolean ignoreRoleClaims = role.isBlank() || NONE.equalsIgnoreCase(role.trim());
        return new ClaimMapping(ClaimPath.listOf(userId), ignoreRoleClaims ? null : ClaimPath.of(role),
                ClaimPath.listOf(groups), ClaimPath.listOf(displayName), RoleMapping.parse(roleMapping.orElse(null)), defaultRole.trim());
    }
}
