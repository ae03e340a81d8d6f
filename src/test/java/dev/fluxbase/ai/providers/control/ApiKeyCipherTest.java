package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.ProviderException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyCipherTest {

    private static final String RAW_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String ID = "7b0c2f5e-0000-4000-8000-000000000001";

    @Test
    void sealsAndOpensWithARawKeyAndWithAPassphrase() {
        for (String secret : new String[] {RAW_KEY, "correct horse battery staple"}) {
            ApiKeyCipher cipher = ApiKeyCipher.fromSecret(secret);
            byte[] sealed = cipher.encrypt("sk-live-123", ID);
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("sk-live-123");
            assertThat(ApiKeyCipher.fromSecret(secret).decrypt(sealed, ID)).isEqualTo("sk-live-123");
        }
    }

    @Test
    void everySealIsDifferent() {
        ApiKeyCipher cipher = ApiKeyCipher.fromSecret(RAW_KEY);
        assertThat(cipher.encrypt("k", ID)).isNotEqualTo(cipher.encrypt("k", ID));
    }

    @Test
    void aWrongKeyAnotherProviderOrTamperingIsRefused() {
        byte[] sealed = ApiKeyCipher.fromSecret(RAW_KEY).encrypt("sk-live-123", ID);
        assertThatThrownBy(() -> ApiKeyCipher.fromSecret("another passphrase").decrypt(sealed, ID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeyCipher.fromSecret(RAW_KEY).decrypt(sealed, "another-id")).isInstanceOf(IllegalArgumentException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> ApiKeyCipher.fromSecret(RAW_KEY).decrypt(sealed, ID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeyCipher.fromSecret(RAW_KEY).decrypt(new byte[] {1, 2}, ID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAnEncryptionKeyNoKeyIsStored() {
        ApiKeyVault vault = new ApiKeyVault(Optional.empty());
        assertThatThrownBy(() -> vault.seal("sk-live-123", ID)).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("ENCRYPTION_KEY_MISSING");
            assertThat(e.getMessage()).contains("FLUXBASE_AI_ENCRYPTION_KEY").doesNotContain("sk-live");
        });
        assertThatThrownBy(() -> vault.open(new byte[40], "p", ID)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.code()).isEqualTo("PROVIDER_ERROR"));
    }

    @Test
    void aChangedEncryptionKeyMakesTheProviderFailClearly() {
        byte[] sealed = new ApiKeyVault(Optional.of(RAW_KEY)).seal("sk-live-123", ID);
        assertThatThrownBy(() -> new ApiKeyVault(Optional.of("something else")).open(sealed, "main", ID))
                .hasMessage("The API key of provider 'main' cannot be decrypted (was the encryption key changed?)");
        assertThat(new ApiKeyVault(Optional.of(RAW_KEY)).open(sealed, "main", ID)).isEqualTo("sk-live-123");
    }
}
