package dev.fluxbase.ai.providers.entity;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonbTextConverter;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A provider an admin created. The secrets are never part of {@code config}: the API key lives encrypted in
 * {@code api_key_encrypted}, an Entra ID client secret in {@code client_secret_encrypted} (see {@code ApiKeyVault}).
 */
@Entity
@Table(name = "providers", schema = "ai")
@NamedQuery(name = StoredProvider.ALL, query = "SELECT p FROM StoredProvider p ORDER BY p.isDefault DESC, p.name")
@NamedQuery(name = StoredProvider.BY_NAME, query = "SELECT p FROM StoredProvider p WHERE p.name = :name")
@NamedQuery(name = StoredProvider.CLEAR_DEFAULT,
        query = "UPDATE StoredProvider p SET p.isDefault = false WHERE p.isDefault = true AND p.id <> :id")
@NamedQuery(name = StoredProvider.CLEAR_EMBEDDING,
        query = "UPDATE StoredProvider p SET p.useForEmbeddings = false WHERE p.useForEmbeddings = true AND p.id <> :id")
public class StoredProvider {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    public static final String ALL = "StoredProvider.all";
    public static final String BY_NAME = "StoredProvider.byName";
    public static final String CLEAR_DEFAULT = "StoredProvider.clearDefault";
    public static final String CLEAR_EMBEDDING = "StoredProvider.clearEmbedding";

    @Id
    private UUID id;
    private String name;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "provider_type")
    private String providerType;
    @Column(name = "is_default")
    private boolean isDefault;
    @Column(name = "use_for_embeddings")
    private boolean useForEmbeddings;
    @Column(name = "embedding_model")
    private String embeddingModel;
    private boolean enabled = true;
    @Convert(converter = JsonbTextConverter.class)
    private String config;
    @Column(name = "api_key_encrypted")
    private byte[] apiKeyEncrypted;
    @Column(name = "client_secret_encrypted")
    private byte[] clientSecretEncrypted;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected StoredProvider() {
        // for JPA
    }

    public StoredProvider(UUID id, String name, String displayName, ProviderType type) {
        this.id = id;
        this.name = name;
        this.displayName = displayName;
        this.providerType = type.wireName();
        this.config = "{}";
    }

    @PrePersist
    void onCreate() {
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = now();
    }

    /** In PostgreSQL's precision, so that an answer shows what a later read returns. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public ProviderType type() {
        return ProviderType.parse(providerType).orElseThrow(() -> new IllegalStateException("unknown provider type " + providerType));
    }

    public boolean isDefault() {
        return isDefault;
    }

    public void setDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    public boolean useForEmbeddings() {
        return useForEmbeddings;
    }

    public void setUseForEmbeddings(boolean useForEmbeddings) {
        this.useForEmbeddings = useForEmbeddings;
    }

    public String embeddingModel() {
        return embeddingModel;
    }

    public void setEmbeddingModel(String embeddingModel) {
        this.embeddingModel = embeddingModel;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Every setting but the API key. */
    public Map<String, String> config() {
        Map<String, String> values = new LinkedHashMap<>();
        JsonObject json = JsonFactories.readObject(config == null ? "{}" : config);
        json.forEach((key, value) -> values.put(key, value instanceof JsonString s ? s.getString() : value.toString()));
        return values;
    }

    public void setConfig(Map<String, String> values) {
        if (ProviderConfig.SECRET_KEYS.stream().anyMatch(values::containsKey)) {
            throw new IllegalArgumentException("secrets are stored encrypted, never in config");
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        values.forEach(json::add);
        this.config = json.build().toString();
    }

    public byte[] apiKeyEncrypted() {
        return apiKeyEncrypted == null ? null : apiKeyEncrypted.clone();
    }

    public void setApiKeyEncrypted(byte[] apiKeyEncrypted) {
        this.apiKeyEncrypted = apiKeyEncrypted == null ? null : apiKeyEncrypted.clone();
    }

    public boolean hasApiKey() {
        return apiKeyEncrypted != null && apiKeyEncrypted.length > 0;
    }

    public byte[] clientSecretEncrypted() {
        return clientSecretEncrypted == null ? null : clientSecretEncrypted.clone();
    }

    public void setClientSecretEncrypted(byte[] clientSecretEncrypted) {
        this.clientSecretEncrypted = clientSecretEncrypted == null ? null : clientSecretEncrypted.clone();
    }

    public boolean hasClientSecret() {
        return clientSecretEncrypted != null && clientSecretEncrypted.length > 0;
    }

    /** The config keys of the secrets this provider has stored. */
    public List<String> storedSecrets() {
        List<String> keys = new ArrayList<>();
        if (hasApiKey()) {
            keys.add(ProviderConfig.API_KEY);
        }
        if (hasClientSecret()) {
            keys.add(ProviderConfig.CLIENT_SECRET);
        }
        return keys;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
