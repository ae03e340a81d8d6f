package dev.fluxbase.ai.rlschecks.boundary;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.rlschecks.control.RlsCheckStore;
import dev.fluxbase.ai.rlschecks.control.StoredJson;
import dev.fluxbase.ai.rlschecks.entity.CheckVerdict;
import dev.fluxbase.ai.rlschecks.entity.ChecksSummary;
import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.rlschecks.entity.RecordedQuery;
import dev.fluxbase.ai.rlschecks.entity.RlsCheck;
import dev.fluxbase.ai.rlschecks.entity.RlsCheckInput;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Checks, their runs and the chatbot's recorded queries in JSON; a check's latest run is {@code last_run}, null before the first. */
public final class RlsCheckJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private RlsCheckJson() {
    }

    static JsonObject list(List<RlsCheck> checks) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        checks.forEach(check -> array.add(of(check)));
        return JSON.createObjectBuilder().add("checks", array).add("count", checks.size()).add("summary", summary(summarise(checks))).build();
    }

    static JsonObject of(RlsCheck check) {
        return JSON.createObjectBuilder()
                .add("id", check.id().toString())
                .add("chatbot_id", check.chatbotId().toString())
                .add("name", check.name())
                .add("question", nullable(check.question()))
                .add("sql", check.sql())
                .add("owner_column", nullable(check.ownerColumn()))
                .add("expect", check.expectation().wireName())
                .add("users", StoredJson.users(check.users()))
                .add("forbidden_owners", JSON.createArrayBuilder(check.forbiddenOwners()))
                .add("source_audit_id", check.sourceAuditId() == null ? JsonValue.NULL : JSON.createValue(check.sourceAuditId()))
                .add("created_at", check.createdAt().toString())
                .add("updated_at", check.updatedAt().toString())
                .add("last_run", check.lastRun().<JsonValue>map(RlsCheckJson::verdict).orElse(JsonValue.NULL))
                .build();
    }

    static JsonObject verdict(CheckVerdict verdict) {
        return JSON.createObjectBuilder().add("status", verdict.status().wireName()).add("ran_at", verdict.ranAt().toString())
                .add("users", StoredJson.outcomes(verdict.users())).build();
    }

    static JsonObject runs(List<RlsCheckStore.Run> runs) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        runs.forEach(run -> array.add(JSON.createObjectBuilder(verdict(run.verdict())).add("id", run.id()).add("ran_by", nullable(run.ranBy()))));
        return JSON.createObjectBuilder().add("runs", array).add("count", runs.size()).build();
    }

    static JsonObject recorded(List<RecordedQuery> queries) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        queries.forEach(q -> array.add(JSON.createObjectBuilder().add("audit_id", q.auditId()).add("executed_at", q.executedAt().toString())
                .add("user_id", nullable(q.userId())).add("sql", q.sql()).add("question", nullable(q.question()))
                .add("row_count", q.rowCount() == null ? JsonValue.NULL : JSON.createValue(q.rowCount()))));
        return JSON.createObjectBuilder().add("queries", array).add("count", queries.size()).build();
    }

    /** The chatbot's checks at a glance, as the admin chatbot JSON shows them ({@code rls_checks}). */
    public static JsonObject summary(ChecksSummary summary) {
        return JSON.createObjectBuilder().add("total", summary.total()).add("passed", summary.passed()).add("failed", summary.failed())
                .add("error", summary.errors()).add("never_run", summary.neverRun())
                .add("last_run_at", summary.lastRunAt() == null ? JsonValue.NULL : JSON.createValue(summary.lastRunAt().toString())).build();
    }

    static RlsCheckInput input(JsonFields body) {
        Optional<Long> auditId = body.has("audit_id") ? Optional.of(body.required("audit_id", key -> body.integer(key, 1, Integer.MAX_VALUE))
                .longValue()) : Optional.empty();
        Optional<List<Impersonation>> users = body.fieldsList("users").map(list -> list.stream()
                .map(user -> new Impersonation(user.requiredText("user_id"), user.text("role").orElse(null),
                        user.object("claims").map(JsonObject::toString).orElse(null))).toList());
        return new RlsCheckInput(body.text("name"), body.text("question"), body.text("sql"), auditId, body.text("owner_column"),
                body.text("expect"), users, body.strings("forbidden_owners"));
    }

    private static ChecksSummary summarise(List<RlsCheck> checks) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        Instant last = null;
        for (RlsCheck check : checks) {
            if (check.last() == null) {
                continue;
            }
            switch (check.last().status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case ERROR -> errors++;
            }
            last = last == null || check.last().ranAt().isAfter(last) ? check.last().ranAt() : last;
        }
        return new ChecksSummary(checks.size(), passed, failed, errors, last);
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }
}
