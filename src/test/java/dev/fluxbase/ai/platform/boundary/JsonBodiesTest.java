package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void anEmptyBodyReadsAsAnEmptyObject() {
        assertThat(JsonBodies.fields(null).keys()).isEmpty();
        assertThat(JsonBodies.fields("  ").keys()).isEmpty();
    }

    @Test
    void badBodiesAndFieldsAreInvalidRequests() {
        assertThatThrownBy(() -> JsonBodies.fields("[1]")).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("INVALID_REQUEST");
        }).hasMessage("Invalid request body: expected a JSON object");
        assertThatThrownBy(() -> JsonBodies.fields("{\"max_chunks\":0}").integer("max_chunks", 1, 100))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Invalid request body: \"max_chunks\" must be an integer from 1 to 100");
    }
}
