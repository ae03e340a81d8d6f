package dev.fluxbase.ai.chatbots.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Who meets a chatbot: listed to everyone or not, and whether a caller without a token may chat with it. */
@Embeddable
public class Audience {


    @Column(name = "is_public")
    private boolean isPublic;
    @Column(name = "allow_unauthenticated")
    private boolean allowUnauthenticated;

    protected Audience() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static Audience defaults() {
        return new Audience(true, false);
    }

    private Audience(boolean isPublic, boolean allowUnauthenticated) {
        this.isPublic = isPublic;
        this.allowUnauthenticated = allowUnauthenticated;
    }

    public boolean isPublic() {
        return isPublic;
    }

    public boolean allowUnauthenticated() {
        return allowUnauthenticated;
    }

    public Audience withPublic(boolean isPublic) {
        return new Audience(isPublic, allowUnauthenticated);
    }

    public Audience withAllowUnauthenticated(boolean allowUnauthenticated) {
        return new Audience(isPublic, allowUnauthenticated);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Audience a && isPublic == a.isPublic && allowUnauthenticated == a.allowUnauthenticated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(isPublic, allowUnauthenticated);
    }

    @Override
    public String toString() {
        return "Audience[public=" + isPublic + ", allowUnauthenticated=" + allowUnauthenticated + "]";
    }
}
