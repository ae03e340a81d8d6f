package dev.fluxbase.ai.settings.boundary;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.entity.Caller;

/** Whose settings a user's request reads and writes: always the caller's own, never another user's. */
final class SettingsUser {

    private SettingsUser() {
    }

    /** @throws RequestRejected 403 for a token without a user (a service key), which has no settings of its own */
    static String of(Caller caller) {
        if (caller.userId() == null || caller.userId().isBlank()) {
            throw new RequestRejected(403, ErrorCodes.FORBIDDEN, "Settings belong to a user: this token has none (use a user's token)");
        }
        return caller.userId();
    }
}
