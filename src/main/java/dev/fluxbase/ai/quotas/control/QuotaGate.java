package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.quotas.entity.Limits;
import dev.fluxbase.ai.quotas.entity.QuotaExceeded;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import dev.fluxbase.ai.quotas.entity.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Admits a message against its subject's counters before the provider is called. Both windows are one
 * conditional upsert of two rows, day then minute (one round trip): PostgreSQL locks each counter row, so
 * concurrent messages on any number of instances are counted exactly, and a refusal rolls the whole
 * transaction back, so a refused message counts nowhere. The locks hold until the admission commits,
 * so the upsert is the last statement of that transaction: a subject's parallel turns wait for each
 * other only for the rest of one round trip and the commit.
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

    // Rows are locked in the order of VALUES, day before minute, in every admission: no two deadlock.
    private static final String COUNT = "INSERT INTO ai.usage_counters AS c (subject, chatbot_id, window_kind, window_start, requests, reserved) "
            + "VALUES (?, ?, ?, ?, 1, ?), (?, ?, ?, ?, 1, 0) ON CONFLICT (subject, chatbot_id, window_kind, window_start) "
            + "DO UPDATE SET requests = c.requests + 1, reserved = c.reserved + EXCLUDED.reserved "
            + "WHERE CASE WHEN c.window_kind = ? THEN c.requests < ? AND c.tokens + c.reserved < ? ELSE c.requests < ? END "
            + "RETURNING c.window_kind";
    private static final String TOKENS = "SELECT tokens + reserved FROM ai.usage_counters "
            + "WHERE subject = ? AND chatbot_id = ? AND window_kind = ? AND window_start = ?";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource,
            e -> new CodedException(ErrorCodes.DATABASE_UNAVAILABLE, "Database unavailable, try again later", e));

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
        return jdbc.run(connection -> {
            Set<String> counted = count(connection, subject, chatbotId, limits, reservation.tokens(), now);
            if (!counted.contains(Window.DAY.kind())) {
                throw tokensUsedUp(connection, subject, chatbotId, limits, now)
                        ? QuotaExceeded.tokenBudget(Window.DAY.secondsLeft(now))
                        : QuotaExceeded.daily(Window.DAY.secondsLeft(now));
            }
            if (!counted.contains(Window.MINUTE.kind())) {
                throw QuotaExceeded.rate(Window.MINUTE.secondsLeft(now));
            }
            return reservation;
        });
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

    /** @return the kinds of the windows that counted the message (a full one, or a day whose tokens are used up or reserved, did not) */
    private static Set<String> count(Connection connection, QuotaSubject subject, UUID chatbotId, Limits limits, long reserve, Instant now)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        for (Window window : List.of(Window.DAY, Window.MINUTE)) {
            parameters.addAll(Arrays.asList(subject.key(), chatbotId, window.kind(), window.start(now)));
            if (window == Window.DAY) {
                parameters.add(reserve);
            }
        }
        parameters.addAll(List.of(Window.DAY.kind(), limits.perDay(), limits.tokensPerDay(), limits.perMinute()));
        return new HashSet<>(Jdbc.list(connection, COUNT, row -> row.getString(1), parameters.toArray()));
    }

    /** Reserved tokens count too: waiting for the running turns may help, waiting until midnight surely does. */
    private static boolean tokensUsedUp(Connection connection, QuotaSubject subject, UUID chatbotId, Limits limits, Instant now)
            throws SQLException {
        return Jdbc.first(connection, TOKENS, row -> row.getLong(1), subject.key(), chatbotId, Window.DAY.kind(), Window.DAY.start(now))
                .filter(tokens -> tokens >= limits.tokensPerDay()).isPresent();
    }
}
