package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import dev.fluxbase.ai.quotas.entity.TurnUsage;
import dev.fluxbase.ai.quotas.entity.Window;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
 *
 * <p>Both writes are one statement (one round trip), and the ledger row's id is not read back: nothing
 * needs it, and reading back an identity is one more statement.
 */
@ApplicationScoped
@Transactional
public class UsageBook {

    private static final String LEDGER = "INSERT INTO ai.usage_ledger (occurred_at, user_id, client_key, chatbot_id, chatbot_name, "
            + "conversation_id, provider_name, model, prompt_tokens, completion_tokens, duration_ms, outcome, error_code) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // The row is gone when the rollover removed an ended day under a turn that crossed midnight; the row
    // it then inserts holds no reservation, hence greatest() for a second turn that crossed with it.
    private static final String SETTLE_AND_LEDGER = "WITH settled AS (INSERT INTO ai.usage_counters AS c "
            + "(subject, chatbot_id, window_kind, window_start, requests, tokens) VALUES (?, ?, ?, ?, 0, ?) "
            + "ON CONFLICT (subject, chatbot_id, window_kind, window_start) "
            + "DO UPDATE SET tokens = c.tokens + EXCLUDED.tokens, reserved = greatest(c.reserved - ?, 0)) " + LEDGER;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** @param reservation what the turn holds since its admission; {@link TokenReservation#NONE} when it was refused */
    public void book(TurnUsage usage, TokenReservation reservation) {
        boolean settles = (usage.totalTokens() > 0 || reservation.isHeld()) && usage.chatbotId() != null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(settles ? SETTLE_AND_LEDGER : LEDGER)) {
            int next = settles ? settle(insert, usage, reservation) : 1;
            ledger(insert, next, usage);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not book a turn: " + e.getMessage(), e);
        }
    }

    /**
     * Tokens count on the day the turn was admitted, where its reservation is: a turn that crosses
     * midnight was checked against that day's budget, and its tokens were never reserved on the next.
     *
     * @return the index of the next parameter
     */
    private static int settle(PreparedStatement upsert, TurnUsage usage, TokenReservation reservation) throws SQLException {
        upsert.setString(1, usage.subject().key());
        upsert.setObject(2, usage.chatbotId());
        upsert.setString(3, Window.DAY.kind());
        upsert.setObject(4, OffsetDateTime.ofInstant(reservation.bookingDay(usage.endedAt()), ZoneOffset.UTC));
        upsert.setLong(5, usage.totalTokens());
        upsert.setLong(6, reservation.tokens());
        return 7;
    }

    /** The ledger names a signed-in user, or else the client's address. */
    private static void ledger(PreparedStatement insert, int first, TurnUsage usage) throws SQLException {
        int i = first;
        insert.setObject(i++, OffsetDateTime.ofInstant(usage.endedAt(), ZoneOffset.UTC));
        insert.setString(i++, usage.subject().userId());
        insert.setString(i++, usage.subject().userId() == null ? usage.subject().clientAddress() : null);
        insert.setObject(i++, usage.chatbotId());
        insert.setString(i++, usage.chatbotName());
        insert.setObject(i++, usage.conversationId());
        insert.setString(i++, usage.providerName());
        insert.setString(i++, usage.model());
        insert.setInt(i++, usage.promptTokens());
        insert.setInt(i++, usage.completionTokens());
        insert.setInt(i++, (int) Math.min(Integer.MAX_VALUE, usage.durationMillis()));
        insert.setString(i++, usage.outcome().name());
        insert.setString(i, usage.errorCode());
    }
}
