package dev.fluxbase.ai.chatbots.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.util.Objects;

/** Whether a chatbot's conversations are stored, for how long after their last activity, and how many turns one may have. */
@Embeddable
public class ConversationPolicy {

    @Column(name = "persist_conversations")
    private boolean persist;
    @Column(name = "conversation_ttl_seconds")
    private int ttlSeconds;
    @Column(name = "max_conversation_turns")
    private int maxTurns;

    protected ConversationPolicy() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static ConversationPolicy defaults() {
        return new ConversationPolicy(false, Duration.ofHours(24).toSeconds(), 50);
    }

    private ConversationPolicy(boolean persist, long ttlSeconds, int maxTurns) {
        this.persist = persist;
        this.ttlSeconds = Bounds.atLeast(1, Math.toIntExact(ttlSeconds));
        this.maxTurns = Bounds.atLeast(1, maxTurns);
    }

    public boolean persist() {
        return persist;
    }

    public Duration ttl() {
        return Duration.ofSeconds(ttlSeconds);
    }

    public int maxTurns() {
        return maxTurns;
    }

    public ConversationPolicy withPersist(boolean persist) {
        return new ConversationPolicy(persist, ttlSeconds, maxTurns);
    }

    public ConversationPolicy withTtl(Duration ttl) {
        return new ConversationPolicy(persist, ttl.toSeconds(), maxTurns);
    }

    public ConversationPolicy withMaxTurns(int maxTurns) {
        return new ConversationPolicy(persist, ttlSeconds, maxTurns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConversationPolicy c && persist == c.persist && ttlSeconds == c.ttlSeconds && maxTurns == c.maxTurns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(persist, ttlSeconds, maxTurns);
    }

    @Override
    public String toString() {
        return "ConversationPolicy[persist=" + persist + ", ttlSeconds=" + ttlSeconds + ", maxTurns=" + maxTurns + "]";
    }
}
