package dev.fluxbase.ai.chatbots.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.chatbots.control.ChatbotFileParser;
import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import jakarta.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The admin JSON of a chatbot, key by key and in order, as the SDK reads it. */
class ChatbotJsonTest {

    private static Chatbot chatbot(String... annotations) throws ChatbotFileException {
        StringBuilder code = new StringBuilder("/**\n * Orders bot\n");
        for (String annotation : annotations) {
            code.append(" * @fluxbase:").append(annotation).append('\n');
        }
        code.append(" */\nexport default `prompt`\n");
        return new Chatbot(new ChatbotFileParser().parse("chatbots/bot/index.ts", "sales", "bot", code.toString()), Chatbot.Source.api);
    }

    /** The random id and the file's code are replaced by placeholders. */
    private static String full(Chatbot chatbot) {
        return ChatbotJson.full(chatbot).toString().replace(chatbot.id().toString(), "ID")
                .replace(Json.createValue(chatbot.code()).toString(), "CODE");
    }

    @Test
    void everySettingHasItsKeyInItsPlace() throws ChatbotFileException {
        Chatbot bot = chatbot("allowed-tables orders, customers", "allowed-operations select, insert", "allowed-schemas public, sales",
                "allowed-functions sales.total", "sensitive-columns customers.email:email, sales.customers.phone", "max-tool-result-bytes 4096", "max-tokens 900", "temperature 0.25",
                "persist-conversations", "conversation-ttl 2d", "max-turns 7", "rate-limit 3/min", "daily-limit 40", "token-budget 5000",
                "allow-unauthenticated", "public false", "require-role sales, support", "http-allowed-domains api.example.com", "knowledge-base faq, docs",
                "rag-max-chunks 9", "rag-similarity-threshold 0.55", "max-iterations 4", "provider azure", "model gpt-4o",
                "required-settings company.name, weather.api_key");
        assertThat(full(bot)).isEqualTo("{\"id\":\"ID\",\"name\":\"bot\",\"namespace\":\"sales\",\"description\":\"Orders bot\","
                + "\"model\":\"gpt-4o\",\"enabled\":true,\"is_public\":false,\"allowed_tables\":[\"orders\",\"customers\"],"
                + "\"allowed_operations\":[\"SELECT\",\"INSERT\"],\"allowed_schemas\":[\"public\",\"sales\"],"
                + "\"allowed_functions\":[\"sales.total\"],\"sensitive_columns\":[\"customers.email:email\",\"sales.customers.phone\"],\"version\":1,\"source\":\"api\",\"created_at\":\"\",\"updated_at\":\"\","
                + "\"code\":CODE,\"original_code\":CODE,\"is_bundled\":false,\"max_tokens\":900,\"temperature\":0.25,"
                + "\"persist_conversations\":true,\"conversation_ttl_hours\":48,\"max_conversation_turns\":7,\"rate_limit_per_minute\":3,"
                + "\"daily_request_limit\":40,\"daily_token_budget\":5000,\"allow_unauthenticated\":true,"
                + "\"require_roles\":[\"sales\",\"support\"],\"required_settings\":[\"company.name\",\"weather.api_key\"],\"http_allowed_domains\":[\"api.example.com\"],\"tools\":[\"execute_sql\",\"http_get\"],\"knowledge_bases\":[\"faq\",\"docs\"],"
                + "\"rag_max_chunks\":9,\"rag_similarity_threshold\":0.55,\"max_tool_iterations\":4,\"max_tool_result_bytes\":4096,"
                + "\"provider\":\"azure\",\"warnings\":[]}");
    }

    @Test
    void theDefaultsAndAdminChangesLeaveOutWhatIsNotSet() throws ChatbotFileException {
        Chatbot bot = chatbot();
        bot.setTemperature(new BigDecimal("1.50"));
        bot.setRateLimitPerMinute(0);
        assertThat(full(bot)).isEqualTo("{\"id\":\"ID\",\"name\":\"bot\",\"namespace\":\"sales\",\"description\":\"Orders bot\","
                + "\"enabled\":true,\"is_public\":true,\"allowed_tables\":[\"*\"],\"allowed_operations\":[\"SELECT\"],"
                + "\"allowed_schemas\":[\"public\"],\"allowed_functions\":[],\"sensitive_columns\":[],\"version\":1,\"source\":\"api\",\"created_at\":\"\","
                + "\"updated_at\":\"\",\"code\":CODE,\"original_code\":CODE,\"is_bundled\":false,\"max_tokens\":4096,\"temperature\":1.50,"
                + "\"persist_conversations\":false,\"conversation_ttl_hours\":24,\"max_conversation_turns\":50,\"rate_limit_per_minute\":0,"
                + "\"daily_request_limit\":100,\"daily_token_budget\":50000,\"allow_unauthenticated\":false,\"require_roles\":[],\"required_settings\":[],"
                + "\"http_allowed_domains\":[],"
                + "\"tools\":[\"execute_sql\"],\"knowledge_bases\":[],\"rag_max_chunks\":5,\"rag_similarity_threshold\":0.7,"
                + "\"max_tool_iterations\":5,\"warnings\":[]}");
    }
}
