package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Secrets other than API keys (secret settings) are sealed like API keys and bound to where they belong. */
class ApiKeyVaultSecretsTest {

    private final ApiKeyVault vault = new ApiKeyVault(Optional.of("a passphrase for the test"));

    @Test
    void aSealedSecretOpensOnlyInItsOwnContext() {
        byte[] sealed = vault.sealSecret("sk-live-123", "ai.settings|weather.api_key|system");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("sk-live-123");
        assertThat(vault.openSecret(sealed, "ai.settings|weather.api_key|system")).contains("sk-live-123");
        assertThat(vault.openSecret(sealed, "ai.settings|weather.api_key|user:alice")).isEmpty();
        assertThat(new ApiKeyVault(Optional.of("another passphrase")).openSecret(sealed, "ai.settings|weather.api_key|system")).isEmpty();
    }

    @Test
    void withoutAnEncryptionKeyNothingIsSealedNorOpened() {
        ApiKeyVault keyless = new ApiKeyVault(Optional.empty());
        assertThat(keyless.sealing()).isFalse();
        assertThat(vault.sealing()).isTrue();
        assertThatThrownBy(() -> keyless.sealSecret("x", "ctx")).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("ENCRYPTION_KEY_MISSING");
        });
        assertThat(keyless.openSecret(vault.sealSecret("x", "ctx"), "ctx")).isEmpty();
    }
}
