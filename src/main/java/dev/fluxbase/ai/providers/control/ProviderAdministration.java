package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.entity.ProviderConfig.API_KEY;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.CLIENT_SECRET;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.ProviderChanges;
import dev.fluxbase.ai.providers.entity.ProviderConfig;
import dev.fluxbase.ai.providers.entity.ProviderDraft;
import dev.fluxbase.ai.providers.entity.ProviderSettings;
import dev.fluxbase.ai.providers.entity.ProviderView;
import dev.fluxbase.ai.providers.entity.StoredProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin's view of providers: the configuration provider (read-only) first, then the stored ones.
 * API keys and Entra ID client secrets are sealed before they are stored and never come back.
 */
@ApplicationScoped
public class ProviderAdministration {

    private static final String READ_ONLY = " config-based provider. This provider is configured via environment variables "
            + "or MicroProfile Config and is read-only.";

    @Inject
    ProviderStore store;

    @Inject
    ConfiguredProvider configured;

    @Inject
    ApiKeyVault vault;

    public List<ProviderView> list() {
        List<StoredProvider> stored = store.all();
        List<ProviderView> views = new ArrayList<>();
        configured.view(stored.stream().noneMatch(p -> p.isDefault() && p.enabled())).ifPresent(views::add);
        stored.forEach(p -> views.add(view(p)));
        return views;
    }

    public ProviderView get(String id) {
        if (ProviderSettings.CONFIG_ID.equals(id)) {
            return list().stream().filter(ProviderView::fromConfig).findFirst().orElseThrow(ProviderAdministration::notFound);
        }
        return view(stored(id));
    }

    public ProviderView create(ProviderDraft draft) {
        String name = ProviderRules.name(draft.name());
        if (store.nameTaken(name)) {
            throw ProviderRules.exists(name);
        }
        Map<String, String> config = new LinkedHashMap<>(draft.config());
        Optional<String> apiKey = Optional.ofNullable(config.remove(API_KEY)).filter(k -> !k.equals(ProviderConfig.MASK));
        Optional<String> clientSecret = Optional.ofNullable(config.remove(CLIENT_SECRET)).filter(k -> !k.equals(ProviderConfig.MASK));
        ProviderRules.config(draft.type(), config, clientSecret.isPresent());
        UUID id = UUID.randomUUID();
        StoredProvider provider = new StoredProvider(id, name, blankTo(draft.displayName(), name), draft.type());
        provider.setConfig(config);
        provider.setEnabled(draft.enabled());
        provider.setEmbeddingModel(draft.embeddingModel());
        apiKey.ifPresent(key -> provider.setApiKeyEncrypted(vault.seal(key, id.toString())));
        clientSecret.ifPresent(secret -> provider.setClientSecretEncrypted(sealClientSecret(secret, id)));
        return view(store.create(provider, draft.isDefault(), configured.settings().isEmpty()));
    }

    public ProviderView update(String id, ProviderChanges changes) {
        return view(store.update(writable(id, "modify"), provider -> apply(provider, changes)).orElseThrow(ProviderAdministration::notFound));
    }

    public void delete(String id) {
        if (!store.delete(writable(id, "delete"))) {
            throw notFound();
        }
    }

    /**
     * The provider from configuration is the default whenever no stored provider is, so making it the default
     * takes the flag from the stored ones and does not modify it.
     */
    public ProviderView makeDefault(String id) {
        if (ProviderSettings.CONFIG_ID.equals(id) && configured.settings().isPresent()) {
            store.clearDefaults();
            return get(id);
        }
        return view(store.makeDefault(writable(id, "modify")).orElseThrow(ProviderAdministration::notFound));
    }

    public ProviderView useForEmbeddings(String id, boolean use) {
        if (use) {
            parse(id).flatMap(store::find).ifPresent(ProviderAdministration::requireEmbeds);
        }
        return view(store.useForEmbeddings(writable(id, "modify"), use).orElseThrow(ProviderAdministration::notFound));
    }

    /** The embedding client speaks OpenAI's, Azure's (with a key) and Ollama's embeddings. */
    private static void requireEmbeds(StoredProvider provider) {
        if (!provider.type().embeds()) {
            throw RequestRejected.badRequest("A provider of type '" + provider.type().wireName()
                    + "' cannot embed: use an openai, azure or ollama provider, or the built-in model");
        }
        if (provider.hasClientSecret() && !provider.hasApiKey()) {
            throw RequestRejected.badRequest("Embeddings through Azure need an API key: Entra ID sign-in serves chat only");
        }
    }

    private void apply(StoredProvider provider, ProviderChanges changes) {
        changes.displayName().filter(d -> !d.isBlank()).ifPresent(provider::setDisplayName);
        changes.enabled().ifPresent(provider::setEnabled);
        changes.embeddingModel().ifPresent(model -> provider.setEmbeddingModel(model.orElse(null)));
        Map<String, String> config = new LinkedHashMap<>(provider.config());
        changes.configPatch().forEach((key, value) -> {
            if (key.equals(API_KEY)) {
                applyApiKey(provider, value);
            } else if (key.equals(CLIENT_SECRET)) {
                applyClientSecret(provider, value);
            } else if (value.isPresent()) {
                config.put(key, value.get());
            } else {
                config.remove(key);
            }
        });
        ProviderRules.config(provider.type(), config, provider.hasClientSecret());
        provider.setConfig(config);
    }

    /** The masked placeholder the API handed out means "keep the key"; an empty value removes it. */
    private void applyApiKey(StoredProvider provider, Optional<String> value) {
        if (value.isEmpty()) {
            provider.setApiKeyEncrypted(null);
        } else if (!value.get().equals(ProviderConfig.MASK)) {
            provider.setApiKeyEncrypted(vault.seal(value.get(), provider.id().toString()));
        }
    }

    /** As an API key: the mask keeps it, an empty value removes it. */
    private void applyClientSecret(StoredProvider provider, Optional<String> value) {
        if (value.isEmpty()) {
            provider.setClientSecretEncrypted(null);
        } else if (!value.get().equals(ProviderConfig.MASK)) {
            provider.setClientSecretEncrypted(sealClientSecret(value.get(), provider.id()));
        }
    }

    private byte[] sealClientSecret(String secret, UUID providerId) {
        return vault.sealSecret(secret, StoredSettings.clientSecretContext(providerId.toString()));
    }

    private StoredProvider stored(String id) {
        return parse(id).flatMap(store::find).orElseThrow(ProviderAdministration::notFound);
    }

    private UUID writable(String id, String verb) {
        if (ProviderSettings.CONFIG_ID.equals(id) && configured.settings().isPresent()) {
            throw new RequestRejected(403, ErrorCodes.PROVIDER_READ_ONLY, "Cannot " + verb + READ_ONLY);
        }
        return parse(id).orElseThrow(ProviderAdministration::notFound);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static ProviderView view(StoredProvider p) {
        return new ProviderView(p.id().toString(), p.name(), p.displayName(), p.type(), p.isDefault(), p.useForEmbeddings(),
                p.embeddingModel(), p.enabled(), ProviderConfig.masked(p.config(), p.storedSecrets()), false, p.createdAt(), p.updatedAt());
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static RequestRejected notFound() {
        return RequestRejected.notFound(ErrorCodes.PROVIDER_NOT_FOUND, "Provider not found");
    }
}
