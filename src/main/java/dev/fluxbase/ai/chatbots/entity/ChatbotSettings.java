package dev.fluxbase.ai.chatbots.entity;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a chatbot file's {@code @fluxbase:} annotations configure, with the guide's defaults.
 * An empty {@code allowedTables} never occurs: {@code *} is kept as the single entry {@code "*"}.
 * {@code allowedFunctions} lists functions beyond the built-in allow-list ({@code schema.name} or {@code name});
 * {@code maxToolResultBytes} is null when the server's default applies.
 */
public record ChatbotSettings(
        String description,
        List<String> allowedTables,
        List<String> allowedOperations,
        List<String> allowedSchemas,
        List<String> allowedFunctions,
        Integer maxToolResultBytes,
        int maxTokens,
        BigDecimal temperature,
        boolean persistConversations,
        int conversationTtlHours,
        int maxTurns,
        int rateLimitPerMinute,
        int dailyLimit,
        int tokenBudget,
        boolean allowUnauthenticated,
        boolean isPublic,
        List<String> httpAllowedDomains,
        List<String> knowledgeBases,
        int ragMaxChunks,
        BigDecimal ragSimilarityThreshold,
        int maxIterations,
        String provider,
        String model,
        List<ChatbotTool> tools) {

    public ChatbotSettings {
        allowedTables = List.copyOf(allowedTables);
        allowedOperations = List.copyOf(allowedOperations);
        allowedSchemas = List.copyOf(allowedSchemas);
        allowedFunctions = List.copyOf(allowedFunctions);
        httpAllowedDomains = List.copyOf(httpAllowedDomains);
        knowledgeBases = List.copyOf(knowledgeBases);
        tools = List.copyOf(tools);
    }

    public boolean allowsEveryTable() {
        return allowedTables.contains("*");
    }
}
