package dev.fluxbase.ai.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorsRulesTest {

    @Test
    void echoesRequestedHeadersWhenAllAreAllowed() {
        assertThat(CorsRules.allowHeaders("authorization, content-type, apikey, x-client-info"))
                .isEqualTo("authorization, content-type, apikey, x-client-info");
    }

    @Test
    void answersTheFixedListOtherwise() {
        assertThat(CorsRules.allowHeaders("authorization, x-evil")).isEqualTo(CorsRules.ALLOWED_HEADERS);
        assertThat(CorsRules.allowHeaders(null)).isEqualTo("Authorization, Content-Type, apikey, X-Client-Info");
    }
}
