package dev.fluxbase.ai.tools.tables.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.tools.entity.ToolArguments;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import dev.fluxbase.ai.tools.sqlguard.control.SqlGuard;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fluxbase's table tools' arguments as statements: identifiers quoted, values bound, never written into the SQL; and the
 * statements pass the same guard as the model's own SQL, under the chatbot's tables and operations.
 */
class TableStatementsTest {

    /** Its watchdog thread ends on its own after a while without checks. */
    private static final SqlGuard GUARD = new SqlGuard();
    private static final SqlPolicy READER = new SqlPolicy(Set.of("SELECT"), List.of("orders"), List.of("public"));
    private static final SqlPolicy WRITER = new SqlPolicy(Set.of("SELECT", "INSERT", "UPDATE", "DELETE"), List.of("orders"), List.of("public"));

    private static JsonFields arguments(String json) {
        return ToolArguments.parse(json);
    }

    private static void assertStatement(BoundStatement statement, String sql, String... parameters) {
        assertThat(statement.sql()).isEqualTo(sql);
        assertThat(statement.parameters()).isEqualTo(Arrays.asList(parameters));
    }

    @Test
    void queryTableBuildsAParameterisedSelect() {
        BoundStatement statement = TableStatements.select(arguments("""
                {"table": "orders", "select": "id, total", "filter": {"status": "eq.shipped", "total": "gte.10"},
                 "order": "created_at.desc,id", "limit": 20, "offset": 40}"""));
        assertStatement(statement, "SELECT \"id\", \"total\" FROM \"orders\" WHERE \"status\" = ? AND \"total\" >= ? "
                + "ORDER BY \"created_at\" DESC, \"id\" ASC LIMIT 20 OFFSET 40", "shipped", "10");
        assertThat(GUARD.check(statement.sql(), READER).allowed()).isTrue();
    }

    @Test
    void everyFluxbaseOperatorHasItsCondition() {
        BoundStatement statement = TableStatements.select(arguments("""
                {"table": "public.orders", "filter": {"a": "neq.x", "b": "lt.1", "c": "lte.2", "d": "gt.3", "e": "like.%a%",
                 "f": "ilike.B%", "g": "in.(1, 2,3)", "h": "nin.(x)", "i": "is.null", "j": "isnot.true", "k": "cs.{1}", "l": "cd.{2}",
                 "m": "ov.{3}"}}"""));
        assertStatement(statement, "SELECT * FROM \"public\".\"orders\" WHERE \"a\" <> ? AND \"b\" < ? AND \"c\" <= ? AND \"d\" > ? "
                + "AND \"e\" LIKE ? AND \"f\" ILIKE ? AND \"g\" = ANY(?) AND \"h\" <> ALL(?) AND \"i\" IS NULL AND \"j\" IS NOT TRUE "
                + "AND \"k\" @> ? AND \"l\" <@ ? AND \"m\" && ? LIMIT 100",
                "x", "1", "2", "3", "%a%", "B%", "{\"1\",\"2\",\"3\"}", "{\"x\"}", "{1}", "{2}", "{3}");
    }

    @Test
    void valuesNeverReachTheSqlAndIdentifiersCannotEscapeTheirQuotes() {
        BoundStatement statement = TableStatements.select(arguments("""
                {"table": "orders\\" ; DROP TABLE x; --", "filter": {"name\\" = '' OR 1=1 --": "eq.'; DELETE FROM orders; --"}}"""));
        assertStatement(statement, "SELECT * FROM \"orders\"\" ; DROP TABLE x; --\" WHERE \"name\"\" = '' OR 1=1 --\" = ? LIMIT 100",
                "'; DELETE FROM orders; --");
        SqlVerdict verdict = GUARD.check(statement.sql(), READER);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reason()).startsWith("Table not allowed");
    }

    @Test
    void aSelectExpressionIsCheckedByTheGuardAsAnyQueryIs() {
        BoundStatement count = TableStatements.select(arguments("{\"table\": \"orders\", \"select\": \"status, count(*) AS n, round(total, 2)\"}"));
        assertThat(count.sql()).isEqualTo("SELECT \"status\", count(*) AS n, round(total, 2) FROM \"orders\" LIMIT 100");
        assertThat(GUARD.check(count.sql(), READER).allowed()).isTrue();
        BoundStatement sneaky = TableStatements.select(arguments("{\"table\": \"orders\", \"select\": \"(SELECT secret FROM vault) AS s\"}"));
        assertThat(GUARD.check(sneaky.sql(), READER).reason()).startsWith("Table not allowed");
        assertThatThrownBy(() -> TableStatements.select(arguments("{\"table\": \"orders\", \"select\": \"id --\"}")))
                .isInstanceOf(ToolArguments.Invalid.class).hasMessageContaining("without ';' or comments");
    }

    @Test
    void theLimitIsCappedAtAThousandAsInFluxbase() {
        assertThat(TableStatements.select(arguments("{\"table\": \"orders\", \"limit\": 50000}")).sql()).endsWith("LIMIT 1000");
    }

    @Test
    void insertRecordBindsEveryValueAndReturnsTheRow() {
        BoundStatement statement = TableStatements.insert(arguments("""
                {"table": "orders", "data": {"status": "new", "total": 12.5, "paid": false, "note": null, "meta": {"a": [1]}},
                 "returning": "id, status"}"""));
        assertStatement(statement, "INSERT INTO \"orders\" (\"status\", \"total\", \"paid\", \"note\", \"meta\") VALUES (?, ?, ?, ?, ?) "
                + "RETURNING \"id\", \"status\"", "new", "12.5", "false", null, "{\"a\":[1]}");
        assertThat(GUARD.check(statement.sql(), WRITER).allowed()).isTrue();
        assertThat(GUARD.check(statement.sql(), READER).reason()).isEqualTo("Operation not allowed: INSERT");
    }

    @Test
    void updateAndDeleteNeedAFilterSoThatNoneReachesEveryRowByMistake() {
        BoundStatement update = TableStatements.update(arguments("{\"table\": \"orders\", \"data\": {\"status\": \"paid\"}, \"filter\": {\"id\": \"eq.7\"}}"));
        assertStatement(update, "UPDATE \"orders\" SET \"status\" = ? WHERE \"id\" = ? RETURNING *", "paid", "7");
        BoundStatement delete = TableStatements.delete(arguments("{\"table\": \"orders\", \"filter\": {\"id\": \"in.(7,8)\"}}"));
        assertStatement(delete, "DELETE FROM \"orders\" WHERE \"id\" = ANY(?) RETURNING *", "{\"7\",\"8\"}");
        assertThat(GUARD.check(update.sql(), WRITER).allowed()).isTrue();
        assertThat(GUARD.check(delete.sql(), WRITER).allowed()).isTrue();
        assertThatThrownBy(() -> TableStatements.delete(arguments("{\"table\": \"orders\"}"))).isInstanceOf(ToolArguments.Invalid.class)
                .hasMessageContaining("\"filter\" must be a non-empty object");
        assertThatThrownBy(() -> TableStatements.update(arguments("{\"table\": \"orders\", \"data\": {}, \"filter\": {\"id\": \"eq.1\"}}")))
                .hasMessageContaining("\"data\" must be a non-empty object");
    }

    @Test
    void argumentsTheToolsCannotUseAreToldToTheModel() {
        assertThatThrownBy(() -> TableStatements.select(arguments("{\"table\": \"orders\", \"filter\": {\"id\": \"between.1\"}}")))
                .hasMessageContaining("one of the operators");
        assertThatThrownBy(() -> TableStatements.select(arguments("{\"table\": \"orders\", \"filter\": {\"id\": \"7\"}}")))
                .hasMessageContaining("\"operator.value\" for id");
        assertThatThrownBy(() -> TableStatements.select(arguments("{\"table\": \"orders\", \"filter\": {\"id\": \"is.maybe\"}}")))
                .hasMessageContaining("is.null, is.true or is.false");
        assertThatThrownBy(() -> TableStatements.insert(arguments("{\"table\": \"orders\", \"data\": {\"a\": 1}, \"returning\": \"id; x\"}")))
                .hasMessageContaining("\"returning\" must be");
        assertThatThrownBy(() -> TableStatements.select(arguments("{\"filter\": {}}"))).hasMessageContaining("\"table\" is required");
    }

    @Test
    void theDisplayedStatementShowsItsValuesAfterIt() {
        assertThat(new BoundStatement("SELECT * FROM \"t\" WHERE \"a\" = ? AND \"b\" = ?", Arrays.asList("it's", null)).display())
                .isEqualTo("SELECT * FROM \"t\" WHERE \"a\" = ? AND \"b\" = ?\n-- parameters: 'it''s', NULL");
    }
}
