package dev.fluxbase.ai.security.entity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which database role an identity provider's groups or roles grant ({@code fluxbase.auth.role-mapping}, e.g.
 * {@code fluxbase-user=authenticated,fluxbase-ops=service_role}). A caller in several mapped groups gets the
 * most privileged of their roles, so that the order of the setting never matters.
 */
public final class RoleMapping {

    /** The roles a group may map to, least privileged first. */
    public static final List<String> ROLES = List.of(Caller.ANON, Caller.AUTHENTICATED, Caller.SERVICE_ROLE);
    public static final RoleMapping NONE = new RoleMapping(Map.of());

    private final Map<String, String> roleOfGroup;

    private RoleMapping(Map<String, String> roleOfGroup) {
        this.roleOfGroup = Map.copyOf(roleOfGroup);
    }

    /** Parses {@code group=role,...}; a role outside {@link #ROLES} or a malformed entry is refused, naming it. */
    public static RoleMapping parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        Arrays.stream(setting.split(",")).map(String::trim).filter(e -> !e.isEmpty()).forEach(entry -> {
            int equals = entry.lastIndexOf('=');
            String group = equals < 0 ? "" : entry.substring(0, equals).trim();
            String role = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (group.isEmpty() || !ROLES.contains(role)) {
                throw new IllegalArgumentException("fluxbase.auth.role-mapping: '" + entry
                        + "' is not group=role with role one of " + String.join(", ", ROLES));
            }
            mapping.put(group, role);
        });
        return new RoleMapping(mapping);
    }

    /** The highest role any of these groups maps to. */
    public Optional<String> roleFor(Set<String> groups) {
        return groups.stream()
                .map(roleOfGroup::get)
                .filter(role -> role != null)
                .max(Comparator.comparingInt(ROLES::indexOf));
    }

    public boolean isEmpty() {
        return roleOfGroup.isEmpty();
    }

    @Override
    public String toString() {
        return roleOfGroup.toString();
    }
}
