package dev.fluxbase.ai.chatbots.entity;

import java.util.List;

/** What a sync did (or, in a dry run, would do), by chatbot name; warnings name the file and line of what is not honoured. */
public record SyncResult(
        String namespace,
        boolean dryRun,
        List<String> created,
        List<String> updated,
        List<String> deleted,
        List<String> unchanged,
        List<SyncError> errors,
        List<String> warnings) {

    /** A chatbot the sync could not take, and at which step. */
    public record SyncError(String name, String error, String action) {
    }

    public SyncResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        unchanged = List.copyOf(unchanged);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
