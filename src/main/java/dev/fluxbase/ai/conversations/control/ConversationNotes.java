package dev.fluxbase.ai.conversations.control;

import dev.fluxbase.ai.conversations.entity.StoredMessage;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Assistant messages of a stored conversation that no turn wrote: what became of a write the user confirmed or cancelled.
 * A note is written in the caller's transaction, so that it commits exactly when what it tells does.
 */
@ApplicationScoped
public class ConversationNotes {

    private static final String ADD = "INSERT INTO ai.messages (id, conversation_id, ordinal, role, content, query_results, created_at) "
            + "SELECT ?, ?, coalesce(max(ordinal), 0) + 1, ?, ?, ?::jsonb, ? FROM ai.messages WHERE conversation_id = ?";

    @Inject
    DataSource dataSource;

    /**
     * Adds the note in {@code transaction}; a conversation deleted meanwhile gets none. Touching the conversation first locks
     * it, as a turn's storage does, so that a note and a turn never get one number.
     *
     * @param queryResults a JSON array in the shape of a turn's query results, or null
     */
    public void add(Connection transaction, UUID conversationId, String content, String queryResults, Instant now) throws SQLException {
        if (Jdbc.update(transaction, ConversationStore.TOUCH, now, now, conversationId) == 1) {
            Jdbc.update(transaction, ADD, UUID.randomUUID(), conversationId, StoredMessage.ASSISTANT, content, queryResults, now, conversationId);
        }
    }

    /** Adds the note in a transaction of its own. */
    public void add(UUID conversationId, String content, String queryResults, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.inLocalTransaction(connection, transaction -> {
                add(transaction, conversationId, content, queryResults, now);
                return null;
            });
        }
    }
}
