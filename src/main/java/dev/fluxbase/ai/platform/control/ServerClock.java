package dev.fluxbase.ai.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time that limits, usage and conversations go by. It is the system clock; only the testing hook
 * (off unless {@code fluxbase.testing.clock-control} is set) moves it, so tests can cross midnight.
 */
@ApplicationScoped
public class ServerClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public Duration offset() {
        return offset.get();
    }

    public void setOffset(Duration offset) {
        this.offset.set(offset);
    }
}
