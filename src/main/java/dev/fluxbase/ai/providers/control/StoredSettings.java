package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.ProviderConfig;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderSettings;
import dev.fluxbase.ai.providers.entity.StoredProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** The settings of a stored provider with its secrets opened, for a call to that provider. */
@ApplicationScoped
public class StoredSettings {

    @Inject
    ApiKeyVault vault;

    /** Where a client secret is sealed: never a bare provider id, so that an API key's sealing does not open it. */
    static String clientSecretContext(String providerId) {
        return "provider-client-secret:" + providerId;
    }

    /** @throws ProviderException when a secret cannot be opened */
    public ProviderSettings of(StoredProvider provider) {
        Map<String, String> config = new HashMap<>(provider.config());
        config.keySet().removeAll(ProviderConfig.SECRET_KEYS);
        String id = provider.id().toString();
        if (provider.hasApiKey()) {
            config.put(ProviderConfig.API_KEY, vault.open(provider.apiKeyEncrypted(), provider.name(), id));
        }
        if (provider.hasClientSecret()) {
            config.put(ProviderConfig.CLIENT_SECRET, vault.openSecret(provider.clientSecretEncrypted(), clientSecretContext(id))
                    .orElseThrow(() -> ProviderException.of(ProviderException.Failure.MISCONFIGURED, "The client secret of provider '"
                            + provider.name() + "' cannot be read (is the encryption key missing or changed?)")));
        }
        return new ProviderSettings(id, provider.name(), provider.type(), config);
    }
}
