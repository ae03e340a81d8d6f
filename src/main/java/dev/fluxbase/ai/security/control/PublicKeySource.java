package dev.fluxbase.ai.security.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Loads the configured public keys on first use and keeps them, or keeps the failure: a key file that cannot
 * be read is an operator error that a restart fixes, and retrying it on every request would only flood the log.
 */
final class PublicKeySource {

    private static final Logger LOG = Logger.getLogger(PublicKeySource.class.getName());

    private final Supplier<JWKSource<SecurityContext>> loader;
    private volatile JWKSource<SecurityContext> keys;
    private volatile boolean failed;

    PublicKeySource(Supplier<JWKSource<SecurityContext>> loader) {
        this.loader = loader;
    }

    JWKSource<SecurityContext> get() {
        if (keys == null && !failed) {
            load();
        }
        if (failed) {
            throw new AuthenticationException(ErrorCodes.INVALID_TOKEN,
                    "Token verification is unavailable: the public key could not be loaded");
        }
        return keys;
    }

    private synchronized void load() {
        if (keys != null || failed) {
            return;
        }
        try {
            keys = loader.get();
        } catch (RuntimeException e) {
            failed = true;
            LOG.severe("Cannot load the JWT verification key (mp.jwt.verify.publickey*): " + e.getMessage());
        }
    }
}
