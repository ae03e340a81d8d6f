package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.quotas.entity.Limits;
import dev.fluxbase.ai.quotas.entity.QuotaExceeded;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import dev.fluxbase.ai.quotas.entity.Window;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Admits a message against its subject's counters before the provider is called. Each window is one
 * conditional upsert: PostgreSQL locks the counter row, so concurrent messages on any number of
 * instances are counted exactly, and a refusal rolls the whole transaction back, so a refused message
 * counts nowhere.
 *
 * <p>The token budget: an admitted turn reserves the chatbot's {@code max-tokens} on the day row, in the
 * same upsert, and a message is admitted while the day's booked plus reserved tokens are below the
 * budget. {@link UsageBook} releases the reservation when it books the turn's real tokens, so turns
 * running at once overshoot the budget by at most one reservation, plus what a turn uses beyond its own
 * (each tool round may generate up to {@code max-tokens} and has its prompt). A turn whose server dies
 * is never booked: its reservation stays on the day's row until the day ends (the next day is a new row).
 */
@ApplicationScoped
@Transactional
public class QuotaGate {

    private static final String COUNT = "INSERT INTO ai.usage_counters AS c (subject, chatbot_id, window_kind, window_start, requests, reserved) "
            + "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (subject, chatbot_id, window_kind, window_start) "
            + "DO UPDATE SET requests = c.requests + 1, reserved = c.reserved + EXCLUDED.reserved "
            + "WHERE c.requests < ? AND c.tokens + c.reserved < ? RETURNING c.requests";
    private static final String TOKENS = "SELECT tokens + reserved FROM ai.usage_counters "
            + "WHERE subject = ? AND chatbot_id = ? AND window_kind = ? AND window_start = ?";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Counts the message in today's and this minute's windows and reserves its tokens on today's, or
     * refuses it. The day is checked first: "try again in 20 s" would be wrong when the day is used up.
     *
     * @return what the turn now holds, for {@link UsageBook#book} to release
     * @throws QuotaExceeded when a limit is reached; the caller's transaction then rolls back
     */
    public TokenReservation admit(QuotaSubject subject, UUID chatbotId, Limits limits, Instant now) {
        refuseZeroLimits(limits, now);
        TokenReservation reservation = TokenReservation.of(limits.tokensPerTurn(), now);
        try (Connection connection = dataSource.getConnection()) {
            if (!count(connection, subject, chatbotId, Window.DAY, limits.perDay(), limits.tokensPerDay(), reservation.tokens(), now)) {
                throw tokensUsedUp(connection, subject, chatbotId, limits, now)
                        ? QuotaExceeded.tokenBudget(Window.DAY.secondsLeft(now))
                        : QuotaExceeded.daily(Window.DAY.secondsLeft(now));
            }
            if (!count(connection, subject, chatbotId, Window.MINUTE, limits.perMinute(), Long.MAX_VALUE, 0, now)) {
                throw QuotaExceeded.rate(Window.MINUTE.secondsLeft(now));
            }
            return reservation;
        } catch (SQLException e) {
            throw new CodedException("DATABASE_UNAVAILABLE", "Database unavailable, try again later", e);
        }
    }

    private static void refuseZeroLimits(Limits limits, Instant now) {
        if (limits.perDay() == 0) {
            throw QuotaExceeded.daily(-1);
        }
        if (limits.tokensPerDay() == 0) {
            throw QuotaExceeded.tokenBudget(-1);
        }
        if (limits.perMinute() == 0) {
            throw QuotaExceeded.rate(-1);
        }
    }

    /** @return false when the window is full (or its tokens are used up or reserved) */
    private static boolean count(Connection connection, QuotaSubject subject, UUID chatbotId, Window window, int maxRequests, long maxTokens,
            long reserve, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(COUNT)) {
            upsert.setString(1, subject.key());
            upsert.setObject(2, chatbotId);
            upsert.setString(3, window.kind());
            upsert.setObject(4, OffsetDateTime.ofInstant(window.start(now), ZoneOffset.UTC));
            upsert.setLong(5, reserve);
            upsert.setInt(6, maxRequests);
            upsert.setLong(7, maxTokens);
            try (ResultSet counted = upsert.executeQuery()) {
                return counted.next();
            }
        }
    }

    /** Reserved tokens count too: waiting for the running turns may help, waiting until midnight surely does. */
    private static boolean tokensUsedUp(Connection connection, QuotaSubject subject, UUID chatbotId, Limits limits, Instant now)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TOKENS)) {
            select.setString(1, subject.key());
            select.setObject(2, chatbotId);
            select.setString(3, Window.DAY.kind());
            select.setObject(4, OffsetDateTime.ofInstant(Window.DAY.start(now), ZoneOffset.UTC));
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getLong(1) >= limits.tokensPerDay();
            }
        }
    }
}
