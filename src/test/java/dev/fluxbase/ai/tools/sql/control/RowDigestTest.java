package dev.fluxbase.ai.tools.sql.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowDigestTest {

    private static final JsonObject ADA = JsonFactories.readObject("{\"id\": 1, \"name\": \"Ada\", \"done\": false}");
    private static final JsonObject BOB = JsonFactories.readObject("{\"id\": 2, \"name\": \"Bob\", \"done\": false}");

    @Test
    void theDigestIgnoresTheOrderOfTheRowsButNotTheirValues() {
        assertThat(RowDigest.of(List.of(ADA, BOB))).isEqualTo(RowDigest.of(List.of(BOB, ADA))).hasSize(64);
        assertThat(RowDigest.of(List.of(ADA, BOB))).isNotEqualTo(RowDigest.of(List.of(ADA, JsonFactories.readObject(
                "{\"id\": 2, \"name\": \"Bob\", \"done\": true}"))));
        assertThat(RowDigest.of(List.of(ADA))).isNotEqualTo(RowDigest.of(List.of(ADA, ADA)));
    }

    @Test
    void aConfirmedWriteMustChangeThePreviewedRows() {
        JsonObject bobDone = JsonFactories.readObject("{\"id\": 2, \"name\": \"Bob\", \"done\": true}");
        JsonObject adaDone = JsonFactories.readObject("{\"id\": 1, \"name\": \"Ada\", \"done\": true}");
        WritePreview update = preview("UPDATE", List.of(ADA, BOB), List.of(adaDone, bobDone));
        assertThat(WriteConfirmation.samePreviewed(update, List.of(BOB, ADA), List.of(bobDone, adaDone))).isTrue();
        assertThat(WriteConfirmation.samePreviewed(update, List.of(ADA, BOB), List.of(adaDone))).isFalse();
        // the values an UPDATE computes as it runs are not compared: the rows before it were
        JsonObject adaStamped = JsonFactories.readObject("{\"id\": 1, \"name\": \"Ada\", \"done\": true, \"at\": \"12:01\"}");
        assertThat(WriteConfirmation.samePreviewed(update, List.of(ADA, BOB), List.of(adaStamped, bobDone))).isTrue();

        WritePreview delete = preview("DELETE", List.of(ADA, BOB), List.of());
        assertThat(WriteConfirmation.samePreviewed(delete, List.of(), List.of(BOB, ADA))).isTrue();
        assertThat(WriteConfirmation.samePreviewed(delete, List.of(), List.of(ADA, bobDone))).isFalse();

        WritePreview insert = preview("INSERT", List.of(), List.of(ADA));
        assertThat(WriteConfirmation.samePreviewed(insert, List.of(), List.of(BOB))).isTrue();
        assertThat(WriteConfirmation.samePreviewed(insert, List.of(), List.of(ADA, BOB))).isFalse();
    }

    private static WritePreview preview(String operation, List<JsonObject> before, List<JsonObject> after) {
        int changed = "DELETE".equals(operation) ? before.size() : after.size();
        return new WritePreview(UUID.randomUUID(), "c", UUID.randomUUID(), "u", "q", "q", List.of(), operation, "t", changed, RowDigest.of(before),
                Instant.now(), before, after, false);
    }
}
