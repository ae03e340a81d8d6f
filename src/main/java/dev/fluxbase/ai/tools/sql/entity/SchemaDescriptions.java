package dev.fluxbase.ai.tools.sql.entity;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Descriptions of tables kept between turns, and when to trust them. With a schema generation (the
 * database announces every DDL, so the generation moves), a description is served as long as the
 * generation has not moved, without asking the catalog anything; a newer generation drops them all.
 * Without one, a description is checked against a catalog fingerprint at most once per interval (zero:
 * on every call), and rebuilt only when the fingerprint moved. The generation and the fingerprint are
 * taken before building, so a change committed while building is seen by the next call.
 */
public final class SchemaDescriptions<K> {

    /** Where descriptions come from: a cheap fingerprint of the catalog, and the description itself. */
    public interface Catalog {
        String fingerprint() throws SQLException;

        String build() throws SQLException;
    }

    private record Entry(long generation, String fingerprint, long checkedAt, String description) {
    }

    private final Map<K, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private volatile long newest = -1;

    public SchemaDescriptions(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * @param generation the schema generation, or negative when none can be trusted (no announcements,
     *     or not listening right now)
     * @param checkEvery without a generation, how long a checked description is served unchecked
     */
    public String get(K key, long generation, Duration checkEvery, Catalog catalog) throws SQLException {
        Entry kept = entries.get(key);
        if (generation >= 0) {
            if (kept != null && kept.generation() == generation) {
                return kept.description();
            }
            if (generation > newest) {
                newest = generation;
                entries.clear();
            }
            return store(key, new Entry(generation, null, nanoClock.getAsLong(), catalog.build()));
        }
        long now = nanoClock.getAsLong();
        if (kept != null && kept.fingerprint() != null && now - kept.checkedAt() < checkEvery.toNanos()) {
            return kept.description();
        }
        String fingerprint = catalog.fingerprint();
        if (kept != null && fingerprint.equals(kept.fingerprint())) {
            entries.put(key, new Entry(kept.generation(), fingerprint, now, kept.description()));
            return kept.description();
        }
        return store(key, new Entry(generation, fingerprint, now, catalog.build()));
    }

    private String store(K key, Entry entry) {
        entries.put(key, entry);
        return entry.description();
    }

    int size() {
        return entries.size();
    }
}
