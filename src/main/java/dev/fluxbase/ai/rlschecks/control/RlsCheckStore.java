package dev.fluxbase.ai.rlschecks.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.rlschecks.entity.CheckStatus;
import dev.fluxbase.ai.rlschecks.entity.CheckVerdict;
import dev.fluxbase.ai.rlschecks.entity.ChecksSummary;
import dev.fluxbase.ai.rlschecks.entity.Expectation;
import dev.fluxbase.ai.rlschecks.entity.RecordedQuery;
import dev.fluxbase.ai.rlschecks.entity.RlsCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Checks in {@code ai.rls_checks} with their latest verdict, every run in {@code ai.rls_check_runs}. */
@ApplicationScoped
public class RlsCheckStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT id, chatbot_id, name, question, sql, owner_column, expectation, users::text AS users, "
            + "forbidden_owners, source_audit_id, created_at, updated_at, last_run_at, last_status, last_result::text AS last_result "
            + "FROM ai.rls_checks";
    private static final String SUMMARIES = "SELECT chatbot_id, count(*), count(*) FILTER (WHERE last_status = 'passed'), "
            + "count(*) FILTER (WHERE last_status = 'failed'), count(*) FILTER (WHERE last_status = 'error'), max(last_run_at) FROM ai.rls_checks";
    /** The question asked last before the query ran, in the same conversation. */
    private static final String RECORDED = "SELECT a.id, a.executed_at, a.user_id, a.sql, a.row_count, (SELECT m.content FROM ai.messages m "
            + "WHERE m.conversation_id = a.conversation_id AND m.role = 'user' AND m.created_at <= a.executed_at "
            + "ORDER BY m.created_at DESC, m.ordinal DESC LIMIT 1) AS question FROM ai.sql_audit_log a "
            + "WHERE a.chatbot_id = ? AND a.allowed AND a.error IS NULL";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, e -> UNIQUE_VIOLATION.equals(e.getSQLState())
            ? new RequestRejected(409, ErrorCodes.RLS_CHECK_EXISTS, "This chatbot already has a check of that name")
            : new IllegalStateException("RLS check storage failed: " + e.getMessage(), e));

    public List<RlsCheck> ofChatbot(UUID chatbotId) {
        return jdbc.list(SELECT + " WHERE chatbot_id = ? ORDER BY name", RlsCheckStore::check, chatbotId);
    }

    public Optional<RlsCheck> find(UUID chatbotId, UUID id) {
        return jdbc.first(SELECT + " WHERE chatbot_id = ? AND id = ?", RlsCheckStore::check, chatbotId, id);
    }

    public RlsCheck create(RlsCheck check) {
        jdbc.update("INSERT INTO ai.rls_checks (id, chatbot_id, name, question, sql, owner_column, expectation, users, forbidden_owners, "
                + "source_audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)", check.id(), check.chatbotId(), check.name(), check.question(),
                check.sql(), check.ownerColumn(), check.expectation().wireName(), StoredJson.users(check.users()).toString(),
                new Jdbc.TextArray(check.forbiddenOwners()), check.sourceAuditId());
        return find(check.chatbotId(), check.id()).orElseThrow();
    }

    /** Saves every field; a changed check has no verdict until it runs again. */
    public RlsCheck update(RlsCheck check) {
        jdbc.update("UPDATE ai.rls_checks SET name = ?, question = ?, sql = ?, owner_column = ?, expectation = ?, users = ?::jsonb, "
                + "forbidden_owners = ?, source_audit_id = ?, updated_at = now(), last_run_at = NULL, last_status = NULL, last_result = NULL "
                + "WHERE id = ?", check.name(), check.question(), check.sql(), check.ownerColumn(), check.expectation().wireName(),
                StoredJson.users(check.users()).toString(), new Jdbc.TextArray(check.forbiddenOwners()), check.sourceAuditId(), check.id());
        return find(check.chatbotId(), check.id()).orElseThrow();
    }

    public boolean delete(UUID chatbotId, UUID id) {
        return jdbc.update("DELETE FROM ai.rls_checks WHERE chatbot_id = ? AND id = ?", chatbotId, id) > 0;
    }

    /** The run is kept, and becomes the check's latest verdict, in one statement. */
    public void recordRun(UUID checkId, CheckVerdict verdict, String ranBy) {
        String result = StoredJson.outcomes(verdict.users()).toString();
        jdbc.update("WITH run AS (INSERT INTO ai.rls_check_runs (check_id, ran_at, ran_by, status, result) VALUES (?, ?, ?, ?, ?::jsonb)) "
                + "UPDATE ai.rls_checks SET last_run_at = ?, last_status = ?, last_result = ?::jsonb WHERE id = ?", checkId, verdict.ranAt(), ranBy,
                verdict.status().wireName(), result, verdict.ranAt(), verdict.status().wireName(), result, checkId);
    }

    /** A run with who started it. */
    public record Run(long id, String ranBy, CheckVerdict verdict) {
    }

    public List<Run> runs(UUID checkId, int limit) {
        return jdbc.list("SELECT id, ran_at, ran_by, status, result::text FROM ai.rls_check_runs WHERE check_id = ? ORDER BY id DESC LIMIT ?",
                row -> new Run(row.getLong(1), row.getString(3), verdict(row, 2, 4, 5)), checkId, limit);
    }

    public Map<UUID, ChecksSummary> summaries() {
        Map<UUID, ChecksSummary> summaries = new HashMap<>();
        jdbc.list(SUMMARIES + " GROUP BY chatbot_id", row -> summaries.put(row.getObject(1, UUID.class), summary(row)));
        return summaries;
    }

    public ChecksSummary summary(UUID chatbotId) {
        return jdbc.first(SUMMARIES + " WHERE chatbot_id = ? GROUP BY chatbot_id", RlsCheckStore::summary, chatbotId).orElse(ChecksSummary.NONE);
    }

    private static ChecksSummary summary(ResultSet row) throws SQLException {
        return new ChecksSummary(row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5), Jdbc.instant(row, 6));
    }

    public List<RecordedQuery> recorded(UUID chatbotId, int limit) {
        return jdbc.list(RECORDED + " ORDER BY a.id DESC LIMIT ?", RlsCheckStore::recorded, chatbotId, limit);
    }

    public Optional<RecordedQuery> recorded(UUID chatbotId, long auditId) {
        return jdbc.first(RECORDED + " AND a.id = ?", RlsCheckStore::recorded, chatbotId, auditId);
    }

    private static RecordedQuery recorded(ResultSet row) throws SQLException {
        int rowCount = row.getInt("row_count");
        Integer rows = row.wasNull() ? null : rowCount;
        return new RecordedQuery(row.getLong("id"), Jdbc.instant(row, row.findColumn("executed_at")), row.getString("user_id"),
                row.getString("sql"), row.getString("question"), rows);
    }

    private static RlsCheck check(ResultSet row) throws SQLException {
        long auditId = row.getLong("source_audit_id");
        Long source = row.wasNull() ? null : auditId;
        CheckVerdict last = row.getString("last_status") == null ? null
                : verdict(row, row.findColumn("last_run_at"), row.findColumn("last_status"), row.findColumn("last_result"));
        return new RlsCheck(row.getObject("id", UUID.class), row.getObject("chatbot_id", UUID.class), row.getString("name"),
                row.getString("question"), row.getString("sql"), row.getString("owner_column"),
                Expectation.of(row.getString("expectation")).orElseThrow(), StoredJson.users(row.getString("users")),
                Jdbc.strings(row, "forbidden_owners"), source, Jdbc.instant(row, row.findColumn("created_at")),
                Jdbc.instant(row, row.findColumn("updated_at")), last);
    }

    private static CheckVerdict verdict(ResultSet row, int ranAt, int status, int result) throws SQLException {
        Instant at = Jdbc.instant(row, ranAt);
        return new CheckVerdict(CheckStatus.ofWireName(row.getString(status)), at, StoredJson.outcomes(row.getString(result)));
    }
}
