package dev.fluxbase.ai.tools.http.control;

import java.util.Optional;

/** A {@link ServerUrlGuard} configured as a test needs it, for tests of other packages. */
public final class ServerUrlGuardAccess {

    private ServerUrlGuardAccess() {
    }

    /** @param privateHosts as {@code fluxbase.mcp.private-hosts}; null for none */
    public static ServerUrlGuard guard(String privateHosts) {
        ServerUrlGuard guard = new ServerUrlGuard();
        guard.privateHosts = Optional.ofNullable(privateHosts);
        guard.overrides = new HttpOverrides();
        guard.overrides.resolve = Optional.of("mcp.pinned.test:10.1.2.3,public.pinned.test:93.184.216.34");
        guard.overrides.secretsJson = Optional.empty();
        guard.overrides.read();
        return guard;
    }
}
