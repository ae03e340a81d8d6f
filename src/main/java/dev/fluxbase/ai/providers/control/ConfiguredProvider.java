package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.entity.ProviderConfig.API_KEY;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.API_VERSION;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.AUTHORITY_HOST;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.BASE_URL;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.CLIENT_ID;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.CLIENT_SECRET;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.DEPLOYMENT_NAME;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.ENDPOINT;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.MODEL;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.NUM_CTX;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.ORGANIZATION_ID;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.SCOPE;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.TENANT_ID;

import dev.fluxbase.ai.providers.entity.ProviderConfig;
import dev.fluxbase.ai.providers.entity.ProviderSettings;
import dev.fluxbase.ai.providers.entity.ProviderType;
import dev.fluxbase.ai.providers.entity.ProviderView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The read-only provider from configuration ({@code fluxbase.ai.provider.*}), listed as
 * {@code FROM_CONFIG} / {@code config}. Its settings use the admin API's config keys.
 */
@ApplicationScoped
public class ConfiguredProvider {

    private static final Logger LOG = Logger.getLogger(ConfiguredProvider.class.getName());
    private static final String PREFIX = "fluxbase.ai.provider.";

    @Inject
    Config config;

    private Optional<ProviderSettings> settings = Optional.empty();
    private OffsetDateTime loadedAt;

    @PostConstruct
    void load() {
        loadedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<String> typeName = value("type");
        if (typeName.isEmpty()) {
            return;
        }
        Optional<ProviderType> type = ProviderType.parse(typeName.get());
        if (type.isEmpty()) {
            LOG.severe(() -> "fluxbase.ai.provider.type '" + typeName.get() + "' is none of "
                    + ProviderType.quotedNames() + ": no provider from configuration");
            return;
        }
        settings = Optional.of(new ProviderSettings(ProviderSettings.CONFIG_ID, ProviderSettings.CONFIG_NAME, type.get(), values(type.get())));
    }

    public Optional<ProviderSettings> settings() {
        return settings;
    }

    public Optional<ProviderView> view(boolean isDefault) {
        return settings.map(s -> new ProviderView(s.id(), s.name(), value("display-name").orElse("Config Provider (" + s.type().wireName() + ")"),
                s.type(), isDefault, false, null, true, ProviderConfig.masked(s.config()), true,
                loadedAt, loadedAt));
    }

    private Map<String, String> values(ProviderType type) {
        Map<String, String> values = new LinkedHashMap<>();
        value("api-key").ifPresent(v -> values.put(API_KEY, v));
        value("model").ifPresent(v -> values.put(MODEL, v));
        switch (type) {
            case OPENAI -> {
                value("base-url").ifPresent(v -> values.put(BASE_URL, v));
                value("organization").ifPresent(v -> values.put(ORGANIZATION_ID, v));
            }
            case AZURE -> {
                value("endpoint").or(() -> value("base-url")).ifPresent(v -> values.put(ENDPOINT, v));
                value("deployment").ifPresent(v -> values.put(DEPLOYMENT_NAME, v));
                value("api-version").ifPresent(v -> values.put(API_VERSION, v));
                copy(values, "tenant-id", TENANT_ID);
                copy(values, "client-id", CLIENT_ID);
                copy(values, "client-secret", CLIENT_SECRET);
                copy(values, "authority-host", AUTHORITY_HOST);
                copy(values, "scope", SCOPE);
            }
            case OLLAMA -> {
                value("endpoint").or(() -> value("base-url")).ifPresent(v -> values.put(ENDPOINT, v));
                copy(values, "num-ctx", NUM_CTX);
            }
            case ANTHROPIC -> {
                copy(values, "base-url", BASE_URL);
                copy(values, "api-version", API_VERSION);
            }
            case GEMINI -> copy(values, "base-url", BASE_URL);
        }
        return values;
    }

    private void copy(Map<String, String> values, String property, String key) {
        value(property).ifPresent(v -> values.put(key, v));
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(PREFIX + key, String.class).filter(v -> !v.isBlank()).map(String::strip);
    }
}
