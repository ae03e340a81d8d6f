package dev.fluxbase.ai.platform.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The socket timers' scheduler reaches into Payara's Tyrus by reflection, which a Payara upgrade can break
 * without any socket failing (the timers then only cost more): the server says at boot which scheduler
 * they run on.
 */
@ExtendWith(FluxbaseServer.class)
class SocketTimersIT {

    @Test
    void theSocketTimersRunOnTheirOwnScheduler(ServerUnderTest server) {
        assertThat(FluxbaseServer.firstInstanceLog())
                .contains("Chat socket timers run on their own scheduler")
                .doesNotContain("Chat socket timers stay on the WebSocket container's scheduler");
    }
}
