package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TurnQueueTest {

    @Test
    void aTurnTheExecutorRefusesDoesNotStopTheConversationsLaterTurns() {
        AtomicBoolean full = new AtomicBoolean(true);
        Executor executor = task -> {
            if (full.get()) {
                throw new RejectedExecutionException("pool full");
            }
            task.run();
        };
        TurnQueue queue = new TurnQueue(executor);
        List<String> ran = new ArrayList<>();

        queue.submit(cancel -> ran.add("refused"));
        full.set(false);
        queue.submit(cancel -> ran.add("next"));

        assertThat(ran).containsExactly("next");
        assertThat(queue.cancelAll()).as("nothing left pending").isFalse();
    }
}
