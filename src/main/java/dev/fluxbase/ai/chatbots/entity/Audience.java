package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who meets a chatbot: listed to everyone or not, whether a caller without a token may chat with it, and the
 * roles of which a caller needs one ({@code @fluxbase:require-role}; empty: no role needed).
 */
@Embeddable
public class Audience {


    @Column(name = "is_public")
    private boolean isPublic;
    @Column(name = "allow_unauthenticated")
    private boolean allowUnauthenticated;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "require_roles")
    private List<String> requireRoles;

    protected Audience() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static Audience defaults() {
        return new Audience(true, false, List.of());
    }

    private Audience(boolean isPublic, boolean allowUnauthenticated, List<String> requireRoles) {
        this.isPublic = isPublic;
        this.allowUnauthenticated = allowUnauthenticated;
        this.requireRoles = requireRoles.stream().distinct().toList();
    }

    public boolean isPublic() {
        return isPublic;
    }

    public boolean allowUnauthenticated() {
        return allowUnauthenticated;
    }

    public List<String> requireRoles() {
        return requireRoles == null ? List.of() : requireRoles;
    }

    public boolean restricted() {
        return !requireRoles().isEmpty();
    }

    /** True when no role is required or when the caller's database role or one of its groups is listed. */
    public boolean admits(String role, Collection<String> groups) {
        List<String> roles = requireRoles();
        return roles.isEmpty() || roles.contains(role) || groups.stream().anyMatch(roles::contains);
    }

    public Audience withPublic(boolean isPublic) {
        return new Audience(isPublic, allowUnauthenticated, requireRoles());
    }

    public Audience withAllowUnauthenticated(boolean allowUnauthenticated) {
        return new Audience(isPublic, allowUnauthenticated, requireRoles());
    }

    public Audience withRequireRoles(List<String> requireRoles) {
        return new Audience(isPublic, allowUnauthenticated, requireRoles);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Audience a && isPublic == a.isPublic && allowUnauthenticated == a.allowUnauthenticated
                && requireRoles().equals(a.requireRoles());
    }

    @Override
    public int hashCode() {
        return Objects.hash(isPublic, allowUnauthenticated, requireRoles());
    }

    @Override
    public String toString() {
        return "Audience[public=" + isPublic + ", allowUnauthenticated=" + allowUnauthenticated + ", requireRoles=" + requireRoles() + "]";
    }
}
