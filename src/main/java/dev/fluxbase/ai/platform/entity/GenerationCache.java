package dev.fluxbase.ai.platform.entity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values kept for one generation of what they were read from: a value read in an older generation is
 * read again. The generation is taken before reading, so a value read while a change commits is kept
 * under the old generation and is not served after it. A negative generation means "unknown": nothing is
 * kept. Values from older generations are dropped when a newer one is first seen.
 */
public final class GenerationCache<K, V> {

    private record Entry<V>(long generation, V value) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private volatile long newest;

    public V get(K key, long generation, Function<K, V> read) {
        if (generation < 0) {
            return read.apply(key);
        }
        Entry<V> kept = entries.get(key);
        if (kept != null && kept.generation() == generation) {
            return kept.value();
        }
        if (generation > newest) {
            newest = generation;
            entries.clear();
        }
        V value = read.apply(key);
        entries.merge(key, new Entry<>(generation, value), (old, fresh) -> old.generation() > fresh.generation() ? old : fresh);
        return value;
    }

    int size() {
        return entries.size();
    }
}
