package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.Audience;
import dev.fluxbase.ai.security.entity.Caller;

/**
 * Decides whether a caller may list, look up and chat with a chatbot that requires roles
 * ({@code @fluxbase:require-role}). Admins meet every chatbot; an anonymous caller (no token, or the anon key)
 * is asked to authenticate, as a token might carry the role; anyone else needs one of the roles, as database
 * role or group.
 */
public final class RoleGate {

    /** What the gate answers. */
    public enum Verdict {
        ADMITTED, AUTH_REQUIRED, FORBIDDEN
    }

    private RoleGate() {
    }

    /** {@code admin}: whether the caller may use the admin API (it knows the configured admin groups). */
    public static Verdict check(Audience audience, Caller caller, boolean admin) {
        if (!audience.restricted() || admin || !caller.isAnonymous() && audience.admits(caller.role(), caller.groups())) {
            return Verdict.ADMITTED;
        }
        return caller.isAnonymous() ? Verdict.AUTH_REQUIRED : Verdict.FORBIDDEN;
    }

    /** The human message of a {@code FORBIDDEN} refusal. */
    public static String forbiddenMessage(Audience audience) {
        return "This chatbot requires one of the roles: " + String.join(", ", audience.requireRoles());
    }
}
