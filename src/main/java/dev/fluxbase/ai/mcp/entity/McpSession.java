package dev.fluxbase.ai.mcp.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An MCP session this instance holds: whose it is, of which chatbot, and when it was last used. */
public final class McpSession {

    private final String subject;
    private final UUID chatbotId;
    private volatile Instant lastSeen;

    public McpSession(String subject, UUID chatbotId, Instant now) {
        this.subject = subject;
        this.chatbotId = chatbotId;
        this.lastSeen = now;
    }

    public boolean belongsTo(String subject, UUID chatbotId) {
        return this.subject.equals(subject) && this.chatbotId.equals(chatbotId);
    }

    public boolean isOf(String subject) {
        return this.subject.equals(subject);
    }

    public void seen(Instant now) {
        lastSeen = now;
    }

    /** Idle: unused for at least {@code idleTimeout}. */
    public boolean idleSince(Instant now, Duration idleTimeout) {
        return !lastSeen.plus(idleTimeout).isAfter(now);
    }
}
