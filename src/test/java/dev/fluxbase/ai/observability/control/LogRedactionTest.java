package dev.fluxbase.ai.observability.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactionTest {

    @Test
    void tokensJwtsAndSecretParametersAreReplaced() {
        assertThat(LogRedaction.apply("GET /ai/ws?token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl&x=1"))
                .isEqualTo("GET /ai/ws?token=[redacted]&x=1");
        assertThat(LogRedaction.apply("header Authorization: bearer abcdefgh12345678")).isEqualTo("header Authorization: bearer [redacted]");
        assertThat(LogRedaction.apply("config api_key=sk-live-123, password: \"hunter22\"")).isEqualTo("config api_key=[redacted], password: \"[redacted]\"");
    }

    @Test
    void ordinaryTextStaysAsItIs() {
        String text = "Turn 0a1b2c3d of conversation c-1 failed: PROVIDER_ERROR (the token budget is 50000 tokens)";
        assertThat(LogRedaction.apply(text)).isEqualTo(text);
        assertThat(LogRedaction.apply(null)).isNull();
    }
}
