package dev.fluxbase.ai.platform.control;

import dev.fluxbase.ai.platform.entity.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The generation of the shared configuration that turns read (stored providers, knowledge-base links),
 * so that they can be cached between turns. Every change to it is announced by the database on the
 * {@value #CHANNEL} channel when it commits (triggers of migration V6), whichever instance or tool made
 * it; this instance listens on a connection of its own and moves to a new generation on each
 * announcement. A change made through this instance's admin API also moves it at once, so that it applies
 * to the very next turn here. While the listening connection is down nothing may be cached, and the
 * generation moves again once it is back (announcements may have been missed).
 *
 * <p>DDL is announced on the same channel with the payload {@value #SCHEMA} (event triggers, see
 * {@code SchemaEvents}); it moves a generation of its own, the schema generation, so that a DDL does not
 * drop the configuration caches nor a configuration change the table descriptions.
 */
@ApplicationScoped
public class ConfigChanges {

    static final String CHANNEL = "fluxbase_config";
    /** The payload that announces DDL (migration V9). */
    static final String SCHEMA = "schema";
    /** What {@link #generation()} answers while changes cannot be heard: cache nothing. */
    public static final long UNKNOWN = -1;

    private static final Logger LOG = Logger.getLogger(ConfigChanges.class.getName());
    private static final long FIRST_RETRY_MS = 250;
    private static final long MAX_RETRY_MS = 5000;

    @Inject
    @ConfigProperty(name = "fluxbase.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "fluxbase.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "fluxbase.db.password")
    String password;

    // A quiet channel is probed this often, so that a connection lost without a word is noticed.
    @Inject
    @ConfigProperty(name = "fluxbase.config.listen-probe-ms", defaultValue = "5000")
    int probeMs;

    @Resource
    ManagedThreadFactory threads;

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong schemaGeneration = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object pause = new Object();
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile Connection connection;

    void start(@Observes SchemaReady ready) {
        if (started.compareAndSet(false, true)) {
            Thread listener = threads.newThread(this::listen);
            listener.setName("fluxbase-config-changes");
            listener.start();
        }
    }

    /** The current generation, or {@link #UNKNOWN} while changes cannot be heard. */
    public long generation() {
        return listening ? generation.get() : UNKNOWN;
    }

    /** The generation of the database's schema (moved by every DDL), or {@link #UNKNOWN} while DDL cannot be heard. */
    public long schemaGeneration() {
        return listening ? schemaGeneration.get() : UNKNOWN;
    }

    /** A change made here has committed. */
    public void changedHere() {
        generation.incrementAndGet();
    }

    private void listen() {
        long retryMs = FIRST_RETRY_MS;
        boolean warned = false;
        while (!stopped) {
            try (Connection listenOn = open()) {
                connection = listenOn;
                try (Statement statement = listenOn.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                generation.incrementAndGet();
                schemaGeneration.incrementAndGet();
                listening = true;
                retryMs = FIRST_RETRY_MS;
                LOG.info("Listening for configuration changes: stored providers and knowledge-base links are cached between turns");
                warned = false;
                await(listenOn);
            } catch (SQLException | RuntimeException e) {
                if (!stopped && !warned) {
                    LOG.log(Level.WARNING, "Not listening for configuration changes, so nothing is cached between turns: {0}", e.getMessage());
                    warned = true;
                }
            } finally {
                listening = false;
                connection = null;
            }
            retryMs = pauseFor(retryMs);
        }
    }

    private void await(Connection listenOn) throws SQLException {
        PGConnection announcements = listenOn.unwrap(PGConnection.class);
        while (!stopped) {
            PGNotification[] heard = announcements.getNotifications(probeMs);
            if (heard != null && heard.length > 0) {
                moveGenerations(heard);
            } else {
                try (Statement probe = listenOn.createStatement()) {
                    probe.execute("SELECT 1");
                }
            }
        }
    }

    private void moveGenerations(PGNotification[] heard) {
        boolean schema = false;
        boolean config = false;
        for (PGNotification notification : heard) {
            if (SCHEMA.equals(notification.getParameter())) {
                schema = true;
            } else {
                config = true;
            }
        }
        if (schema) {
            schemaGeneration.incrementAndGet();
        }
        if (config) {
            generation.incrementAndGet();
        }
    }

    private Connection open() throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        source.setApplicationName("fluxbase-ai-config-changes");
        source.setConnectTimeout(5);
        source.setSocketTimeout(Math.max(10, 3 * probeMs / 1000));
        return source.getConnection();
    }

    /** @return the next pause, longer up to a limit */
    private long pauseFor(long millis) {
        synchronized (pause) {
            if (!stopped) {
                try {
                    pause.wait(millis); // between reconnection attempts; a stop wakes it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
        }
        return Math.min(millis * 2, MAX_RETRY_MS);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        listening = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing the listening connection", e);
            }
        }
    }
}
