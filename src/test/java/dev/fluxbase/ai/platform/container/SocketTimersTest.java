package dev.fluxbase.ai.platform.container;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.Executors;
import org.glassfish.tyrus.core.BaseContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketTimersTest {

    private final SocketTimerScheduler scheduler = new SocketTimerScheduler(Executors.defaultThreadFactory());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void theTyrusContainerSchedulesItsSessionsTimersOnOurScheduler() {
        StubContainer container = new StubContainer();

        assertThat(SocketTimers.install(container, scheduler)).isTrue();

        // TyrusSession takes its scheduler from here when it is made
        assertThat(container.getScheduledExecutorService()).isSameAs(scheduler);
    }

    @Test
    void anotherContainerIsLeftAsItIs() {
        assertThat(SocketTimers.install(new Object(), scheduler)).isFalse();
        assertThat(SocketTimers.install(null, scheduler)).isFalse();
    }

    /** A Tyrus container with nothing but the executors of its base class. */
    private static final class StubContainer extends BaseContainer {
        @Override
        public long getDefaultAsyncSendTimeout() {
            return 0;
        }

        @Override
        public void setAsyncSendTimeout(long timeout) {
        }

        @Override
        public Session connectToServer(Object endpoint, URI path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Session connectToServer(Class<?> endpoint, URI path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Session connectToServer(Class<? extends Endpoint> endpoint, ClientEndpointConfig config, URI path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getDefaultMaxSessionIdleTimeout() {
            return 0;
        }

        @Override
        public void setDefaultMaxSessionIdleTimeout(long timeout) {
        }

        @Override
        public int getDefaultMaxBinaryMessageBufferSize() {
            return 0;
        }

        @Override
        public void setDefaultMaxBinaryMessageBufferSize(int max) {
        }

        @Override
        public int getDefaultMaxTextMessageBufferSize() {
            return 0;
        }

        @Override
        public void setDefaultMaxTextMessageBufferSize(int max) {
        }

        @Override
        public Set<Extension> getInstalledExtensions() {
            return Set.of();
        }
    }
}
