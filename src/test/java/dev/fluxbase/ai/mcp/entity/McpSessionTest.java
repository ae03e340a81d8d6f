package dev.fluxbase.ai.mcp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class McpSessionTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private final UUID chatbot = UUID.randomUUID();

    @Test
    void aSessionIsIdleOnceUnusedForTheIdleTime() {
        McpSession session = new McpSession("user:alice", chatbot, START);
        assertThat(session.idleSince(START.plus(IDLE).minusSeconds(1), IDLE)).isFalse();
        assertThat(session.idleSince(START.plus(IDLE), IDLE)).isTrue();

        session.seen(START.plus(IDLE));
        assertThat(session.idleSince(START.plus(IDLE).plus(IDLE).minusSeconds(1), IDLE)).isFalse();
    }

    @Test
    void aSessionBelongsToItsSubjectAndChatbotOnly() {
        McpSession session = new McpSession("user:alice", chatbot, START);
        assertThat(session.belongsTo("user:alice", chatbot)).isTrue();
        assertThat(session.belongsTo("user:bob", chatbot)).isFalse();
        assertThat(session.belongsTo("user:alice", UUID.randomUUID())).isFalse();
        assertThat(session.isOf("user:alice")).isTrue();
    }
}
