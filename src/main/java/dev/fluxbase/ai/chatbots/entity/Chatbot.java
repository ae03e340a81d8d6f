package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.NullableUuidConverter;
import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A stored chatbot. Its settings come from the file's annotations (and admin overrides); {@code enabled}
 * and {@code providerId} belong to admins and survive reloads and syncs.
 */
@Entity
@Table(name = "chatbots", schema = "ai")
@NamedQuery(name = Chatbot.ALL, query = "SELECT c FROM Chatbot c ORDER BY c.namespace, c.name")
@NamedQuery(name = Chatbot.IN_NAMESPACE, query = "SELECT c FROM Chatbot c WHERE c.namespace = :namespace ORDER BY c.name")
@NamedQuery(name = Chatbot.IDENTIFIED, query = "SELECT c FROM Chatbot c WHERE c.namespace = :namespace AND c.name = :name")
@NamedQuery(name = Chatbot.BY_NAME, query = "SELECT c FROM Chatbot c WHERE c.name = :name ORDER BY c.namespace")
@NamedQuery(name = Chatbot.PUBLISHED, query = "SELECT c FROM Chatbot c WHERE c.enabled = true AND c.isPublic = true ORDER BY c.namespace, c.name")
public class Chatbot {

    public static final String ALL = "Chatbot.all";
    public static final String IN_NAMESPACE = "Chatbot.inNamespace";
    public static final String BY_NAME = "Chatbot.byName";
    public static final String IDENTIFIED = "Chatbot.identified";
    public static final String PUBLISHED = "Chatbot.published";

    public enum Source { filesystem, api }

    @Id
    private UUID id;
    private String name;
    private String namespace;
    private String description;
    private String code;
    @Column(name = "original_code")
    private String originalCode;
    @Column(name = "system_prompt")
    private String systemPrompt;
    private boolean enabled = true;
    @Column(name = "is_public")
    private boolean isPublic;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "allowed_tables")
    private List<String> allowedTables;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "allowed_operations")
    private List<String> allowedOperations;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "allowed_schemas")
    private List<String> allowedSchemas;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "allowed_functions")
    private List<String> allowedFunctions;
    @Column(name = "max_tool_result_bytes")
    private Integer maxToolResultBytes;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "http_allowed_domains")
    private List<String> httpAllowedDomains;
    @Convert(converter = TextArrayConverter.class)
    private List<String> tools;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "knowledge_bases")
    private List<String> knowledgeBases;
    @Column(name = "max_tokens")
    private int maxTokens;
    private BigDecimal temperature;
    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "provider_name")
    private String providerName;
    private String model;
    @Column(name = "persist_conversations")
    private boolean persistConversations;
    @Column(name = "conversation_ttl_hours")
    private int conversationTtlHours;
    @Column(name = "max_conversation_turns")
    private int maxConversationTurns;
    @Column(name = "max_iterations")
    private int maxIterations;
    @Column(name = "rate_limit_per_minute")
    private int rateLimitPerMinute;
    @Column(name = "daily_request_limit")
    private int dailyRequestLimit;
    @Column(name = "daily_token_budget")
    private int dailyTokenBudget;
    @Column(name = "allow_unauthenticated")
    private boolean allowUnauthenticated;
    @Column(name = "rag_max_chunks")
    private int ragMaxChunks;
    @Column(name = "rag_similarity_threshold")
    private BigDecimal ragSimilarityThreshold;
    private int version;
    private String source;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Chatbot() {
        // for JPA
    }

    public Chatbot(ChatbotDefinition definition, Source source) {
        this.id = UUID.randomUUID();
        this.name = definition.name();
        this.namespace = definition.namespace();
        this.source = source.name();
        this.version = 1;
        apply(definition);
    }

    /** Takes over everything the file defines; admin-owned fields stay as they are. */
    public final void apply(ChatbotDefinition definition) {
        ChatbotSettings s = definition.settings();
        this.code = definition.code();
        this.originalCode = definition.code();
        this.systemPrompt = definition.systemPrompt();
        this.description = s.description();
        this.isPublic = s.isPublic();
        this.allowedTables = s.allowedTables();
        this.allowedOperations = s.allowedOperations();
        this.allowedSchemas = s.allowedSchemas();
        this.allowedFunctions = s.allowedFunctions();
        this.maxToolResultBytes = s.maxToolResultBytes();
        this.httpAllowedDomains = s.httpAllowedDomains();
        this.tools = s.tools().stream().map(ChatbotTool::toolName).toList();
        this.knowledgeBases = s.knowledgeBases();
        this.maxTokens = s.maxTokens();
        this.temperature = s.temperature();
        this.providerName = s.provider();
        this.model = s.model();
        this.persistConversations = s.persistConversations();
        this.conversationTtlHours = s.conversationTtlHours();
        this.maxConversationTurns = s.maxTurns();
        this.maxIterations = s.maxIterations();
        this.rateLimitPerMinute = s.rateLimitPerMinute();
        this.dailyRequestLimit = s.dailyLimit();
        this.dailyTokenBudget = s.tokenBudget();
        this.allowUnauthenticated = s.allowUnauthenticated();
        this.ragMaxChunks = s.ragMaxChunks();
        this.ragSimilarityThreshold = s.ragSimilarityThreshold();
    }

    /** The chatbot as a chat turn uses it, with admin overrides applied. */
    public ChatbotDefinition definition() {
        ChatbotSettings settings = new ChatbotSettings(description, allowedTables, allowedOperations, allowedSchemas,
                allowedFunctions == null ? List.of() : allowedFunctions, maxToolResultBytes, maxTokens, temperature, persistConversations, conversationTtlHours, maxConversationTurns,
                rateLimitPerMinute, dailyRequestLimit, dailyTokenBudget, allowUnauthenticated, isPublic,
                httpAllowedDomains, knowledgeBases, ragMaxChunks, ragSimilarityThreshold, maxIterations, providerName, model,
                tools.stream().map(t -> ChatbotTool.byName(t).orElseThrow()).toList());
        return new ChatbotDefinition(id, namespace, name, code, systemPrompt, settings, providerId);
    }

    public void markUpdated() {
        version++;
    }

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String description() {
        return description;
    }

    public String code() {
        return code;
    }

    public String originalCode() {
        return originalCode;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isPublic() {
        return isPublic;
    }

    public void setPublic(boolean isPublic) {
        this.isPublic = isPublic;
    }

    public List<String> allowedTables() {
        return allowedTables;
    }

    public List<String> allowedOperations() {
        return allowedOperations;
    }

    public List<String> allowedSchemas() {
        return allowedSchemas;
    }

    public List<String> allowedFunctions() {
        return allowedFunctions;
    }

    public Integer maxToolResultBytes() {
        return maxToolResultBytes;
    }

    public List<String> httpAllowedDomains() {
        return httpAllowedDomains;
    }

    public List<String> tools() {
        return tools;
    }

    public List<String> knowledgeBases() {
        return knowledgeBases;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public BigDecimal temperature() {
        return temperature;
    }

    public void setTemperature(BigDecimal temperature) {
        this.temperature = temperature;
    }

    public UUID providerId() {
        return providerId;
    }

    public void setProviderId(UUID providerId) {
        this.providerId = providerId;
    }

    public String providerName() {
        return providerName;
    }

    public String model() {
        return model;
    }

    public boolean persistConversations() {
        return persistConversations;
    }

    public void setPersistConversations(boolean persistConversations) {
        this.persistConversations = persistConversations;
    }

    public int conversationTtlHours() {
        return conversationTtlHours;
    }

    public void setConversationTtlHours(int conversationTtlHours) {
        this.conversationTtlHours = conversationTtlHours;
    }

    public int maxConversationTurns() {
        return maxConversationTurns;
    }

    public void setMaxConversationTurns(int maxConversationTurns) {
        this.maxConversationTurns = maxConversationTurns;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public int dailyRequestLimit() {
        return dailyRequestLimit;
    }

    public void setDailyRequestLimit(int dailyRequestLimit) {
        this.dailyRequestLimit = dailyRequestLimit;
    }

    public int dailyTokenBudget() {
        return dailyTokenBudget;
    }

    public void setDailyTokenBudget(int dailyTokenBudget) {
        this.dailyTokenBudget = dailyTokenBudget;
    }

    public boolean allowUnauthenticated() {
        return allowUnauthenticated;
    }

    public void setAllowUnauthenticated(boolean allowUnauthenticated) {
        this.allowUnauthenticated = allowUnauthenticated;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public int ragMaxChunks() {
        return ragMaxChunks;
    }

    public BigDecimal ragSimilarityThreshold() {
        return ragSimilarityThreshold;
    }

    public int version() {
        return version;
    }

    public String source() {
        return source;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
