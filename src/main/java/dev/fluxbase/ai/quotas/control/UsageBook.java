package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.quotas.entity.TurnUsage;
import dev.fluxbase.ai.quotas.entity.UsageRecord;
import dev.fluxbase.ai.quotas.entity.Window;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Books a finished turn: its tokens go to the day's counter of its subject (what the token budget is
 * checked against), and the turn becomes one row of the usage ledger.
 */
@ApplicationScoped
@Transactional
public class UsageBook {

    private static final String ADD_TOKENS = "INSERT INTO ai.usage_counters AS c (subject, chatbot_id, window_kind, window_start, requests, tokens) "
            + "VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (subject, chatbot_id, window_kind, window_start) "
            + "DO UPDATE SET tokens = c.tokens + EXCLUDED.tokens";

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public void book(TurnUsage usage) {
        if (usage.totalTokens() > 0 && usage.chatbotId() != null) {
            addTokens(usage);
        }
        em.persist(new UsageRecord(usage));
    }

    /** Tokens count on the day the turn ended: that is when the provider spent them. */
    private void addTokens(TurnUsage usage) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(ADD_TOKENS)) {
            upsert.setString(1, usage.subject().key());
            upsert.setObject(2, usage.chatbotId());
            upsert.setString(3, Window.DAY.kind());
            upsert.setObject(4, OffsetDateTime.ofInstant(Window.DAY.start(usage.endedAt()), ZoneOffset.UTC));
            upsert.setLong(5, usage.totalTokens());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not book the tokens of a turn: " + e.getMessage(), e);
        }
    }
}
