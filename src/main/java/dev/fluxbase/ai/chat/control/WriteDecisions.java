package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.conversations.control.ConversationNotes;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.tools.sql.control.WriteConfirmation;
import dev.fluxbase.ai.tools.sql.control.WriteConfirmation.Decided;
import dev.fluxbase.ai.tools.sql.control.WritePreviewStore.Owner;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import dev.fluxbase.ai.tools.sql.entity.WriteRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The user's {@code confirm_write} and {@code cancel_write} of a conversation's write preview, queued with its turns: the
 * answer is a {@code write_result}, or an error frame whose code says why nothing was written. The conversation's history
 * gets a note ({@link WriteNote}), so that the LLM knows on the next turn; a stored conversation stores it in the transaction
 * of the decision, so that a reloaded conversation shows a write exactly when it happened.
 */
@ApplicationScoped
public class WriteDecisions {

    private static final Logger LOG = Logger.getLogger(WriteDecisions.class.getName());

    @Inject
    WriteConfirmation confirmation;

    @Inject
    ConversationNotes notes;

    @Inject
    ServerClock clock;

    void confirm(ChatConnection connection, Conversation conversation, String previewId) {
        decide(connection, conversation, () -> {
            WritePreview preview;
            try {
                preview = confirmation.confirm(previewId, owner(conversation), conversation.chatbot(), conversation.identity().database(),
                        stored(conversation, WriteNote::confirmed));
            } catch (WriteRefused e) {
                WriteNote.refused(e).ifPresent(note -> noteRefusal(conversation, note));
                throw e;
            }
            conversation.recordAnswer(ChatMessage.assistant(WriteNote.confirmed(preview).content()));
            return ServerFrames.writeResult(conversation.id(), previewId, preview.rowsAffected());
        });
    }

    void cancel(ChatConnection connection, Conversation conversation, String previewId) {
        decide(connection, conversation, () -> {
            WritePreview preview = confirmation.cancel(previewId, owner(conversation), stored(conversation, WriteNote::cancelled));
            conversation.recordAnswer(ChatMessage.assistant(WriteNote.cancelled(preview).content()));
            return ServerFrames.writeCancelled(conversation.id(), previewId);
        });
    }

    /** The note of a decision, stored with it when the conversation is stored. */
    private Decided stored(Conversation conversation, Function<WritePreview, WriteNote> note) {
        if (!conversation.stored()) {
            return Decided.NOTHING;
        }
        return (transaction, preview) -> {
            WriteNote written = note.apply(preview);
            notes.add(transaction, UUID.fromString(conversation.id()), written.content(), written.queryResults(), clock.now());
        };
    }

    /** Nothing was written: the note is worth having, not worth failing the answer for. */
    private void noteRefusal(Conversation conversation, WriteNote note) {
        conversation.recordAnswer(ChatMessage.assistant(note.content()));
        if (conversation.stored()) {
            try {
                notes.add(UUID.fromString(conversation.id()), note.content(), note.queryResults(), clock.now());
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not store the note of a refused write in conversation {0}: {1}",
                        new Object[] {conversation.id(), e.getMessage()});
            }
        }
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
