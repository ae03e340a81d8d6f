package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.ProviderConfig;
import dev.fluxbase.ai.providers.entity.ProviderSettings;
import dev.fluxbase.ai.providers.entity.StoredProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** The settings of a stored provider with its API key opened, for a call to that provider. */
@ApplicationScoped
public class StoredSettings {

    @Inject
    ApiKeyVault vault;

    /** @throws dev.fluxbase.ai.providers.entity.ProviderException when the key cannot be opened */
    public ProviderSettings of(StoredProvider provider) {
        Map<String, String> config = new HashMap<>(provider.config());
        config.remove(ProviderConfig.API_KEY);
        if (provider.hasApiKey()) {
            config.put(ProviderConfig.API_KEY, vault.open(provider.apiKeyEncrypted(), provider.name(), provider.id().toString()));
        }
        return new ProviderSettings(provider.id().toString(), provider.name(), provider.type(), config);
    }
}
