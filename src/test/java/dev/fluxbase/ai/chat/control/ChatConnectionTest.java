package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.security.entity.Caller;
import dev.fluxbase.ai.security.entity.TokenLifetime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatConnectionTest {

    private static final Instant EXP = Instant.parse("2026-12-03T12:00:00Z");
    private static final Caller USER = new Caller("u-1", "authenticated", Set.of(), "{}", true, EXP, null);

    @Test
    void refusesNewWorkOnceTheSocketsTokenHasRunOut() {
        ChatConnection connection = connection(new TokenLifetime(EXP, Duration.ofSeconds(60)));

        assertThatCode(() -> connection.checkTokenLifetime(EXP.plusSeconds(60))).doesNotThrowAnyException();
        assertThatThrownBy(() -> connection.checkTokenLifetime(EXP.plusSeconds(61)))
                .isInstanceOf(ChatException.class)
                .hasMessage("Token expired: reconnect with a fresh token")
                .extracting("code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aSocketWithoutATokenNeverRunsOut() {
        ChatConnection connection = new ChatConnection(frame -> { }, Caller.anonymous(), null, "127.0.0.1");

        assertThatCode(() -> connection.checkTokenLifetime(Instant.MAX)).doesNotThrowAnyException();
    }

    private static ChatConnection connection(TokenLifetime lifetime) {
        return new ChatConnection(frame -> { }, USER, null, lifetime, "127.0.0.1");
    }
}
