package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness follows the database: DOWN while it is unreachable, UP again when it returns. */
@ExtendWith(FluxbaseServer.class)
class ReadinessIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void notReadyWhileTheDatabaseIsDownAndReadyAgainWhenItReturns(ServerUnderTest server) {
        assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
        try {
            server.databaseProxy().cut();
            Eventually.await("readiness DOWN", WAIT, () -> server.get("/health/ready").statusCode() == 503);
            HttpResponse<String> down = server.get("/health/ready");
            assertThat(down.body().replace(" ", "")).contains("\"name\":\"database\",\"status\":\"DOWN\"");
            assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
        } finally {
            server.databaseProxy().restore();
        }
        Eventually.await("readiness UP again", WAIT, () -> server.get("/health/ready").statusCode() == 200);
        assertThat(server.get("/health/ready").body().replace(" ", "")).contains("\"name\":\"database\",\"status\":\"UP\"");
    }
}
