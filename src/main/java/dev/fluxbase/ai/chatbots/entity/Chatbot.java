package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A stored chatbot. Its settings come from the file's annotations (and admin overrides), each part an
 * {@code @Embedded} value object over the columns it always had; {@code enabled} and {@code providerId}
 * belong to admins and survive reloads and syncs.
 */
@Entity
@Table(name = "chatbots", schema = "ai")
@NamedQuery(name = Chatbot.ALL, query = "SELECT c FROM Chatbot c ORDER BY c.namespace, c.name")
@NamedQuery(name = Chatbot.IN_NAMESPACE, query = "SELECT c FROM Chatbot c WHERE c.namespace = :namespace ORDER BY c.name")
@NamedQuery(name = Chatbot.IDENTIFIED, query = "SELECT c FROM Chatbot c WHERE c.namespace = :namespace AND c.name = :name")
@NamedQuery(name = Chatbot.BY_NAME, query = "SELECT c FROM Chatbot c WHERE c.name = :name ORDER BY c.namespace")
@NamedQuery(name = Chatbot.PUBLISHED, query = "SELECT c FROM Chatbot c WHERE c.enabled = true AND c.audience.isPublic = true ORDER BY c.namespace, c.name")
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
    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "provider_id")
    private UUID providerId;
    @Embedded
    private ModelChoice modelChoice;
    @Embedded
    private SqlAccess sqlAccess;
    @Embedded
    private WebAccess webAccess;
    @Embedded
    private ToolUse toolUse;
    @Embedded
    private ConversationPolicy conversations;
    @Embedded
    private UsageLimits limits;
    @Embedded
    private Retrieval retrieval;
    @Embedded
    private Audience audience;
    @Embedded
    private QueryRules queryRules;
    @Embedded
    private AnswerStyle answerStyle;
    @Embedded
    private RequiredSettings requiredSettings;
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
        this.version = definition.settings().fileVersion();
        apply(definition);
    }

    /** Takes over everything the file defines; admin-owned fields stay as they are. */
    public final void apply(ChatbotDefinition definition) {
        ChatbotSettings s = definition.settings();
        this.code = definition.code();
        this.originalCode = definition.code();
        this.systemPrompt = definition.systemPrompt();
        this.description = s.description();
        this.modelChoice = s.modelChoice();
        this.sqlAccess = s.sqlAccess();
        this.webAccess = s.webAccess();
        this.toolUse = s.toolUse();
        this.conversations = s.conversations();
        this.limits = s.limits();
        this.retrieval = s.retrieval();
        this.audience = s.audience();
        this.queryRules = s.queryRules();
        this.answerStyle = s.answerStyle();
        this.requiredSettings = s.requiredSettings();
    }

    /** The chatbot as a chat turn uses it, with admin overrides applied. */
    public ChatbotDefinition definition() {
        ChatbotSettings settings = ChatbotSettings.builder().description(description).modelChoice(modelChoice).sqlAccess(sqlAccess)
                .webAccess(webAccess).toolUse(toolUse).conversations(conversations).limits(limits).retrieval(retrieval).audience(audience)
                .queryRules(queryRules()).answerStyle(answerStyle).requiredSettings(requiredSettings()).fileVersion(version).build();
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

    public UUID providerId() {
        return providerId;
    }

    public void setProviderId(UUID providerId) {
        this.providerId = providerId;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public ModelChoice modelChoice() {
        return modelChoice;
    }

    public SqlAccess sqlAccess() {
        return sqlAccess;
    }

    public WebAccess webAccess() {
        return webAccess;
    }

    public ToolUse toolUse() {
        return toolUse;
    }

    public ConversationPolicy conversations() {
        return conversations;
    }

    public UsageLimits limits() {
        return limits;
    }

    public Retrieval retrieval() {
        return retrieval;
    }

    public Audience audience() {
        return audience;
    }

    /** EclipseLink reads an embedded value whose columns are all null as null: no rules. */
    public QueryRules queryRules() {
        return queryRules == null ? QueryRules.defaults() : queryRules;
    }

    public AnswerStyle answerStyle() {
        return answerStyle;
    }

    public RequiredSettings requiredSettings() {
        return requiredSettings == null ? RequiredSettings.defaults() : requiredSettings;
    }

    // What admins may change: each replaces a part with a changed copy.

    public void setPublic(boolean isPublic) {
        audience = audience.withPublic(isPublic);
    }

    public void setAllowUnauthenticated(boolean allowUnauthenticated) {
        audience = audience.withAllowUnauthenticated(allowUnauthenticated);
    }

    public void setRequireRoles(List<String> requireRoles) {
        audience = audience.withRequireRoles(requireRoles);
    }

    public void setMaxTokens(int maxTokens) {
        modelChoice = modelChoice.withMaxTokens(maxTokens);
    }

    public void setTemperature(BigDecimal temperature) {
        modelChoice = modelChoice.withTemperature(temperature);
    }

    public void setPersistConversations(boolean persistConversations) {
        conversations = conversations.withPersist(persistConversations);
    }

    public void setConversationTtl(Duration ttl) {
        conversations = conversations.withTtl(ttl);
    }

    public void setMaxConversationTurns(int maxConversationTurns) {
        conversations = conversations.withMaxTurns(maxConversationTurns);
    }

    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        limits = limits.withPerMinute(rateLimitPerMinute);
    }

    public void setDailyRequestLimit(int dailyRequestLimit) {
        limits = limits.withPerDay(dailyRequestLimit);
    }

    public void setDailyTokenBudget(int dailyTokenBudget) {
        limits = limits.withTokensPerDay(dailyTokenBudget);
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
