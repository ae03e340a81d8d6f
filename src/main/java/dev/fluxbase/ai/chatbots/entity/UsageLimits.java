package dev.fluxbase.ai.chatbots.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * What one user may spend on a chatbot: messages per minute, messages per UTC day, tokens per UTC day.
 * 0 allows nothing; no limit is ever "off".
 */
@Embeddable
public class UsageLimits {


    @Column(name = "rate_limit_per_minute")
    private int perMinute;
    @Column(name = "daily_request_limit")
    private int perDay;
    @Column(name = "daily_token_budget")
    private int tokensPerDay;

    protected UsageLimits() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static UsageLimits defaults() {
        return new UsageLimits(10, 100, 50000);
    }

    private UsageLimits(int perMinute, int perDay, int tokensPerDay) {
        this.perMinute = Bounds.atLeast(0, perMinute);
        this.perDay = Bounds.atLeast(0, perDay);
        this.tokensPerDay = Bounds.atLeast(0, tokensPerDay);
    }

    public int perMinute() {
        return perMinute;
    }

    public int perDay() {
        return perDay;
    }

    public int tokensPerDay() {
        return tokensPerDay;
    }

    public UsageLimits withPerMinute(int perMinute) {
        return new UsageLimits(perMinute, perDay, tokensPerDay);
    }

    public UsageLimits withPerDay(int perDay) {
        return new UsageLimits(perMinute, perDay, tokensPerDay);
    }

    public UsageLimits withTokensPerDay(int tokensPerDay) {
        return new UsageLimits(perMinute, perDay, tokensPerDay);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsageLimits u && perMinute == u.perMinute && perDay == u.perDay && tokensPerDay == u.tokensPerDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(perMinute, perDay, tokensPerDay);
    }

    @Override
    public String toString() {
        return "UsageLimits[perMinute=" + perMinute + ", perDay=" + perDay + ", tokensPerDay=" + tokensPerDay + "]";
    }
}
