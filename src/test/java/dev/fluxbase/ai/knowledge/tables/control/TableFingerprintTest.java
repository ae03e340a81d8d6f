package dev.fluxbase.ai.knowledge.tables.control;

import static dev.fluxbase.ai.knowledge.tables.control.Tables.options;
import static dev.fluxbase.ai.knowledge.tables.control.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableFingerprintTest {

    private static final ExportOptions ALL = options(List.of(), false, true, false);

    @Test
    void theSameTableAndExportGiveTheSameFingerprint() {
        assertThat(TableFingerprint.schema(orders(10L, "Total"), ALL, "authenticated"))
                .isEqualTo(TableFingerprint.schema(orders(10L, "Total"), ALL, "authenticated"))
                .hasSize(64);
    }

    @Test
    void theRowEstimateMovingByItselfChangesNothing() {
        assertThat(TableFingerprint.schema(orders(10L, "Total"), ALL, "authenticated"))
                .isEqualTo(TableFingerprint.schema(orders(99_000L, "Total"), ALL, "authenticated"));
    }

    @Test
    void aChangedDescriptionOptionOrRoleChangesIt() {
        String base = TableFingerprint.schema(orders(10L, "Total"), ALL, "authenticated");

        assertThat(TableFingerprint.schema(orders(10L, "Total in EUR"), ALL, "authenticated")).isNotEqualTo(base);
        assertThat(TableFingerprint.schema(orders(10L, "Total"), options(List.of("id"), false, true, false), "authenticated")).isNotEqualTo(base);
        assertThat(TableFingerprint.schema(orders(10L, "Total"), options(List.of(), false, false, false), "authenticated")).isNotEqualTo(base);
        assertThat(TableFingerprint.schema(orders(10L, "Total"), ALL, "reporting")).isNotEqualTo(base);
        TableDetails withoutRls = new TableDetails(Tables.ORDERS, "table", orders(10L, "Total").columns(), List.of("id"), List.of(),
                List.of(), false, 10L, "Orders placed in the shop");
        assertThat(TableFingerprint.schema(withoutRls, ALL, "authenticated")).isNotEqualTo(base);
    }

    @Test
    void theSampleCountMattersOnlyWithSampleRows() {
        ExportOptions fiveSamples = options(List.of(), true, true, false);
        ExportOptions tenSamples = new ExportOptions(Tables.ORDERS, List.of(), true, 10, true, false, Optional.empty());
        ExportOptions tenWithout = new ExportOptions(Tables.ORDERS, List.of(), false, 10, true, false, Optional.empty());

        assertThat(TableFingerprint.schema(orders(1L, null), fiveSamples, "a")).isNotEqualTo(TableFingerprint.schema(orders(1L, null), tenSamples, "a"));
        assertThat(TableFingerprint.schema(orders(1L, null), ALL, "a")).isEqualTo(TableFingerprint.schema(orders(1L, null), tenWithout, "a"));
    }

    @Test
    void theStateAddsWhatTheRowsSaid() {
        assertThat(TableFingerprint.state("abc", "2026-01-01 10:00:00+00|3")).isEqualTo("abc|2026-01-01 10:00:00+00|3");
    }
}
