package dev.fluxbase.ai.tools.sql.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SchemaDescriptionsTest {

    private static final long UNKNOWN = -1;
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong(1_000);
    private final SchemaDescriptions<String> descriptions = new SchemaDescriptions<>(now::get);
    private final FakeCatalog catalog = new FakeCatalog();

    @Test
    void withAGenerationADescriptionIsServedWithoutAskingTheCatalog() throws Exception {
        assertThat(descriptions.get("bot", 3, MINUTE, catalog)).isEqualTo("schema v1");
        catalog.version = 2;
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(descriptions.get("bot", 3, MINUTE, catalog)).isEqualTo("schema v1");
        assertThat(catalog.builds).isEqualTo(1);
        assertThat(catalog.fingerprints).isZero();
    }

    @Test
    void aNewGenerationDropsEveryDescription() throws Exception {
        descriptions.get("bot", 3, MINUTE, catalog);
        descriptions.get("other", 3, MINUTE, catalog);
        catalog.version = 2;

        assertThat(descriptions.get("bot", 4, MINUTE, catalog)).isEqualTo("schema v2");
        assertThat(descriptions.size()).isEqualTo(1);
        assertThat(descriptions.get("other", 4, MINUTE, catalog)).isEqualTo("schema v2");
        assertThat(catalog.builds).isEqualTo(4);
        assertThat(catalog.fingerprints).isZero();
    }

    @Test
    void withoutAGenerationTheFingerprintIsCheckedAtMostOncePerInterval() throws Exception {
        descriptions.get("bot", UNKNOWN, MINUTE, catalog);
        catalog.version = 2;
        now.addAndGet(Duration.ofSeconds(59).toNanos());

        assertThat(descriptions.get("bot", UNKNOWN, MINUTE, catalog)).isEqualTo("schema v1");
        assertThat(catalog.fingerprints).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(descriptions.get("bot", UNKNOWN, MINUTE, catalog)).isEqualTo("schema v2");
        assertThat(catalog.fingerprints).isEqualTo(2);
        assertThat(catalog.builds).isEqualTo(2);
    }

    @Test
    void anUnchangedFingerprintKeepsTheDescriptionAndStartsANewInterval() throws Exception {
        descriptions.get("bot", UNKNOWN, MINUTE, catalog);
        now.addAndGet(MINUTE.toNanos());
        descriptions.get("bot", UNKNOWN, MINUTE, catalog);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        descriptions.get("bot", UNKNOWN, MINUTE, catalog);

        assertThat(catalog.fingerprints).isEqualTo(2);
        assertThat(catalog.builds).isEqualTo(1);
    }

    @Test
    void aZeroIntervalChecksTheFingerprintOnEveryCall() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(descriptions.get("bot", UNKNOWN, Duration.ZERO, catalog)).isEqualTo("schema v1");
        }
        assertThat(catalog.fingerprints).isEqualTo(3);
        assertThat(catalog.builds).isEqualTo(1);
    }

    @Test
    void losingTheGenerationChecksADescriptionBuiltWithOne() throws Exception {
        descriptions.get("bot", 3, MINUTE, catalog);
        catalog.version = 2;

        assertThat(descriptions.get("bot", UNKNOWN, MINUTE, catalog)).isEqualTo("schema v2");
        assertThat(catalog.fingerprints).isEqualTo(1);
    }

    @Test
    void aGenerationAfterCheckedDescriptionsRebuildsThem() throws Exception {
        descriptions.get("bot", UNKNOWN, MINUTE, catalog);
        catalog.version = 2;

        assertThat(descriptions.get("bot", 0, MINUTE, catalog)).isEqualTo("schema v2");
    }

    @Test
    void keysAreDescribedSeparately() throws Exception {
        descriptions.get("bot", 3, MINUTE, catalog);
        descriptions.get("other", 3, MINUTE, catalog);
        descriptions.get("bot", 3, MINUTE, catalog);

        assertThat(catalog.builds).isEqualTo(2);
    }

    private static final class FakeCatalog implements SchemaDescriptions.Catalog {
        int version = 1;
        int builds;
        int fingerprints;

        @Override
        public String fingerprint() {
            fingerprints++;
            return "fp" + version;
        }

        @Override
        public String build() {
            builds++;
            return "schema v" + version;
        }
    }
}
