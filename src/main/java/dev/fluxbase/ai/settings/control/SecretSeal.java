package dev.fluxbase.ai.settings.control;

import dev.fluxbase.ai.providers.control.ApiKeyVault;
import dev.fluxbase.ai.settings.entity.SettingValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Seals secret settings with the provider API keys' cipher and key. The setting's key and owner are authenticated
 * with the value, so that a sealed value copied to another key or user does not open.
 */
@ApplicationScoped
public class SecretSeal {

    @Inject
    ApiKeyVault vault;

    /** @param owner a user id, or null for a system secret */
    public byte[] seal(String secret, String owner, String key) {
        return vault.sealSecret(secret, context(owner, key));
    }

    /** @return empty without the encryption key or when the value does not open with it */
    public Optional<String> open(SettingValue secret) {
        return vault.openSecret(secret.sealed(), context(secret.userId(), secret.key()));
    }

    // a key holds no '|', so the owner part cannot be forged through it
    static String context(String owner, String key) {
        return "ai.settings|" + key + "|" + (owner == null ? "system" : "user:" + owner);
    }
}
