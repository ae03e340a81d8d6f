package dev.fluxbase.ai.conversations.control;

import dev.fluxbase.ai.platform.control.ServerClock;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs the conversation expiry every five minutes on every instance; one of them does the work. */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ConversationTimers {

    private static final Logger LOG = Logger.getLogger(ConversationTimers.class.getName());

    @Inject
    ConversationExpiry expiry;

    @Inject
    ServerClock clock;

    @Schedule(hour = "*", minute = "*/5", second = "41", persistent = false, info = "conversation-expiry")
    void deleteExpiredConversations() {
        try {
            expiry.deleteExpired(clock.now(), false).ifPresent(rows -> {
                if (rows > 0) {
                    LOG.info(() -> rows + " expired conversation(s) deleted");
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Conversation expiry failed, the next run retries: {0}", e.getMessage());
        }
    }
}
