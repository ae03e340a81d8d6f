package dev.fluxbase.ai.chatbots.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.chatbots.entity.IntentRule;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import dev.fluxbase.ai.chatbots.entity.ParsedChatbot;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Chatbot files that use every annotation Fluxbase's parser knows ({@code internal/ai/chatbot.go}), in the value forms
 * its parser tests use: each is read with Fluxbase's meaning, or reported (a warning with its line, or an error that
 * keeps the chatbot from loading), never dropped silently.
 */
class FluxbaseAnnotationParityTest {

    /** The annotations of Fluxbase's parser, as its patterns name them, plus {@code description} and {@code require-role}. */
    private static final Set<String> FLUXBASE_ANNOTATIONS = Set.of("allowed-tables", "allowed-operations", "allowed-schemas",
            "http-allowed-domains", "max-tokens", "temperature", "model", "persist-conversations", "conversation-ttl", "max-turns",
            "rate-limit", "daily-limit", "token-budget", "allow-unauthenticated", "public", "version", "intent-rules", "required-columns",
            "default-table", "knowledge-base", "rag-max-chunks", "rag-similarity-threshold", "rag-table", "rag-column",
            "rag-content-column", "response-language", "disable-execution-logs", "required-settings", "mcp-tools", "use-mcp-schema",
            "reasoning-mode", "max-iterations", "show-reasoning");

    private static final Path FIXTURES = Path.of("src/test/resources/parity");

    private static ParsedChatbot read(String file) throws ChatbotFileException, IOException {
        return new ChatbotFileParser().read(file, "default", file.replace(".ts", ""), Files.readString(FIXTURES.resolve(file)));
    }

    @Test
    void theFixturesTogetherUseEveryAnnotationFluxbaseKnows() throws IOException {
        Pattern annotation = Pattern.compile("@fluxbase:([a-z-]+)");
        Set<String> used = new HashSet<>();
        for (String file : List.of("honoured.ts", "warned.ts", "refused.ts")) {
            Matcher matcher = annotation.matcher(Files.readString(FIXTURES.resolve(file)));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).containsAll(FLUXBASE_ANNOTATIONS);
    }

    @Test
    void everyHonouredAnnotationHasFluxbasesMeaning() throws Exception {
        ParsedChatbot parsed = read("honoured.ts");
        ChatbotSettings s = parsed.definition().settings();

        assertThat(s.sqlAccess().allowedTables()).containsExactly("my_trips", "my_place_visits", "my_poi_summary");
        assertThat(s.sqlAccess().allowedOperations()).containsExactly("SELECT", "INSERT", "UPDATE", "DELETE");
        assertThat(s.sqlAccess().allowedSchemas()).containsExactly("public", "app");
        assertThat(s.webAccess().allowedDomains()).containsExactly("api.example.com", "data.example.org");
        assertThat(s.toolUse().tools()).containsExactly(ChatbotTool.EXECUTE_SQL, ChatbotTool.QUERY_TABLE, ChatbotTool.INSERT_RECORD,
                ChatbotTool.UPDATE_RECORD, ChatbotTool.DELETE_RECORD, ChatbotTool.SEARCH_VECTORS, ChatbotTool.HTTP_REQUEST, ChatbotTool.THINK);
        assertThat(s.modelChoice().maxTokens()).isEqualTo(8192);
        assertThat(s.modelChoice().temperature()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(s.modelChoice().model()).isEqualTo("gpt-4-turbo");
        assertThat(s.conversations().persist()).isTrue();
        assertThat(s.conversations().ttl()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.conversations().maxTurns()).isEqualTo(100);
        assertThat(s.limits().perMinute()).isEqualTo(30);
        assertThat(s.limits().perDay()).isEqualTo(1000);
        assertThat(s.limits().tokensPerDay()).isEqualTo(500_000);
        assertThat(s.audience().allowUnauthenticated()).isTrue();
        assertThat(s.audience().isPublic()).isFalse();
        assertThat(s.audience().requireRoles()).containsExactly("planner");
        assertThat(s.fileVersion()).isEqualTo(3);
        assertThat(s.queryRules().intentRules()).containsExactly(
                new IntentRule(List.of("restaurant", "cafe"), "my_place_visits", "my_trips", null, null),
                new IntentRule(List.of("weather"), null, null, "http_get", "execute_sql"));
        assertThat(s.queryRules().requiredColumns()).isEqualTo(Map.of("my_trips", List.of("id", "title", "image_url"),
                "my_place_visits", List.of("poi_name", "city"), "my_poi_summary", List.of("category", "count")));
        assertThat(s.queryRules().defaultTable()).isEqualTo("my_place_visits");
        assertThat(s.retrieval().knowledgeBases()).containsExactly("docs-base", "faq-base");
        assertThat(s.retrieval().maxChunks()).isEqualTo(10);
        assertThat(s.retrieval().similarityThreshold()).isEqualByComparingTo(new BigDecimal("0.8"));
        assertThat(s.answerStyle().responseLanguage()).isEqualTo("Deutsch");
        assertThat(s.toolUse().executionLogs()).isFalse();
        assertThat(s.answerStyle().reasoningMode()).isEqualTo("react");
        assertThat(s.answerStyle().showReasoning()).isTrue();
        assertThat(s.toolUse().maxIterations()).isEqualTo(10);
        assertThat(s.requiredSettings().keys()).containsExactly("openai.api_key", "stripe.endpoint");
        assertThat(parsed.warnings()).extracting(LoadWarning::message).containsExactly(
                "@fluxbase:mcp-tools invoke_function needs Fluxbase's edge functions, which this server does not have: not offered");
    }

    @Test
    void whatIsNotHonouredIsAWarningOnItsLine() throws Exception {
        ParsedChatbot parsed = read("warned.ts");

        Map<Integer, String> byLine = parsed.warnings().stream().collect(Collectors.toMap(LoadWarning::line, LoadWarning::message));
        assertThat(byLine).containsOnlyKeys(6, 7, 8, 9, 10);
        assertThat(byLine.get(6)).contains("@fluxbase:rag-table").contains("not supported");
        assertThat(byLine.get(9)).contains("@fluxbase:use-mcp-schema");
        assertThat(byLine.get(10)).isEqualTo("@fluxbase:allowed-operations CREATE is never run by this server (only SELECT, INSERT, UPDATE, DELETE), ignored");
        ChatbotSettings s = parsed.definition().settings();
        assertThat(s.sqlAccess().allowedOperations()).containsExactly("SELECT");
        assertThat(s.conversations().ttl()).isEqualTo(Duration.ofHours(48));
        assertThat(s.toolUse().executionLogs()).isTrue();
        assertThat(s.answerStyle().thinksFirst()).isFalse();
    }

    @Test
    void whatWouldRunMoreOpenlyIfIgnoredKeepsTheChatbotFromLoading() {
        assertThatThrownBy(() -> read("refused.ts")).isInstanceOf(ChatbotFileException.class)
                .hasMessageStartingWith("refused.ts:4: @fluxbase:rate-limit outside the leading doc comment");
    }

    @Test
    void fluxbaseMcpToolsReplaceTheDefaultToolsAndWritingToolsNeedTheirOperation() throws ChatbotFileException {
        ParsedChatbot parsed = new ChatbotFileParser().read("bot.ts", "default", "bot",
                "/**\n * Bot\n * @fluxbase:mcp-tools query_table,insert_record,think\n */\nexport default `p`\n");
        assertThat(parsed.definition().settings().toolUse().tools()).containsExactly(ChatbotTool.QUERY_TABLE, ChatbotTool.THINK);
        assertThat(parsed.warnings()).extracting(LoadWarning::message).containsExactly(
                "insert_record runs INSERT, which @fluxbase:allowed-operations (SELECT) does not allow: not offered");
        assertThat(settings("mcp-tools vector_search, http_request").toolUse().tools())
                .containsExactly(ChatbotTool.VECTOR_SEARCH, ChatbotTool.HTTP_REQUEST);
    }

    @Test
    void eachValueFormIsReadTheWayFluxbaseReadsIt() throws ChatbotFileException {
        assertThat(settings("disable-execution-logs true").toolUse().executionLogs()).isFalse();
        assertThat(settings("disable-execution-logs").toolUse().executionLogs()).isFalse();
        assertThat(settings("disable-execution-logs false").toolUse().executionLogs()).isTrue();
        assertThat(settings("response-language auto").answerStyle().responseLanguage()).isEqualTo("auto");
        assertThat(settings("response-language de").answerStyle().responseLanguage()).isEqualTo("de");
        assertThat(settings("reasoning-mode strict").answerStyle().reasoningMode()).isEqualTo("strict");
        assertThat(settings("conversation-ttl 30m").conversations().ttl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings("required-columns users=id,email,name orders=id,total,status").queryRules().requiredColumns())
                .containsOnlyKeys("users", "orders");
        assertThat(settings("allowed-operations select,insert").sqlAccess().allowedOperations()).containsExactly("SELECT", "INSERT");
        assertThatThrownBy(() -> settings("intent-rules not-valid-json")).hasMessageContaining("expected a JSON array of rules");
        assertThatThrownBy(() -> settings("intent-rules [{\"keywords\":[\"x\"],\"forbidenTable\":\"t\"}]")).hasMessageContaining("unknown field 'forbidenTable'");
        assertThatThrownBy(() -> settings("reasoning-mode deep")).hasMessageContaining("expected one of none, react, strict");
        assertThatThrownBy(() -> settings("required-columns orders")).hasMessageContaining("expected table=column,column");
        assertThatThrownBy(() -> settings("allowed-operations DROP")).hasMessageContaining("at least one operation is required");
        assertThat(settings("required-settings pelias.endpoint, google.maps.api_key").requiredSettings().keys())
                .containsExactly("pelias.endpoint", "google.maps.api_key");
        assertThatThrownBy(() -> settings("required-settings user:token")).hasMessageContaining("@fluxbase:required-settings 'user:token' is not a setting key");
    }

    private static ChatbotSettings settings(String annotation) throws ChatbotFileException {
        return new ChatbotFileParser().parse("bot.ts", "default", "bot", "/**\n * Bot\n * @fluxbase:" + annotation + "\n */\nexport default `p`\n")
                .settings();
    }
}
