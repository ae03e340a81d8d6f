package dev.fluxbase.ai.knowledge.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MetadataFilterTest {

    @Test
    void conditionsAndNestedGroupsBecomeOneBoundCondition() {
        MetadataFilter filter = MetadataFilter.of(json("{\"logical_op\":\"or\",\"conditions\":[{\"key\":\"team\",\"operator\":\"=\",\"value\":\"a\"}],"
                + "\"groups\":[{\"conditions\":[{\"key\":\"tier\",\"operator\":\"IN\",\"values\":[\"x\",2]},{\"key\":\"gone\",\"operator\":\"is null\"}]}]}"));

        assertThat(filter.sql()).isEqualTo("(metadata ->> ? = ? OR (metadata ->> ? IN (?, ?) AND metadata ->> ? IS NULL))");
        assertThat(filter.parameters()).containsExactly("team", "a", "tier", "x", "2", "gone");
    }

    @Test
    void numbersAreComparedAsNumbersAndOnlyWithNumbers() {
        MetadataFilter filter = MetadataFilter.of(json("{\"conditions\":[{\"key\":\"v\",\"operator\":\">=\",\"value\":9.5},"
                + "{\"key\":\"d\",\"operator\":\"BETWEEN\",\"min\":\"2024-01-01\",\"max\":\"2024-12-31\"}]}"));

        assertThat(filter.sql()).isEqualTo("((CASE WHEN jsonb_typeof(metadata -> ?) = 'number' THEN (metadata ->> ?)::numeric END) >= ? "
                + "AND metadata ->> ? BETWEEN ? AND ?)");
        assertThat(filter.parameters()).containsExactly("v", "v", new BigDecimal("9.5"), "d", "2024-01-01", "2024-12-31");
    }

    @Test
    void anEmptyGroupMatchesEverythingAndSaysSo() {
        assertThat(MetadataFilter.of(json("{}")).isEmpty()).isTrue();
        assertThat(MetadataFilter.of(json("{\"groups\":[{}]}")).isEmpty()).isTrue();
        assertThat(MetadataFilter.NONE.isEmpty()).isTrue();
    }

    @Test
    void malformedFiltersAreRefusedWithTheReason() {
        assertThatThrownBy(() -> MetadataFilter.of(json("{\"logical_op\":\"XOR\"}"))).hasMessage("Invalid metadata_filter: logical_op must be AND or OR, not 'XOR'");
        assertThatThrownBy(() -> MetadataFilter.of(json("{\"conditions\":[{\"operator\":\"=\",\"value\":1}]}"))).hasMessageContaining("no key");
        assertThatThrownBy(() -> MetadataFilter.of(json("{\"conditions\":[{\"key\":\"k\",\"operator\":\"=\"}]}"))).hasMessageContaining("\"value\" is required for =");
        assertThatThrownBy(() -> MetadataFilter.of(json("{\"conditions\":[{\"key\":\"k\",\"operator\":\"IN\",\"values\":[]}]}"))).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> MetadataFilter.of(json("{\"conditions\":[{\"key\":\"k\",\"operator\":\"=\",\"value\":{\"a\":1}}]}")))
                .hasMessageContaining("strings, numbers or booleans");
        String deep = "{\"groups\":[".repeat(10) + "{}" + "]}".repeat(10);
        assertThatThrownBy(() -> MetadataFilter.of(json(deep))).hasMessageContaining("nest deeper");
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
