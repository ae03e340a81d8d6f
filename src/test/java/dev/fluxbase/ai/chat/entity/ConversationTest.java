package dev.fluxbase.ai.chat.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.chatbots.control.ChatbotFileParser;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.Pseudonym;
import dev.fluxbase.ai.tools.sql.entity.PseudonymMerge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored conversation taken up again knows its stored pseudonyms; once a turn's are stored, its history names them as stored. */
class ConversationTest {

    private static final ChatIdentity ALICE = new ChatIdentity("alice", false, new DatabaseIdentity("authenticated", "alice", "authenticated", "{}"));
    private static final Pseudonym ANN = new Pseudonym("<email#1>", "email", "ann@example.com");

    @Test
    void aResumedConversationKeepsTheValuesOfItsStoredPseudonyms() throws ChatbotFileException {
        Conversation resumed = Conversation.resume("c-1", chatbot(), ALICE, 1,
                List.of(ChatMessage.user("Who?"), ChatMessage.assistant("Ann is <email#1>.")), List.of(ANN));

        assertThat(resumed.pseudonyms().of("email", "ann@example.com")).isEqualTo("<email#1>");
        assertThat(resumed.pseudonyms().of("email", "carl@example.com")).isEqualTo("<email#2>");
        assertThat(resumed.pseudonyms().revealedIn("Ann is <email#1>.")).containsExactly(Map.entry("<email#1>", "ann@example.com"));
    }

    @Test
    void anAnswerWhosePseudonymWasRenumberedAsStoredNamesItAsStoredInTheHistory() throws ChatbotFileException {
        Conversation conversation = Conversation.resume("c-1", chatbot(), ALICE, 1, List.of(ChatMessage.user("Who?")), List.of(ANN));
        String carl = conversation.pseudonyms().of("email", "carl@example.com");
        conversation.recordQuestion(ChatMessage.user("And carl?"));
        conversation.recordAnswer(ChatMessage.assistant("Carl is " + carl + "."));
        // meanwhile another instance stored <email#2> for dora
        PseudonymMerge merge = conversation.pseudonyms().mergeWith(List.of(ANN, new Pseudonym("<email#2>", "email", "dora@example.com")));

        conversation.pseudonymsStored(merge);

        assertThat(conversation.history()).extracting(ChatMessage::content).containsExactly("Who?", "And carl?", "Carl is <email#3>.");
        assertThat(conversation.pseudonyms().revealedIn("<email#2> <email#3>"))
                .containsExactly(Map.entry("<email#2>", "dora@example.com"), Map.entry("<email#3>", "carl@example.com"));
        assertThat(conversation.pseudonyms().unsaved()).isEmpty();
    }

    private static ChatbotDefinition chatbot() throws ChatbotFileException {
        return new ChatbotFileParser().parse("chatbots/bot/index.ts", "default", "bot", "/**\n * Test bot\n */\nexport default `be brief`\n");
    }
}
