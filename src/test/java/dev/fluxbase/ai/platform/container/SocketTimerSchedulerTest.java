package dev.fluxbase.ai.platform.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.core.TyrusSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketTimerSchedulerTest {

    private final SocketTimerScheduler scheduler = new SocketTimerScheduler(Executors.defaultThreadFactory());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void anIdleCheckDueAtOnceIsAnsweredWithoutBeingQueued() throws Exception {
        ScheduledFuture<?> future = scheduler.schedule(idleCheck(), 0, TimeUnit.MILLISECONDS);

        assertThat(future.isDone()).isTrue();
        assertThat(future.isCancelled()).isFalse();
        assertThat(future.cancel(true)).isFalse();
        assertThat(scheduler.getTaskCount()).isZero();
    }

    @Test
    void anIdleCheckWithATimeoutIsQueuedAndLeavesTheQueueWhenCancelled() throws Exception {
        ScheduledFuture<?> future = scheduler.schedule(idleCheck(), 30, TimeUnit.SECONDS);
        assertThat(scheduler.getQueue()).hasSize(1);

        future.cancel(false);

        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void otherTasksDueAtOnceRun() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);

        scheduler.schedule(ran::countDown, 0, TimeUnit.MILLISECONDS);

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tasksAfterAShutdownAreDropped() throws Exception {
        scheduler.shutdown();

        ScheduledFuture<?> future = scheduler.schedule(() -> { }, 1, TimeUnit.SECONDS);

        assertThat(future.isDone()).isFalse();
        assertThat(scheduler.getQueue()).isEmpty();
    }

    /** Tyrus' own idle-timeout task, as a session schedules it (never run here). */
    private static Runnable idleCheck() throws ReflectiveOperationException {
        Class<?> type = Class.forName(SocketTimerScheduler.IDLE_CHECK);
        Constructor<?> constructor = type.getDeclaredConstructor(TyrusSession.class);
        constructor.setAccessible(true);
        return (Runnable) constructor.newInstance((Object) null);
    }
}
