package dev.fluxbase.ai.chatbots.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.chatbots.entity.ParsedChatbot;
import dev.fluxbase.ai.chatbots.entity.DeclaredTool;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatbotFileParserTest {

    private final ChatbotFileParser parser = new ChatbotFileParser();

    private ChatbotDefinition parse(String code) throws ChatbotFileException {
        return parser.parse("chatbots/bot/index.ts", "default", "bot", code);
    }

    private ChatbotSettings settings(String... annotations) throws ChatbotFileException {
        StringBuilder code = new StringBuilder("/**\n * Title line\n *\n");
        for (String annotation : annotations) {
            code.append(" * @fluxbase:").append(annotation).append('\n');
        }
        return parse(code.append(" */\nexport default `prompt`\n").toString()).settings();
    }

    @Test
    void theGuidesExampleReadsEveryAnnotation() throws ChatbotFileException {
        ChatbotSettings s = settings("description Custom assistant", "allowed-tables products,orders,customers",
                "allowed-operations SELECT", "allowed-schemas public", "max-tokens 4096", "temperature 0.7",
                "persist-conversations true", "conversation-ttl 24", "max-turns 50", "rate-limit 20", "daily-limit 500",
                "token-budget 100000", "allow-unauthenticated false", "public true");
        assertThat(s.description()).isEqualTo("Custom assistant");
        assertThat(s.sqlAccess().allowedTables()).containsExactly("products", "orders", "customers");
        assertThat(s.sqlAccess().allowedOperations()).containsExactly("SELECT");
        assertThat(s.sqlAccess().allowedSchemas()).containsExactly("public");
        assertThat(s.modelChoice().maxTokens()).isEqualTo(4096);
        assertThat(s.modelChoice().temperature()).isEqualByComparingTo("0.7");
        assertThat(s.conversations().persist()).isTrue();
        assertThat(s.conversations().ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(s.conversations().maxTurns()).isEqualTo(50);
        assertThat(s.limits().perMinute()).isEqualTo(20);
        assertThat(s.limits().perDay()).isEqualTo(500);
        assertThat(s.limits().tokensPerDay()).isEqualTo(100000);
        assertThat(s.audience().allowUnauthenticated()).isFalse();
        assertThat(s.audience().isPublic()).isTrue();
    }

    @Test
    void defaultsAreTheGuides() throws ChatbotFileException {
        ChatbotSettings s = settings();
        assertThat(s.description()).isEqualTo("Title line");
        assertThat(s.sqlAccess().allowedTables()).containsExactly("*");
        assertThat(s.sqlAccess().allowedOperations()).containsExactly("SELECT");
        assertThat(s.sqlAccess().allowedSchemas()).containsExactly("public");
        assertThat(s.modelChoice().maxTokens()).isEqualTo(4096);
        assertThat(s.modelChoice().temperature()).isEqualByComparingTo(new BigDecimal("0.7"));
        assertThat(s.conversations().persist()).isFalse();
        assertThat(s.conversations().ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(s.conversations().maxTurns()).isEqualTo(50);
        assertThat(s.limits().perMinute()).isEqualTo(10);
        assertThat(s.limits().perDay()).isEqualTo(100);
        assertThat(s.limits().tokensPerDay()).isEqualTo(50000);
        assertThat(s.audience().allowUnauthenticated()).isFalse();
        assertThat(s.audience().isPublic()).isTrue();
        assertThat(s.webAccess().allowedDomains()).isEmpty();
        assertThat(s.retrieval().knowledgeBases()).isEmpty();
        assertThat(s.retrieval().maxChunks()).isEqualTo(5);
        assertThat(s.retrieval().similarityThreshold()).isEqualByComparingTo("0.7");
        assertThat(s.toolUse().maxIterations()).isEqualTo(5);
        assertThat(s.toolUse().tools()).containsExactly(ChatbotTool.EXECUTE_SQL);
        assertThat(s.sqlAccess().allowedFunctions()).isEmpty();
        assertThat(s.toolUse().maxResultBytes()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rate-limit 20|rate-limit 20/min",
            "token-budget 100000|token-budget 100000/day",
            "conversation-ttl 24|conversation-ttl 24h",
            "daily-limit 500|daily-limit 500/day"})
    void bothSpellingsMeanTheSame(String guide, String fluxbase) throws ChatbotFileException {
        assertThat(settings(guide)).isEqualTo(settings(fluxbase));
    }

    @Test
    void trailingCommentsAfterAValueAreIgnored() throws ChatbotFileException {
        assertThat(settings("rate-limit 20        # 20 requests per minute").limits().perMinute()).isEqualTo(20);
    }

    @Test
    void knowledgeBasesAddUpAcrossLinesAndCommas() throws ChatbotFileException {
        assertThat(settings("knowledge-base product-docs", "knowledge-base faq, manuals").retrieval().knowledgeBases())
                .containsExactly("product-docs", "faq", "manuals");
    }

    @Test
    void httpDomainsBringTheHttpTool() throws ChatbotFileException {
        ChatbotSettings s = settings("http-allowed-domains api.example.com, data.weather.gov");
        assertThat(s.webAccess().allowedDomains()).containsExactly("api.example.com", "data.weather.gov");
        assertThat(s.toolUse().tools()).containsExactly(ChatbotTool.EXECUTE_SQL, ChatbotTool.HTTP_GET);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "temperature 2.5|@fluxbase:temperature must be between 0 and 2, got 2.5",
            "rate-limit -1|@fluxbase:rate-limit must be at least 0, got -1",
            "max-tokens 0|@fluxbase:max-tokens must be at least 1, got 0",
            "public maybe|@fluxbase:public expected true or false, got 'maybe'",
            "rate-limit 20/hour|@fluxbase:rate-limit expected a whole number",
            "allowed-operations DROP|@fluxbase:allowed-operations at least one operation is required"})
    void outOfRangeValuesAreErrorsNamingFileAndLine(String annotation, String reason) {
        assertThatThrownBy(() -> settings(annotation))
                .isInstanceOf(ChatbotFileException.class)
                .hasMessageStartingWith("chatbots/bot/index.ts:4: " + reason);
    }

    @Test
    void thePromptIsTheTemplateLiteralWithEscapesDecodedAndPlaceholdersKept() throws ChatbotFileException {
        ChatbotDefinition bot = parse("/** Bot */\nexport default `Use \\`code\\` and ${ {a: '}'}.a } for {{user_id}}`;\n");
        assertThat(bot.systemPrompt()).isEqualTo("Use `code` and ${ {a: '}'}.a } for {{user_id}}");
    }

    @Test
    void crlfFilesParseLikeLfFiles() throws ChatbotFileException {
        String lf = "/**\n * Bot\n * @fluxbase:max-tokens 100\n */\nexport default `line one\nline two`\n";
        ChatbotDefinition fromCrlf = parse(lf.replace("\n", "\r\n"));
        assertThat(fromCrlf.systemPrompt()).isEqualTo("line one\nline two");
        assertThat(fromCrlf.settings()).isEqualTo(parse(lf).settings());
    }

    @Test
    void aMissingExportDefaultIsAnError() {
        assertThatThrownBy(() -> parse("/** Bot */\nconst prompt = `x`\n"))
                .hasMessageContaining("missing `export default`");
    }

    @Test
    void exportDefaultMustBeATemplateLiteral() {
        assertThatThrownBy(() -> parse("/** Bot */\nexport default \"plain\"\n"))
                .hasMessage("chatbots/bot/index.ts:2: `export default` must be a template literal (backticks) holding the system prompt");
    }

    @Test
    void toolsAreReadFromObjectDeclarationsAndPlainNames() throws ChatbotFileException {
        String objects = "/** Bot */\nexport default `p`\nexport const tools = [\n  { name: \"http_get\", parameters: { properties: { name: { type: \"string\" } } } },\n"
                + "  { \"name\": \"execute_sql\" },\n]\n";
        assertThat(parse(objects).settings().toolUse().tools()).containsExactly(ChatbotTool.HTTP_GET, ChatbotTool.EXECUTE_SQL);
        assertThat(parse("/** Bot */\nexport default `p`\nexport const tools = ['http_get']\n").settings().toolUse().tools())
                .containsExactly(ChatbotTool.HTTP_GET);
    }

    @Test
    void aToolThatIsNotBuiltInNeedsAnMcpServerOtherwiseItIsAWarningOnItsLine() throws ChatbotFileException {
        ParsedChatbot bot = new ChatbotFileParser().read("chatbots/bot/index.ts", "default", "bot",
                "/** Bot */\nexport default `p`\nexport const tools = [\n  { name: \"rm_rf\" },\n]\n");
        assertThat(bot.definition().settings().toolUse().tools()).isEmpty();
        assertThat(bot.definition().settings().toolUse().customTools()).isEmpty();
        assertThat(bot.warnings()).extracting(Object::toString).containsExactly("chatbots/bot/index.ts:4: export const tools: 'rm_rf' is not "
                + "a built-in tool and the chatbot names no @fluxbase:mcp-servers to run it, not offered");
    }

    @Test
    void aDeclaredToolKeepsItsDescriptionAndSchemaForTheMcpServerThatRunsIt() throws ChatbotFileException {
        ChatbotDefinition bot = parse("""
                /**
                 * Weather
                 * @fluxbase:mcp-servers weather
                 */
                export default `p`
                export const tools = [
                  "execute_sql",
                  // OpenAI's shape
                  { type: 'function', function: { name: 'get_weather', description: `Weather of a city`,
                      parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"], }, }, },
                  { name: "get_forecast" },
                ] as const
                """);
        assertThat(bot.settings().toolUse().tools()).containsExactly(ChatbotTool.EXECUTE_SQL);
        assertThat(bot.settings().toolUse().mcpServers()).containsExactly("weather");
        assertThat(bot.settings().toolUse().customTools()).containsExactly(
                new DeclaredTool("get_weather", "Weather of a city",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"),
                DeclaredTool.named("get_forecast"));
    }

    @Test
    void aDeclarationThatCannotBeReadAsALiteralStillGivesItsNamesWithAWarning() throws ChatbotFileException {
        ParsedChatbot bot = new ChatbotFileParser().read("chatbots/bot/index.ts", "default", "bot",
                "/** Bot */\nexport default `p`\nexport const tools = [\n  { name: \"http_get\", parameters: schema },\n]\n");
        assertThat(bot.definition().settings().toolUse().tools()).containsExactly(ChatbotTool.HTTP_GET);
        assertThat(bot.warnings()).extracting(Object::toString)
                .containsExactly("chatbots/bot/index.ts:4: export const tools: 'schema' is not a literal value; only the tool names are read");
    }

    @Test
    void annotationsInsideThePromptAreNotSettings() throws ChatbotFileException {
        ChatbotDefinition bot = parse("/** Bot */\nexport default `Say @fluxbase:max-tokens 5`\n");
        assertThat(bot.settings().modelChoice().maxTokens()).isEqualTo(4096);
        assertThat(List.of(bot.systemPrompt())).containsExactly("Say @fluxbase:max-tokens 5");
    }

    @Test
    void requiredRolesAreReadInEitherSpelling() throws ChatbotFileException {
        assertThat(settings("require-role sales, support,sales").audience().requireRoles()).containsExactly("sales", "support");
        assertThat(settings("require-roles finance").audience().requireRoles()).containsExactly("finance");
        assertThat(settings().audience().requireRoles()).isEmpty();
        assertThat(settings().audience().restricted()).isFalse();
    }

    @Test
    void everyOtherAnnotationIsRead() throws ChatbotFileException {
        ChatbotSettings s = settings("allow-unauthenticated true", "public false", "persist-conversations", "rag-max-chunks 8",
                "rag-similarity-threshold 0.55", "max-iterations 3", "provider azure-main", "model gpt-4o",
                "allowed-schemas public, sales", "allowed-operations select, insert", "conversation-ttl 7d");
        assertThat(s.audience().allowUnauthenticated()).isTrue();
        assertThat(s.audience().isPublic()).isFalse();
        assertThat(s.conversations().persist()).isTrue();
        assertThat(s.retrieval().maxChunks()).isEqualTo(8);
        assertThat(s.retrieval().similarityThreshold()).isEqualByComparingTo("0.55");
        assertThat(s.toolUse().maxIterations()).isEqualTo(3);
        assertThat(s.modelChoice().provider()).isEqualTo("azure-main");
        assertThat(s.modelChoice().model()).isEqualTo("gpt-4o");
        assertThat(s.sqlAccess().allowedSchemas()).containsExactly("public", "sales");
        assertThat(s.sqlAccess().allowedOperations()).containsExactly("SELECT", "INSERT");
        assertThat(s.conversations().ttl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theSqlToolsBoundsAreRead() throws ChatbotFileException {
        ChatbotSettings s = settings("allowed-functions public.order_total, reporting.top_customers", "max-tool-result-bytes 4096");
        assertThat(s.sqlAccess().allowedFunctions()).containsExactly("public.order_total", "reporting.top_customers");
        assertThat(s.toolUse().maxResultBytes()).isEqualTo(4096);
        assertThatThrownBy(() -> settings("max-tool-result-bytes 10")).isInstanceOf(ChatbotFileException.class)
                .hasMessageContaining("max-tool-result-bytes must be at least 256");
    }

    @Test
    void theSensitiveColumnsAreReadAndABadOneRefusesTheFile() throws ChatbotFileException {
        assertThat(settings("sensitive-columns users.email, crm.contacts.phone:tel").sqlAccess().sensitiveColumns())
                .containsExactly("users.email", "crm.contacts.phone:tel");
        assertThat(settings().sqlAccess().sensitiveColumns()).isEmpty();
        assertThatThrownBy(() -> settings("sensitive-columns email")).isInstanceOf(ChatbotFileException.class)
                .hasMessageContaining("'email' is not table.column or schema.table.column");
    }

    @Test
    void aStarInTheTableListMeansEveryTable() throws ChatbotFileException {
        assertThat(settings("allowed-tables *").sqlAccess().allowedTables()).containsExactly("*");
        assertThat(settings("allowed-tables orders, *").sqlAccess().allowsEveryTable()).isTrue();
        assertThat(settings("allowed-tables orders").sqlAccess().allowsEveryTable()).isFalse();
    }

    @Test
    void theFirstOfARepeatedSingleValueAnnotationCounts() throws ChatbotFileException {
        assertThat(settings("max-tokens 100", "max-tokens 200").modelChoice().maxTokens()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rag-similarity-threshold 1.5|@fluxbase:rag-similarity-threshold must be between 0 and 1, got 1.5",
            "conversation-ttl 30 minutes|@fluxbase:conversation-ttl expected hours such as 24, days such as 7d or a duration such as 30m",
            "temperature warm|@fluxbase:temperature expected a number, got 'warm'",
            "max-turns 99999999999|@fluxbase:max-turns number too large",
            "conversation-ttl 99999999d|@fluxbase:conversation-ttl too long",
            "conversation-ttl 0h|@fluxbase:conversation-ttl must be at least 1 second, got '0h'",
            "max-tool-result-bytes 255|@fluxbase:max-tool-result-bytes must be at least 256, got 255",
            "allowed-operations|@fluxbase:allowed-operations at least one operation is required"})
    void moreBadValues(String annotation, String reason) {
        assertThatThrownBy(() -> settings(annotation)).hasMessageStartingWith("chatbots/bot/index.ts:4: " + reason);
    }

    @Test
    void anUnterminatedPromptIsAnError() {
        assertThatThrownBy(() -> parse("/** Bot */\nexport default `never closed\n"))
                .hasMessage("chatbots/bot/index.ts:2: unterminated template literal after `export default`");
    }

    @Test
    void theDescriptionFallsBackToTheFirstFreeLine() throws ChatbotFileException {
        assertThat(parse("/**\n * \n * First line\n * second line\n */\nexport default `p`").settings().description()).isEqualTo("First line");
        assertThat(parse("export default `p`").settings().description()).isEmpty();
    }
}
