package dev.fluxbase.ai.observability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code fluxbase.log.format=json} ({@code FLUXBASE_LOG_FORMAT}) switches the server's log handlers to
 * {@link JsonLogFormatter} when the application starts, and back when it stops, so that no handler keeps a
 * formatter of an undeployed application. Lines Payara writes before the application starts keep the
 * format of its logging properties ({@code run.sh} chooses Payara's own JSON formatter for them).
 */
@ApplicationScoped
public class LogFormat {

    private static final Logger LOG = Logger.getLogger(LogFormat.class.getName());
    static final String JSON = "json";
    static final String TEXT = "text";

    @Inject
    @ConfigProperty(name = "fluxbase.log.format", defaultValue = TEXT)
    String format;

    private final Map<Handler, Formatter> replaced = new IdentityHashMap<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        String wanted = format.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(TEXT)) {
            return;
        }
        if (!wanted.equals(JSON)) {
            LOG.warning("fluxbase.log.format must be text or json, not '" + format + "': the log stays text");
            return;
        }
        JsonLogFormatter json = new JsonLogFormatter();
        synchronized (replaced) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                replaced.put(handler, handler.getFormatter());
                handler.setFormatter(json);
            }
        }
        if (replaced.isEmpty()) {
            LOG.warning("fluxbase.log.format=json, but the server has no log handler to format");
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        synchronized (replaced) {
            replaced.forEach(Handler::setFormatter);
            replaced.clear();
        }
    }
}
