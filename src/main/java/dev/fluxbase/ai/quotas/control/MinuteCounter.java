package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.quotas.entity.Window;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Counts events per key in fixed one-minute windows (UTC minutes), in memory: cheap, and enough to keep
 * one client from doing something too often on this instance. The windows are keyed by their start;
 * those before the current one are dropped on the next count, so only keys seen this minute are kept.
 */
public final class MinuteCounter {

    private final int limit;
    private final ConcurrentSkipListMap<Instant, Map<String, Integer>> windows = new ConcurrentSkipListMap<>();

    /** @param limit events per key and minute; 0 allows none */
    public MinuteCounter(int limit) {
        this.limit = limit;
    }

    /**
     * Counts an event of {@code key}, unless the key reached the limit this minute (a refused event is not counted).
     *
     * @return 0 when counted, else the whole seconds until the minute ends (at least 1)
     */
    public long count(String key, Instant now) {
        Instant start = Window.MINUTE.start(now);
        windows.headMap(start).clear();
        boolean[] counted = {false};
        windows.computeIfAbsent(start, s -> new ConcurrentHashMap<>()).compute(key, (k, count) -> {
            int current = count == null ? 0 : count;
            counted[0] = current < limit;
            return counted[0] ? current + 1 : current;
        });
        return counted[0] ? 0 : Window.MINUTE.secondsLeft(now);
    }

    /** The keys counted in windows that are still kept: what the counter holds in memory. */
    int keys() {
        return windows.values().stream().mapToInt(Map::size).sum();
    }
}
