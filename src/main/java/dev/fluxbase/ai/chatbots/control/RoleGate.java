package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.Audience;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
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

    /**
     * Refuses a caller the gate does not admit, with the code and message the socket's error frame and the REST
     * error body both carry: {@code AUTH_REQUIRED} (401) or {@code FORBIDDEN} (403).
     */
    public static void requireAdmitted(Audience audience, Caller caller, boolean admin) {
        switch (check(audience, caller, admin)) {
            case AUTH_REQUIRED -> throw new RequestRejected(401, ErrorCodes.AUTH_REQUIRED, "Authentication required");
            case FORBIDDEN -> throw new RequestRejected(403, ErrorCodes.FORBIDDEN,
                    "This chatbot requires one of the roles: " + String.join(", ", audience.requireRoles()));
            case ADMITTED -> {
                // nothing to refuse
            }
        }
    }

    /** Whether the chatbot is hidden from the caller: anonymous callers do not learn that it exists. */
    public static boolean hiddenFrom(Audience audience, Caller caller, boolean admin) {
        return check(audience, caller, admin) == Verdict.AUTH_REQUIRED;
    }
}
