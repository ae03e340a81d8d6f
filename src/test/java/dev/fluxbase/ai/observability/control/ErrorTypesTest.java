package dev.fluxbase.ai.observability.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class ErrorTypesTest {

    @Test
    void aCodedFailureIsItsCodeACancelledTurnIsCancelledAndAnythingElseItsClass() {
        assertThat(ErrorTypes.of(new ProviderException("PROVIDER_AUTH_FAILED", "Provider authentication failed"))).isEqualTo("PROVIDER_AUTH_FAILED");
        assertThat(ErrorTypes.of(new TurnCancelled())).isEqualTo("cancelled");
        assertThat(ErrorTypes.of(new IllegalStateException("x"))).isEqualTo(IllegalStateException.class.getName()).startsWith("java");
        assertThat(ErrorTypes.of(new UncheckedIOException(new HttpTimeoutException("t")))).isEqualTo(UncheckedIOException.class.getName());
    }
}
