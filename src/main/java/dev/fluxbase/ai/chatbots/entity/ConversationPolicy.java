package dev.fluxbase.ai.chatbots.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Whether a chatbot's conversations are stored, for how many hours, and how many turns one may have. */
@Embeddable
public class ConversationPolicy {


    @Column(name = "persist_conversations")
    private boolean persist;
    @Column(name = "conversation_ttl_hours")
    private int ttlHours;
    @Column(name = "max_conversation_turns")
    private int maxTurns;

    protected ConversationPolicy() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static ConversationPolicy defaults() {
        return new ConversationPolicy(false, 24, 50);
    }

    private ConversationPolicy(boolean persist, int ttlHours, int maxTurns) {
        this.persist = persist;
        this.ttlHours = Bounds.atLeast(1, ttlHours);
        this.maxTurns = Bounds.atLeast(1, maxTurns);
    }

    public boolean persist() {
        return persist;
    }

    public int ttlHours() {
        return ttlHours;
    }

    public int maxTurns() {
        return maxTurns;
    }

    public ConversationPolicy withPersist(boolean persist) {
        return new ConversationPolicy(persist, ttlHours, maxTurns);
    }

    public ConversationPolicy withTtlHours(int ttlHours) {
        return new ConversationPolicy(persist, ttlHours, maxTurns);
    }

    public ConversationPolicy withMaxTurns(int maxTurns) {
        return new ConversationPolicy(persist, ttlHours, maxTurns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConversationPolicy c && persist == c.persist && ttlHours == c.ttlHours && maxTurns == c.maxTurns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(persist, ttlHours, maxTurns);
    }

    @Override
    public String toString() {
        return "ConversationPolicy[persist=" + persist + ", ttlHours=" + ttlHours + ", maxTurns=" + maxTurns + "]";
    }
}
