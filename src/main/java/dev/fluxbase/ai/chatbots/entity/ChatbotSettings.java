package dev.fluxbase.ai.chatbots.entity;

import java.util.Objects;

/**
 * Everything a chatbot file's {@code @fluxbase:} annotations configure, in parts that are read together.
 * Built with {@link #builder()}, which starts from the guide's defaults, so that no caller lists every part.
 */
public record ChatbotSettings(
        String description,
        ModelChoice modelChoice,
        SqlAccess sqlAccess,
        WebAccess webAccess,
        ToolUse toolUse,
        ConversationPolicy conversations,
        UsageLimits limits,
        Retrieval retrieval,
        Audience audience,
        QueryRules queryRules,
        AnswerStyle answerStyle,
        RequiredSettings requiredSettings,
        int fileVersion) {

    public ChatbotSettings {
        Objects.requireNonNull(modelChoice);
        Objects.requireNonNull(sqlAccess);
        Objects.requireNonNull(webAccess);
        Objects.requireNonNull(toolUse);
        Objects.requireNonNull(conversations);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(retrieval);
        Objects.requireNonNull(audience);
        Objects.requireNonNull(queryRules);
        Objects.requireNonNull(answerStyle);
        Objects.requireNonNull(requiredSettings);
    }

    /** The same settings with other allowed hosts: those a turn resolved from the settings the list names. */
    public ChatbotSettings withWebAccess(WebAccess web) {
        return new ChatbotSettings(description, modelChoice, sqlAccess, web, toolUse, conversations, limits, retrieval, audience, queryRules,
                answerStyle, requiredSettings, fileVersion);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from the defaults of each part. */
    public static final class Builder {

        private String description = "";
        private ModelChoice modelChoice = ModelChoice.defaults();
        private SqlAccess sqlAccess = SqlAccess.defaults();
        private WebAccess webAccess = WebAccess.defaults();
        private ToolUse toolUse = ToolUse.defaults();
        private ConversationPolicy conversations = ConversationPolicy.defaults();
        private UsageLimits limits = UsageLimits.defaults();
        private Retrieval retrieval = Retrieval.defaults();
        private Audience audience = Audience.defaults();
        private QueryRules queryRules = QueryRules.defaults();
        private AnswerStyle answerStyle = AnswerStyle.defaults();
        private RequiredSettings requiredSettings = RequiredSettings.defaults();
        private int fileVersion = 1;

        private Builder() {
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder modelChoice(ModelChoice modelChoice) {
            this.modelChoice = modelChoice;
            return this;
        }

        public Builder sqlAccess(SqlAccess sqlAccess) {
            this.sqlAccess = sqlAccess;
            return this;
        }

        public Builder webAccess(WebAccess webAccess) {
            this.webAccess = webAccess;
            return this;
        }

        public Builder toolUse(ToolUse toolUse) {
            this.toolUse = toolUse;
            return this;
        }

        public Builder conversations(ConversationPolicy conversations) {
            this.conversations = conversations;
            return this;
        }

        public Builder limits(UsageLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder retrieval(Retrieval retrieval) {
            this.retrieval = retrieval;
            return this;
        }

        public Builder audience(Audience audience) {
            this.audience = audience;
            return this;
        }

        public Builder queryRules(QueryRules queryRules) {
            this.queryRules = queryRules;
            return this;
        }

        public Builder answerStyle(AnswerStyle answerStyle) {
            this.answerStyle = answerStyle;
            return this;
        }

        public Builder requiredSettings(RequiredSettings requiredSettings) {
            this.requiredSettings = requiredSettings;
            return this;
        }

        /** {@code @fluxbase:version}: the version a new chatbot starts at (each change counts up from there). */
        public Builder fileVersion(int fileVersion) {
            this.fileVersion = Bounds.atLeast(1, fileVersion);
            return this;
        }

        public ChatbotSettings build() {
            return new ChatbotSettings(description, modelChoice, sqlAccess, webAccess, toolUse, conversations, limits, retrieval, audience,
                    queryRules, answerStyle, requiredSettings, fileVersion);
        }
    }
}
