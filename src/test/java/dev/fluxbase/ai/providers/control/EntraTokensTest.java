package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderException.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntraTokensTest {

    private static final Instant START = Instant.parse("2025-06-01T10:00:00Z");

    private Instant now = START;
    private final List<Instant> fetches = new ArrayList<>();
    private final EntraTokens tokens = new EntraTokens(at -> {
        fetches.add(at);
        return new EntraTokens.AccessToken("token-" + fetches.size(), at.plus(Duration.ofHours(1)));
    }, () -> now);

    @Test
    void aTokenIsKeptUntilFiveMinutesBeforeItExpires() {
        assertThat(tokens.authorization()).isEqualTo("Bearer token-1");
        now = START.plus(Duration.ofMinutes(54)).plusSeconds(59);
        assertThat(tokens.authorization()).isEqualTo("Bearer token-1");
        now = START.plus(Duration.ofMinutes(55));
        assertThat(tokens.authorization()).isEqualTo("Bearer token-2");
        assertThat(tokens.authorization()).isEqualTo("Bearer token-2");
        assertThat(fetches).containsExactly(START, START.plus(Duration.ofMinutes(55)));
    }

    @Test
    void entraIdsAnswerGivesTheTokenAndWhenItExpires() {
        EntraTokens.AccessToken token = EntraTokenClient.token("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                + "\"access_token\":\"eyJ0\"}", START);
        assertThat(token.value()).isEqualTo("eyJ0");
        assertThat(token.expiresAt()).isEqualTo(START.plusSeconds(3599));
        assertThat(EntraTokenClient.token("{\"expires_in\":\"60\",\"access_token\":\"t\"}", START).expiresAt()).isEqualTo(START.plusSeconds(60));
        assertThat(token.toString()).doesNotContain("eyJ0");
    }

    @Test
    void anAnswerWithoutATokenIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> EntraTokenClient.token("{\"expires_in\":3599}", START)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.AUTH));
    }

    @Test
    void onlyEntraIdsErrorCodeIsKeptOfARefusal() {
        assertThat(EntraTokenClient.reason("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret\"}"))
                .isEqualTo("invalid_client");
        assertThat(EntraTokenClient.reason("<html>")).isEqualTo("no error code");
        assertThat(new EntraTokenClient.Credentials("t", "c", "s3cret", "scope").toString()).doesNotContain("s3cret");
    }
}
