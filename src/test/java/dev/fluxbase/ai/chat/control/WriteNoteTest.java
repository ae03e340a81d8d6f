package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import dev.fluxbase.ai.tools.sql.entity.WriteRefused;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WriteNoteTest {

    private static final WritePreview PREVIEW = new WritePreview(UUID.randomUUID(), "c", UUID.randomUUID(), "u",
            "UPDATE tasks SET done = true", "UPDATE tasks SET done = true RETURNING tasks.*", List.of(), "UPDATE", "tasks", 2, "digest",
            Instant.parse("2026-12-04T18:05:00Z"), List.of(), List.of(), false);

    @Test
    void thePreviewTellsThatNothingRunsUnlessConfirmedBeforeItsDeadline() {
        assertThat(WriteNote.previewed(PREVIEW))
                .isEqualTo("Previewed, not run: it would change 2 row(s), and runs only if the user confirms it before 2026-12-04T18:05:00Z.");
    }

    @Test
    void aDecisionTellsWhatHappenedWithTheStatementAmongItsQueryResults() {
        WriteNote confirmed = WriteNote.confirmed(PREVIEW);
        assertThat(confirmed.content()).isEqualTo("(The user confirmed the previewed UPDATE: it changed 2 row(s).)");
        JsonObject result = JsonFactories.readArray(confirmed.queryResults()).getJsonObject(0);
        assertThat(result.getString("query")).isEqualTo("UPDATE tasks SET done = true");
        assertThat(result.getString("summary")).isEqualTo("Confirmed by the user: it changed 2 row(s).");
        assertThat(result.getJsonArray("data")).isEmpty();

        WriteNote cancelled = WriteNote.cancelled(PREVIEW);
        assertThat(cancelled.content()).isEqualTo("(The user cancelled the previewed UPDATE: nothing was changed.)");
        assertThat(JsonFactories.readArray(cancelled.queryResults()).getJsonObject(0).getString("summary"))
                .isEqualTo("Cancelled by the user: nothing was changed.");
    }

    @Test
    void aRefusedConfirmationIsNotedOnlyWhenItWasThisConversationsToDecide() {
        assertThat(WriteNote.refused(new WriteRefused(ErrorCodes.WRITE_PREVIEW_STALE, "The rows changed since the preview: ask again")))
                .hasValueSatisfying(note -> assertThat(note.content())
                        .isEqualTo("(The user confirmed a previewed write, but nothing was changed: The rows changed since the preview: ask again.)"));
        assertThat(WriteNote.refused(new WriteRefused(ErrorCodes.WRITE_PREVIEW_EXPIRED, "The write preview expired: ask again"))).isPresent();
        assertThat(WriteNote.refused(new WriteRefused(ErrorCodes.WRITE_FAILED, "The write failed"))).isPresent();
        assertThat(WriteNote.refused(new WriteRefused(ErrorCodes.WRITE_PREVIEW_CLOSED, "The write preview was confirmed already"))).isEmpty();
        assertThat(WriteNote.refused(new WriteRefused(ErrorCodes.WRITE_PREVIEW_NOT_FOUND, "No such write preview"))).isEmpty();
    }
}
