package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class TurnQueueTest {

    private final List<String> ran = new ArrayList<>();

    @Test
    void aTurnTheExecutorRefusesIsToldAndDoesNotStopTheConversationsLaterTurns() {
        AtomicBoolean full = new AtomicBoolean(true);
        Executor executor = task -> {
            if (full.get()) {
                throw new RejectedExecutionException("pool full");
            }
            task.run();
        };
        TurnQueue queue = new TurnQueue(executor);

        try (CapturedLog log = new CapturedLog(TurnQueue.class)) {
            queue.submit(cancel -> ran.add("refused"), () -> ran.add("told it was refused"));
            full.set(false);
            queue.submit(cancel -> ran.add("next"), () -> ran.add("never"));

            assertThat(log.records).singleElement().extracting(LogRecord::getMessage).asString()
                    .startsWith("A chat turn could not be started: ").endsWith("pool full");
        }
        assertThat(ran).containsExactly("told it was refused", "next");
        assertThat(queue.cancelAll()).as("nothing left pending").isFalse();
    }

    @Test
    void anErrorThatEscapesATurnIsLoggedAndTheNextTurnRuns() {
        TurnQueue queue = new TurnQueue(Runnable::run);
        try (CapturedLog log = new CapturedLog(TurnQueue.class)) {
            queue.submit(cancel -> {
                throw new StackOverflowError("deep");
            }, () -> ran.add("never"));
            queue.submit(cancel -> ran.add("next"), () -> ran.add("never"));

            assertThat(log.records).extracting(LogRecord::getLevel).containsExactly(Level.SEVERE);
            assertThat(log.records.get(0).getThrown()).isInstanceOf(StackOverflowError.class).hasMessage("deep");
        }
        assertThat(ran).containsExactly("next");
        assertThat(queue.cancelAll()).isFalse();
    }

    @Test
    void aRefusalThatCannotBeToldDoesNotStopLaterTurns() {
        AtomicBoolean full = new AtomicBoolean(true);
        Executor executor = task -> {
            if (full.getAndSet(false)) {
                throw new RejectedExecutionException("pool full");
            }
            task.run();
        };
        TurnQueue queue = new TurnQueue(executor);

        try (CapturedLog log = new CapturedLog(TurnQueue.class)) {
            queue.submit(cancel -> ran.add("refused"), () -> {
                throw new IllegalStateException("socket closing");
            });
            queue.submit(cancel -> ran.add("next"), () -> ran.add("never"));
        }

        assertThat(ran).containsExactly("next");
    }
}
