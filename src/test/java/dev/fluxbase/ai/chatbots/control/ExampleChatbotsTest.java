package dev.fluxbase.ai.chatbots.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.ChatbotSource;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.chatbots.entity.ParsedChatbot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example chatbots shipped in chatbots/ all load, with the tools they are meant to have. */
class ExampleChatbotsTest {

    @Test
    void everyExampleParses() throws ChatbotFileException {
        ChatbotDirectory.Contents contents = ChatbotDirectory.read(Path.of("chatbots"));
        assertThat(contents.errors()).isEmpty();
        List<ChatbotDefinition> parsed = new ArrayList<>();
        for (ChatbotSource source : contents.sources()) {
            ParsedChatbot read = new ChatbotFileParser().read(source.origin(), source.namespace(), source.name(), source.code());
            assertThat(read.warnings()).as(source.origin()).isEmpty();
            parsed.add(read.definition());
        }
        assertThat(parsed).extracting(ChatbotDefinition::qualifiedName)
                .containsExactly("default/sql-assistant", "default/support-assistant", "default/weather-assistant");
        assertThat(parsed.get(1).settings().retrieval().knowledgeBases()).containsExactly("product-docs", "faq");
        assertThat(parsed.get(2).settings().toolUse().tools()).containsExactly(ChatbotTool.EXECUTE_SQL, ChatbotTool.HTTP_GET);
        assertThat(parsed.get(2).settings().webAccess().allowedDomains()).containsExactly("api.openweathermap.org");
        assertThat(parsed.get(2).settings().requiredSettings().keys()).containsExactly("openweathermap.api_key");
    }

    @Test
    void namespacesComeFromDirectoriesAndHiddenOnesAreSkipped() {
        ChatbotDirectory.Contents contents = ChatbotDirectory.read(Path.of("src/test/resources/chatbots"));
        assertThat(contents.sources()).extracting(s -> s.namespace() + "/" + s.name())
                .contains("default/skeleton-bot", "analytics/skeleton-bot", "sales/reports", "syncfs/alpha");
        assertThat(ChatbotDirectory.read(Path.of("no/such/dir")).sources()).isEmpty();
    }
}
