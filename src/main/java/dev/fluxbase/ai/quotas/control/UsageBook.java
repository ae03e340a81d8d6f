package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.quotas.entity.ExtractionUsage;
import dev.fluxbase.ai.quotas.entity.Outcome;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import dev.fluxbase.ai.quotas.entity.TurnUsage;
import dev.fluxbase.ai.quotas.entity.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private static final String EXTRACTION = "INSERT INTO ai.usage_ledger (occurred_at, knowledge_base_id, provider_name, model, "
            + "prompt_tokens, completion_tokens, duration_ms, outcome, error_code) VALUES (?, ?, ?, ?, ?, ?, ?, '" + Outcome.extraction.name()
            + "', ?)";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, e -> new IllegalStateException("Could not book a turn: " + e.getMessage(), e));

    /** @param reservation what the turn holds since its admission; {@link TokenReservation#NONE} when it was refused */
    public void book(TurnUsage usage, TokenReservation reservation) {
        boolean settles = (usage.totalTokens() > 0 || reservation.isHeld()) && usage.chatbotId() != null;
        List<Object> parameters = new ArrayList<>(settles ? settle(usage, reservation) : List.of());
        parameters.addAll(ledger(usage));
        jdbc.update(settles ? SETTLE_AND_LEDGER : LEDGER, parameters.toArray());
    }

    /** One ledger row for an extraction call: no counter, as no chatbot's budget pays for it. */
    public void book(ExtractionUsage usage) {
        jdbc.update(EXTRACTION, usage.endedAt(), usage.knowledgeBaseId(), usage.providerName(), usage.model(), usage.promptTokens(),
                usage.completionTokens(), (int) Math.min(Integer.MAX_VALUE, usage.durationMillis()), usage.errorCode());
    }

    /**
     * Tokens count on the day the turn was admitted, where its reservation is: a turn that crosses
     * midnight was checked against that day's budget, and its tokens were never reserved on the next.
     */
    private static List<Object> settle(TurnUsage usage, TokenReservation reservation) {
        return Arrays.asList(usage.subject().key(), usage.chatbotId(), Window.DAY.kind(), reservation.bookingDay(usage.endedAt()),
                usage.totalTokens(), reservation.tokens());
    }

    /** The ledger names a signed-in user, or else the client's address. */
    private static List<Object> ledger(TurnUsage usage) {
        return Arrays.asList(usage.endedAt(), usage.subject().userId(),
                usage.subject().userId() == null ? usage.subject().clientAddress() : null, usage.chatbotId(), usage.chatbotName(),
                usage.conversationId(), usage.providerName(), usage.model(), usage.promptTokens(), usage.completionTokens(),
                (int) Math.min(Integer.MAX_VALUE, usage.durationMillis()), usage.outcome().name(), usage.errorCode());
    }
}
