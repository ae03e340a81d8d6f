package dev.fluxbase.ai.platform.container;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the WebSocket container (Tyrus) a scheduler of its own for the sockets' timers, before the first
 * socket opens. Tyrus otherwise uses Payara's managed scheduled executor, which captures thread context
 * (a ServiceLoader scan and container lookups, under locks) for the task Tyrus schedules on every frame
 * sent and received; under load most threads of a streaming turn waited there (bench/RESULTS.md).
 * Tyrus has no setting for its scheduler, so the field is set by reflection; when that fails (another
 * Tyrus) the container keeps its own and the server says so once.
 */
@WebListener
public class SocketTimers implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SocketTimers.class.getName());
    private static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";
    static final String TYRUS_CONTAINER = "org.glassfish.tyrus.core.BaseContainer";
    static final String SCHEDULER_FIELD = "managedScheduledExecutorService";

    @Resource
    ManagedThreadFactory threads;

    private SocketTimerScheduler scheduler;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SocketTimerScheduler own = new SocketTimerScheduler(threads);
        if (install(event.getServletContext().getAttribute(SERVER_CONTAINER), own)) {
            scheduler = own;
        } else {
            own.shutdown();
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    /** @return whether the container now schedules its sockets' timers on the given scheduler */
    static boolean install(Object container, ScheduledExecutorService scheduler) {
        try {
            Field field = schedulerField(container);
            field.setAccessible(true);
            field.set(container, scheduler);
            LOG.info("Chat socket timers run on their own scheduler");
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Chat socket timers stay on the WebSocket container's scheduler, which costs more per frame: " + e);
            return false;
        }
    }

    private static Field schedulerField(Object container) throws NoSuchFieldException {
        for (Class<?> type = container == null ? null : container.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(TYRUS_CONTAINER)) {
                return type.getDeclaredField(SCHEDULER_FIELD);
            }
        }
        throw new NoSuchFieldException("no " + TYRUS_CONTAINER + " in " + (container == null ? "null" : container.getClass().getName()));
    }
}
