package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.platform.entity.Utf8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.chat.control.MessageParts.State;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessagePartsTest {

    @Test
    void aMessageInOnePartIsCompleteAtOnce() {
        MessageParts parts = new MessageParts(100, 1000);

        assertThat(parts.add("{\"type\":\"cancel\"}", true)).isEqualTo(State.COMPLETE);
        assertThat(parts.take()).isEqualTo("{\"type\":\"cancel\"}");
    }

    @Test
    void partsAreJoinedUntilTheLastOne() {
        MessageParts parts = new MessageParts(100, 1000);

        assertThat(parts.add("{\"type\":", false)).isEqualTo(State.PARTIAL);
        assertThat(parts.add("\"cancel\"", false)).isEqualTo(State.PARTIAL);
        assertThat(parts.add("}", true)).isEqualTo(State.COMPLETE);
        assertThat(parts.take()).isEqualTo("{\"type\":\"cancel\"}");

        assertThat(parts.add("next", true)).as("the next message starts afresh").isEqualTo(State.COMPLETE);
        assertThat(parts.take()).isEqualTo("next");
    }

    @Test
    void aMessageOverTheLimitIsRefusedWhenItEndsAndTheNextOneIsFine() {
        MessageParts parts = new MessageParts(10, 1000);

        assertThat(parts.add("x".repeat(8), false)).isEqualTo(State.PARTIAL);
        assertThat(parts.add("x".repeat(8), false)).isEqualTo(State.PARTIAL);
        assertThat(parts.add("x", true)).isEqualTo(State.TOO_LARGE);
        assertThat(parts.take()).isNull();

        assertThat(parts.add("x".repeat(10), true)).as("exactly the limit").isEqualTo(State.COMPLETE);
        assertThat(parts.take()).hasSize(10);
    }

    @Test
    void aMessagePassingTheSocketLimitIsRefusedAtOnce() {
        MessageParts parts = new MessageParts(10, 100);

        assertThat(parts.add("x".repeat(60), false)).isEqualTo(State.PARTIAL);
        assertThat(parts.add("x".repeat(41), false)).isEqualTo(State.OVER_SOCKET_LIMIT);
        assertThat(new MessageParts(10, 100).add("x".repeat(101), true)).isEqualTo(State.OVER_SOCKET_LIMIT);
    }

    @Test
    void theLimitsCountUtf8Bytes() {
        MessageParts parts = new MessageParts(8, 1000);

        assertThat(parts.add("äöü€", true)).as("2 + 2 + 2 + 3 bytes").isEqualTo(State.TOO_LARGE);
        assertThat(parts.add("äö€", true)).isEqualTo(State.COMPLETE);
    }

    @Test
    void utf8LengthMatchesTheEncoding() {
        String text = "a ä € 😀 \u0000 z";
        assertThat(Utf8.length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
}
