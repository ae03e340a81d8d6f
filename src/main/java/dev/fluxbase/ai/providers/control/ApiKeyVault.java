package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals and opens stored API keys with {@code fluxbase.ai.encryption-key}, and the other secrets the server keeps
 * (secret settings) the same way. Without that key the server refuses to store any of them rather than keep them
 * readable.
 */
@ApplicationScoped
public class ApiKeyVault {

    @Inject
    @ConfigProperty(name = "fluxbase.ai.encryption-key")
    Optional<String> secret;

    private volatile ApiKeyCipher cipher;

    public ApiKeyVault() {
    }

    ApiKeyVault(Optional<String> secret) {
        this.secret = secret;
    }

    public byte[] seal(String apiKey, String providerId) {
        return cipher().orElseThrow(() -> new RequestRejected(503, ErrorCodes.ENCRYPTION_KEY_MISSING,
                "API keys cannot be stored: the server has no encryption key (set FLUXBASE_AI_ENCRYPTION_KEY)"))
                .encrypt(apiKey, providerId);
    }

    /** The plaintext key of a stored provider, for the request to the provider only. */
    public String open(byte[] sealed, String providerName, String providerId) {
        ApiKeyCipher c = cipher().orElseThrow(() -> ProviderException.of(ProviderException.Failure.MISCONFIGURED,
                "The API key of provider '" + providerName + "' cannot be read: the server has no encryption key"));
        try {
            return c.decrypt(sealed, providerId);
        } catch (IllegalArgumentException e) {
            throw ProviderException.of(ProviderException.Failure.MISCONFIGURED, "The API key of provider '" + providerName
                    + "' cannot be decrypted (was the encryption key changed?)");
        }
    }

    /**
     * Seals another secret the server keeps.
     *
     * @param context where the secret belongs (never a provider id), authenticated with it: sealed for one place,
     *                it does not open in another
     */
    public byte[] sealSecret(String secret, String context) {
        return cipher().orElseThrow(() -> new RequestRejected(503, ErrorCodes.ENCRYPTION_KEY_MISSING,
                "Secrets cannot be stored: the server has no encryption key (set FLUXBASE_AI_ENCRYPTION_KEY)"))
                .encrypt(secret, context);
    }

    /** Whether secrets can be sealed at all: the server has an encryption key. */
    public boolean sealing() {
        return cipher().isPresent();
    }

    /** @return empty without the encryption key, or when the secret was sealed with another key or for another context */
    public Optional<String> openSecret(byte[] sealed, String context) {
        try {
            return cipher().map(c -> c.decrypt(sealed, context));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // Derived on first use: stretching a passphrase takes a noticeable fraction of a second.
    private Optional<ApiKeyCipher> cipher() {
        if (cipher == null && secret.filter(s -> !s.isBlank()).isPresent()) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = ApiKeyCipher.fromSecret(secret.get());
                }
            }
        }
        return Optional.ofNullable(cipher);
    }
}
