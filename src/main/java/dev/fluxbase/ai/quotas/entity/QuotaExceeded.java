package dev.fluxbase.ai.quotas.entity;

import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import java.util.OptionalLong;

/** A message or a new conversation refused by a limit, with the guide's wording and when trying again can help. */
public class QuotaExceeded extends CodedException {

    private final long retryAfterSeconds;

    private QuotaExceeded(String code, String message, long retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @param retryAfterSeconds when the minute ends; negative when waiting cannot help (a limit of 0) */
    public static QuotaExceeded rate(long retryAfterSeconds) {
        return retryAfterSeconds < 0
                ? new QuotaExceeded(ErrorCodes.RATE_LIMIT_EXCEEDED, "Rate limit exceeded: this chatbot allows no messages", -1)
                : new QuotaExceeded(ErrorCodes.RATE_LIMIT_EXCEEDED, "Rate limit exceeded, try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    /** A {@code start_chat} over the per-minute limit of new conversations. */
    public static QuotaExceeded newConversations(long retryAfterSeconds) {
        return new QuotaExceeded(ErrorCodes.RATE_LIMIT_EXCEEDED, "Too many new conversations, try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    public static QuotaExceeded daily(long retryAfterSeconds) {
        return new QuotaExceeded(ErrorCodes.DAILY_LIMIT_EXCEEDED, "Daily limit exceeded", retryAfterSeconds);
    }

    public static QuotaExceeded tokenBudget(long retryAfterSeconds) {
        return new QuotaExceeded(ErrorCodes.TOKEN_BUDGET_EXCEEDED, "Token budget exceeded", retryAfterSeconds);
    }

    /** Seconds until the refusing window ends, when waiting helps. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
