package dev.fluxbase.ai.platform.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ContextLoadersTest {

    private final ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());

    @Test
    void tasksAreHandedOverWithThePlatformLoaderAndRunWithTheApplicationsLoader() {
        AtomicReference<ClassLoader> atHandOver = new AtomicReference<>();
        AtomicReference<ClassLoader> inTask = new AtomicReference<>();
        Executor capturing = task -> {
            atHandOver.set(Thread.currentThread().getContextClassLoader());
            task.run();
        };

        ContextLoaders.handingOverLightly(capturing, application)
                .execute(() -> inTask.set(Thread.currentThread().getContextClassLoader()));

        assertThat(atHandOver.get()).isSameAs(ClassLoader.getPlatformClassLoader());
        assertThat(inTask.get()).isSameAs(application);
    }

    @Test
    void theCallersLoaderIsBackAfterwardsEvenWhenTheActionFails() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThatThrownBy(() -> ContextLoaders.withPlatformLoader(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
