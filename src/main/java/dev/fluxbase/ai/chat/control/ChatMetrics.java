package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.observability.control.HistogramRecorder;
import dev.fluxbase.ai.observability.entity.Histograms;
import dev.fluxbase.ai.platform.control.Meters;
import dev.fluxbase.ai.quotas.entity.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open chat sockets, running turns, turns by outcome and refusals by a limit, for {@code /metrics}; the
 * durations of turns and of their retrieval, as histograms.
 */
@ApplicationScoped
public class ChatMetrics {

    private final AtomicInteger sockets = new AtomicInteger();
    private final AtomicInteger activeTurns = new AtomicInteger();

    @Inject
    Meters meters;

    @Inject
    HistogramRecorder histograms;

    @PostConstruct
    void register() {
        meters.gauge("fluxbase.chat.sockets", "Open chat WebSockets", sockets::get);
        meters.gauge("fluxbase.chat.turns.active", "Chat turns running now", activeTurns::get);
    }

    /** Created at boot, so that the gauges are served (as 0) before the first socket. */
    void boot(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // the observer's bean is created, and its @PostConstruct registers the gauges
    }

    public void socketOpened() {
        sockets.incrementAndGet();
    }

    public void socketClosed() {
        sockets.decrementAndGet();
    }

    void turnStarted() {
        activeTurns.incrementAndGet();
    }

    void turnEnded(Outcome outcome, String chatbot, Duration duration) {
        activeTurns.decrementAndGet();
        meters.counter("fluxbase.chat.turns", "Chat turns ended, by outcome (done, error, cancelled, refused)",
                "outcome", outcome.name()).inc();
        histograms.record(Histograms.TURN_DURATION, seconds(duration), outcome.name(), chatbot);
    }

    void retrieved(Duration duration) {
        histograms.record(Histograms.RETRIEVAL_DURATION, seconds(duration));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    void refused(String code) {
        meters.counter("fluxbase.limits.refusals", "Messages refused by a limit or the turn limit, by error code", "code", code).inc();
    }
}
