package dev.fluxbase.ai.settings.control;

import dev.fluxbase.ai.settings.entity.SettingValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings placeholders resolve to, kept for {@code fluxbase.ai.settings.cache-seconds} so that a turn does not
 * read the table. A change through this instance drops what it cached at once; other instances see it when their
 * copy expires. Secrets are kept sealed.
 */
@ApplicationScoped
public class SettingsCache {

    /** More users than this at once, and the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 10_000;
    private static final String SYSTEM = "system";

    @Inject
    @ConfigProperty(name = "fluxbase.ai.settings.cache-seconds", defaultValue = "30")
    int cacheSeconds;

    @Inject
    SettingsStore store;

    private record Entry(long expiresAt, Map<String, SettingValue> values) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    // counts changes, so that values read while one commits are not kept
    private final AtomicLong changes = new AtomicLong();

    /** The settings of one turn's user (null: anonymous, only the system's), read when first needed. */
    public SettingsSnapshot snapshot(String userId) {
        return new SettingsSnapshot(() -> values(null), userId == null ? Map::of : () -> values(userId));
    }

    /** @param owner a user id, or null for the system's settings */
    public void changed(String owner) {
        changes.incrementAndGet();
        entries.remove(cacheKey(owner));
    }

    private Map<String, SettingValue> values(String owner) {
        String key = cacheKey(owner);
        long now = System.nanoTime();
        Entry kept = entries.get(key);
        if (kept != null && kept.expiresAt() - now > 0) {
            return kept.values();
        }
        long before = changes.get();
        Map<String, SettingValue> values = Map.copyOf(store.values(owner));
        if (cacheSeconds > 0 && changes.get() == before) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(now + TimeUnit.SECONDS.toNanos(cacheSeconds), values));
        }
        return values;
    }

    private static String cacheKey(String owner) {
        return owner == null ? SYSTEM : "user:" + owner;
    }
}
