package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import dev.fluxbase.ai.tools.sql.entity.WriteRefused;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.Optional;
import java.util.Set;

/**
 * What a conversation's history tells of a previewed write, so that a reloaded conversation, and the LLM on the next turn,
 * know whether it happened: the preview (among the query results of the turn that made it), then the user's decision as an
 * assistant message of its own, with the write among its query results: confirmed with the rows it changed, cancelled, or
 * refused with nothing changed. A preview that nobody decided tells its deadline; nothing was written after it.
 *
 * @param content the message, for the LLM and the reader
 * @param queryResults a JSON array in the shape of a turn's query results, or null
 */
record WriteNote(String content, String queryResults) {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    /** A refused confirmation is noted when it was this conversation's preview to decide; a closed one was noted already. */
    private static final Set<String> NOTED_REFUSALS = Set.of(ErrorCodes.WRITE_PREVIEW_STALE, ErrorCodes.WRITE_PREVIEW_EXPIRED,
            ErrorCodes.WRITE_FAILED);

    /** The summary of the preview among its turn's query results. */
    static String previewed(WritePreview preview) {
        return "Previewed, not run: it would change " + preview.rowsAffected() + " row(s), and runs only if the user confirms it before "
                + preview.expiresAt() + ".";
    }

    static WriteNote confirmed(WritePreview preview) {
        return new WriteNote("(The user confirmed the previewed " + preview.operation() + ": it changed " + preview.rowsAffected() + " row(s).)",
                result(preview, "Confirmed by the user: it changed " + preview.rowsAffected() + " row(s)."));
    }

    static WriteNote cancelled(WritePreview preview) {
        return new WriteNote("(The user cancelled the previewed " + preview.operation() + ": nothing was changed.)",
                result(preview, "Cancelled by the user: nothing was changed."));
    }

    static Optional<WriteNote> refused(WriteRefused refusal) {
        if (!NOTED_REFUSALS.contains(refusal.code())) {
            return Optional.empty();
        }
        return Optional.of(new WriteNote("(The user confirmed a previewed write, but nothing was changed: " + refusal.getMessage() + ".)", null));
    }

    private static String result(WritePreview preview, String summary) {
        JsonObject result = JSON.createObjectBuilder().add("query", preview.query()).add("summary", summary).add("row_count", 0)
                .add("data", JSON.createArrayBuilder()).build();
        return JSON.createArrayBuilder().add(result).build().toString();
    }
}
