package dev.fluxbase.ai.settings.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.settings.entity.SettingRef;
import dev.fluxbase.ai.settings.entity.SettingValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings are read once per user and TTL, and read again at once after a change through this instance. */
class SettingsCacheTest {

    private final List<String> reads = new ArrayList<>();
    private final SettingsCache cache = new SettingsCache();
    private String units = "metric";

    SettingsCacheTest() {
        cache.cacheSeconds = 60;
        cache.store = new SettingsStore() {
            @Override
            public Map<String, SettingValue> values(String owner) {
                reads.add(owner == null ? "system" : owner);
                return Map.of("units", SettingValue.plain("units", owner, owner == null ? "imperial" : units));
            }
        };
    }

    private String units(String user) {
        return cache.snapshot(user).find(new SettingRef(SettingRef.Scope.USER_THEN_SYSTEM, "units")).orElseThrow().text();
    }

    @Test
    void aSecondTurnWithinTheTtlReadsNothing() {
        assertThat(units("alice")).isEqualTo("metric");
        assertThat(units("alice")).isEqualTo("metric");
        assertThat(cache.snapshot(null).find(new SettingRef(SettingRef.Scope.SYSTEM, "units")).orElseThrow().text()).isEqualTo("imperial");
        assertThat(cache.snapshot("alice").find(new SettingRef(SettingRef.Scope.SYSTEM, "units"))).isPresent();
        assertThat(reads).containsExactly("alice", "system");
    }

    @Test
    void aChangeDropsOnlyItsOwnersCopy() {
        units("alice");
        units("bob");
        units = "nautical";
        cache.changed("alice");

        assertThat(units("alice")).isEqualTo("nautical");
        units("bob");
        assertThat(reads).containsExactly("alice", "bob", "alice");
    }

    @Test
    void aTtlOfZeroCachesNothing() {
        cache.cacheSeconds = 0;
        units("alice");
        units("alice");
        assertThat(reads).containsExactly("alice", "alice");
    }

    @Test
    void anAnonymousSnapshotHasNoUserSettings() {
        assertThat(cache.snapshot(null).find(new SettingRef(SettingRef.Scope.USER, "units"))).isEmpty();
        assertThat(reads).isEmpty();
    }
}
