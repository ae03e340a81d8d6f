package dev.fluxbase.ai.platform.container;

import java.util.concurrent.Executor;

/**
 * Payara captures thread context for every task handed to one of its managed executors, and the capture
 * starts with a ServiceLoader lookup through the thread's context class loader. With the application's
 * loader that lookup reads every jar of the application and the server, each under its own lock, and
 * under load most hand-overs waited there (bench/RESULTS.md). With the platform loader as context loader
 * it reads nothing. The context that matters (the component, its naming, security) is captured whatever
 * the loader is.
 */
public final class ContextLoaders {

    private ContextLoaders() {
    }

    /** Runs the action (which hands work to a managed executor) with the platform class loader as context loader. */
    public static void withPlatformLoader(Runnable action) {
        runWith(ClassLoader.getPlatformClassLoader(), action);
    }

    /**
     * An executor that hands tasks over with the platform loader and runs each with the given loader (the
     * application's) as context loader, as the application's code expects.
     */
    public static Executor handingOverLightly(Executor executor, ClassLoader taskLoader) {
        return task -> withPlatformLoader(() -> executor.execute(() -> runWith(taskLoader, task)));
    }

    private static void runWith(ClassLoader loader, Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            task.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
