package dev.fluxbase.ai.conversations.control;

import dev.fluxbase.ai.platform.control.ClusterJobs;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.MaintenanceRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Deletes conversations idle longer than their chatbot's TTL, with their messages (they cascade).
 * Until it runs, such a conversation is already invisible and cannot be resumed.
 */
@ApplicationScoped
public class ConversationExpiry {

    static final int EXPIRY_JOB = 3;
    private static final String DELETE = "DELETE FROM ai.conversations c USING ai.chatbots b WHERE b.id = c.chatbot_id "
            + "AND NOT (" + ConversationStore.ALIVE + ")";

    @Inject
    ClusterJobs jobs;

    /** @return the conversations deleted; empty when another instance was doing it */
    public OptionalInt deleteExpired(Instant now, boolean wait) throws SQLException {
        return jobs.run(EXPIRY_JOB, wait, connection -> Jdbc.update(connection, DELETE, now));
    }

    void runNow(@Observes MaintenanceRequested request) throws SQLException {
        request.report("conversation-expiry", deleteExpired(request.now(), true).orElse(0));
    }
}
