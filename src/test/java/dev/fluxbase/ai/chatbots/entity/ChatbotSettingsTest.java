package dev.fluxbase.ai.chatbots.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatbotSettingsTest {

    private static ChatbotDefinition definition(ChatbotSettings settings) {
        return new ChatbotDefinition("default", "bot", "code", "prompt", settings);
    }

    @Test
    void everyPartSurvivesTheEntity() {
        ChatbotSettings settings = ChatbotSettings.builder()
                .description("Orders")
                .modelChoice(ModelChoice.defaults().withProvider("azure").withModel("gpt-4o").withTemperature(new BigDecimal("0.2")).withMaxTokens(900))
                .sqlAccess(SqlAccess.defaults().withAllowedTables(List.of("orders")).withAllowedOperations(List.of("select", "insert"))
                        .withAllowedSchemas(List.of("sales")).withAllowedFunctions(List.of("sales.total")))
                .webAccess(WebAccess.defaults().withAllowedDomains(List.of("api.example.com")))
                .toolUse(ToolUse.defaults().withTools(List.of(ChatbotTool.HTTP_GET)).withMaxIterations(3).withMaxResultBytes(4096))
                .conversations(ConversationPolicy.defaults().withPersist(true).withTtl(Duration.ofHours(48)).withMaxTurns(7))
                .limits(UsageLimits.defaults().withPerMinute(1).withPerDay(2).withTokensPerDay(3))
                .retrieval(Retrieval.defaults().withKnowledgeBases(List.of("faq")).withMaxChunks(9).withSimilarityThreshold(new BigDecimal("0.4")))
                .audience(Audience.defaults().withPublic(false).withAllowUnauthenticated(true))
                .build();
        assertThat(new Chatbot(definition(settings), Chatbot.Source.api).definition().settings()).isEqualTo(settings);
    }

    @Test
    void theBuilderStartsFromEachPartsDefaults() {
        ChatbotSettings settings = ChatbotSettings.builder().build();
        assertThat(settings.modelChoice()).isEqualTo(ModelChoice.defaults());
        assertThat(settings.modelChoice().maxTokens()).isEqualTo(4096);
        assertThat(settings.sqlAccess().allowsEveryTable()).isTrue();
        assertThat(settings.toolUse().tools()).containsExactly(ChatbotTool.EXECUTE_SQL);
        assertThat(settings.limits()).isEqualTo(UsageLimits.defaults());
        assertThat(settings.audience().isPublic()).isTrue();
    }

    @Test
    void aChangeIsACopyAndTheOriginalStays() {
        UsageLimits limits = UsageLimits.defaults();
        UsageLimits changed = limits.withPerDay(5);
        assertThat(limits.perDay()).isEqualTo(100);
        assertThat(changed.perDay()).isEqualTo(5);
        assertThat(changed.perMinute()).isEqualTo(limits.perMinute());
        assertThat(changed.tokensPerDay()).isEqualTo(limits.tokensPerDay());
    }

    @Test
    void eachPartRefusesValuesOutOfRange() {
        assertThatThrownBy(() -> ModelChoice.defaults().withMaxTokens(0)).hasMessage("must be at least 1, got 0");
        assertThatThrownBy(() -> ModelChoice.defaults().withTemperature(new BigDecimal("2.1"))).hasMessage("must be between 0 and 2, got 2.1");
        assertThatThrownBy(() -> UsageLimits.defaults().withTokensPerDay(-1)).hasMessage("must be at least 0, got -1");
        assertThatThrownBy(() -> ConversationPolicy.defaults().withTtl(Duration.ZERO)).hasMessage("must be at least 1, got 0");
        assertThatThrownBy(() -> ToolUse.defaults().withMaxResultBytes(255)).hasMessage("must be at least 256, got 255");
        assertThatThrownBy(() -> Retrieval.defaults().withSimilarityThreshold(new BigDecimal("1.01")))
                .hasMessage("must be between 0 and 1, got 1.01");
        assertThatThrownBy(() -> SqlAccess.defaults().withAllowedOperations(List.of("SELECT", "TRUNCATE")))
                .hasMessageStartingWith("unknown operation 'TRUNCATE'");
        assertThatThrownBy(() -> SqlAccess.defaults().withAllowedOperations(List.of())).hasMessage("at least one operation is required");
    }

    @Test
    void aStarOrNoTableMeansEveryTable() {
        assertThat(SqlAccess.defaults().withAllowedTables(List.of("orders", "*")).allowedTables()).containsExactly("*");
        assertThat(SqlAccess.defaults().withAllowedTables(List.of()).allowsEveryTable()).isTrue();
        assertThat(SqlAccess.defaults().withAllowedTables(List.of("orders")).allowsEveryTable()).isFalse();
    }

    @Test
    void adminChangesReplaceOnePartAndAReloadKeepsWhatAdminsOwn() {
        Chatbot chatbot = new Chatbot(definition(ChatbotSettings.builder().build()), Chatbot.Source.filesystem);
        UUID provider = UUID.randomUUID();
        chatbot.setEnabled(false);
        chatbot.setProviderId(provider);
        chatbot.setDailyTokenBudget(7);
        chatbot.setMaxConversationTurns(3);
        chatbot.setTemperature(BigDecimal.ONE);
        assertThat(chatbot.limits()).isEqualTo(UsageLimits.defaults().withTokensPerDay(7));
        assertThat(chatbot.conversations()).isEqualTo(ConversationPolicy.defaults().withMaxTurns(3));
        assertThat(chatbot.modelChoice().temperature()).isEqualTo(BigDecimal.ONE);

        chatbot.apply(definition(ChatbotSettings.builder().build()));
        assertThat(chatbot.limits()).isEqualTo(UsageLimits.defaults());
        assertThat(chatbot.enabled()).isFalse();
        assertThat(chatbot.providerId()).isEqualTo(provider);
    }
}
