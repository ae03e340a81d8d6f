package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
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
 * checked against), releasing the turn's reservation in the same statement, and the turn becomes one row
 * of the usage ledger. One transaction: a booking that fails and is tried again releases only once.
 */
@ApplicationScoped
@Transactional
public class UsageBook {

    // The row is gone when the rollover removed an ended day under a turn that crossed midnight; the row
    // it then inserts holds no reservation, hence greatest() for a second turn that crossed with it.
    private static final String SETTLE = "INSERT INTO ai.usage_counters AS c (subject, chatbot_id, window_kind, window_start, requests, tokens) "
            + "VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (subject, chatbot_id, window_kind, window_start) "
            + "DO UPDATE SET tokens = c.tokens + EXCLUDED.tokens, reserved = greatest(c.reserved - ?, 0)";

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** @param reservation what the turn holds since its admission; {@link TokenReservation#NONE} when it was refused */
    public void book(TurnUsage usage, TokenReservation reservation) {
        if ((usage.totalTokens() > 0 || reservation.isHeld()) && usage.chatbotId() != null) {
            settle(usage, reservation);
        }
        em.persist(new UsageRecord(usage));
    }

    /**
     * Tokens count on the day the turn was admitted, where its reservation is: a turn that crosses
     * midnight was checked against that day's budget, and its tokens were never reserved on the next.
     */
    private void settle(TurnUsage usage, TokenReservation reservation) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(SETTLE)) {
            upsert.setString(1, usage.subject().key());
            upsert.setObject(2, usage.chatbotId());
            upsert.setString(3, Window.DAY.kind());
            upsert.setObject(4, OffsetDateTime.ofInstant(reservation.bookingDay(usage.endedAt()), ZoneOffset.UTC));
            upsert.setLong(5, usage.totalTokens());
            upsert.setLong(6, reservation.tokens());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not book the tokens of a turn: " + e.getMessage(), e);
        }
    }
}
