package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.tools.sql.control.WriteConfirmation;
import dev.fluxbase.ai.tools.sql.control.WritePreviewStore.Owner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The user's {@code confirm_write} and {@code cancel_write} of a conversation's write preview, queued with its turns: the
 * answer is a {@code write_result}, or an error frame whose code says why nothing was written. The conversation's history
 * gets a note, so that the LLM knows on the next turn.
 */
@ApplicationScoped
public class WriteDecisions {

    @Inject
    WriteConfirmation confirmation;

    void confirm(ChatConnection connection, Conversation conversation, String previewId) {
        decide(connection, conversation, () -> {
            int rows = confirmation.confirm(previewId, owner(conversation), conversation.chatbot(), conversation.identity().database());
            conversation.recordAnswer(ChatMessage.assistant("(The user confirmed the write " + previewId + ": it changed " + rows + " row(s).)"));
            return ServerFrames.writeResult(conversation.id(), previewId, rows);
        });
    }

    void cancel(ChatConnection connection, Conversation conversation, String previewId) {
        decide(connection, conversation, () -> {
            confirmation.cancel(previewId, owner(conversation));
            conversation.recordAnswer(ChatMessage.assistant("(The user cancelled the write " + previewId + ": nothing was changed.)"));
            return ServerFrames.writeCancelled(conversation.id(), previewId);
        });
    }

    private static void decide(ChatConnection connection, Conversation conversation, Supplier<String> decision) {
        String answer;
        try {
            answer = decision.get();
        } catch (CodedException e) {
            answer = ChatTurn.errorFrame(conversation.id(), e);
        }
        connection.sendQuietly(answer);
    }

    private static Owner owner(Conversation conversation) {
        return new Owner(conversation.id(), conversation.identity().userId());
    }
}
