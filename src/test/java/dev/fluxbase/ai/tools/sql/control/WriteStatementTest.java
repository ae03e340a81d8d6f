package dev.fluxbase.ai.tools.sql.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteStatementTest {

    @Test
    void aWriteReturnsEveryColumnOfItsOwnRowsInsteadOfItsOwnReturning() {
        assertThat(returning("UPDATE tasks SET done = true WHERE id = 1")).isEqualTo("UPDATE tasks SET done = true WHERE id = 1 RETURNING tasks.*");
        assertThat(returning("update writes.\"Tasks\" t set done = true from owners o where o.id = t.owner returning o.name, t.id;"))
                .isEqualTo("update writes.\"Tasks\" t set done = true from owners o where o.id = t.owner RETURNING t.*");
        assertThat(returning("DELETE FROM tasks AS gone USING owners WHERE gone.owner = owners.id RETURNING *"))
                .isEqualTo("DELETE FROM tasks AS gone USING owners WHERE gone.owner = owners.id RETURNING gone.*");
        assertThat(returning("INSERT INTO writes.tasks (title) VALUES ('returning?') -- a comment\n RETURNING id"))
                .isEqualTo("INSERT INTO writes.tasks (title) VALUES ('returning?') RETURNING tasks.*");
        assertThat(returning("INSERT INTO tasks (id, title) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE tasks.done"))
                .isEqualTo("INSERT INTO tasks (id, title) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE tasks.done"
                        + " RETURNING tasks.*");
    }

    @Test
    void theValuesOfADroppedReturningAreDroppedWithIt() {
        BoundStatement statement = write("UPDATE \"tasks\" SET \"done\" = ? WHERE \"title\" = ? RETURNING ?::text AS note", "true", "milk", "x")
                .returningRows();
        assertThat(statement.sql()).isEqualTo("UPDATE \"tasks\" SET \"done\" = ? WHERE \"title\" = ? RETURNING \"tasks\".*");
        assertThat(statement.parameters()).containsExactly("true", "milk");
    }

    @Test
    void anUpdatesRowsBeforeAreFoundByItsOwnWhereAndLocked() {
        assertThat(targets("UPDATE tasks SET updated_at = now(), n = random() WHERE title LIKE 'report%' AND owner IS DISTINCT FROM 'x'"))
                .isEqualTo("SELECT to_jsonb(tasks)::text FROM tasks WHERE ( title LIKE 'report%' AND owner IS DISTINCT FROM 'x') FOR UPDATE OF tasks");
        assertThat(targets("UPDATE tasks SET done = NOT done")).isEqualTo("SELECT to_jsonb(tasks)::text FROM tasks FOR UPDATE OF tasks");
        assertThat(targets("UPDATE tasks AS t SET id = id + 100, flag = a IS NOT DISTINCT FROM b WHERE t.id < 3 RETURNING t.id"))
                .isEqualTo("SELECT to_jsonb(t)::text FROM tasks AS t WHERE ( t.id < 3) FOR UPDATE OF t");
    }

    @Test
    void anUpdateWithAFromListCountsEachOfItsRowsOnce() {
        assertThat(targets("WITH late AS (SELECT id FROM owners WHERE (since < now())) UPDATE writes.tasks t SET done = (SELECT true FROM x WHERE y) "
                + "FROM late JOIN owners o ON o.id = late.id WHERE t.owner = o.id RETURNING *"))
                .isEqualTo("WITH late AS (SELECT id FROM owners WHERE (since < now())) SELECT to_jsonb(t)::text FROM writes.tasks t "
                        + "WHERE EXISTS (SELECT FROM late JOIN owners o ON o.id = late.id WHERE t.owner = o.id) FOR UPDATE OF t");
        assertThat(targets("UPDATE tasks SET done = true FROM owners")).isEqualTo(
                "SELECT to_jsonb(tasks)::text FROM tasks WHERE EXISTS (SELECT FROM owners) FOR UPDATE OF tasks");
    }

    @Test
    void theTargetRowsKeepTheValuesOfTheirOwnPlaceholdersOnly() {
        BoundStatement statement = write("WITH o AS (SELECT id FROM owners WHERE name = ?) UPDATE tasks SET title = ?, note = ? FROM o "
                + "WHERE tasks.owner = o.id AND tasks.title = ? RETURNING ?", "ada", "new", null, "old", "r").targetRows();
        assertThat(statement.sql()).isEqualTo("WITH o AS (SELECT id FROM owners WHERE name = ?) SELECT to_jsonb(tasks)::text FROM tasks "
                + "WHERE EXISTS (SELECT FROM o WHERE tasks.owner = o.id AND tasks.title = ?) FOR UPDATE OF tasks");
        assertThat(statement.parameters()).containsExactly("ada", "old");
    }

    @Test
    void wordsInsideLiteralsQuotedNamesAndParenthesesAreNoClauses() {
        assertThat(targets("UPDATE \"where\" SET \"from\" = 'FROM x WHERE y', b = (SELECT max(c) FROM d WHERE e), c = 'RETURNING' || 'x' "
                + "WHERE \"returning\" = E'it''s WHERE'"))
                .isEqualTo("SELECT to_jsonb(\"where\")::text FROM \"where\" WHERE ( \"returning\" = E'it''s WHERE') FOR UPDATE OF \"where\"");
    }

    @Test
    void piecesKeepTheTextAsWrittenAcrossLinesTabsAndWordsThatTheLexerReadsAsOne() {
        assertThat(targets("UPDATE tasks\n\tSET flag = a IS  NOT\n DISTINCT  FROM b, note = c SIMILAR  TO 'x%'\r\nWHERE\n\towner = 'ada'\n"))
                .isEqualTo("SELECT to_jsonb(tasks)::text FROM tasks WHERE (\n\towner = 'ada') FOR UPDATE OF tasks");
    }

    @Test
    void aWithThatChangesRowsIsToldApart() {
        assertThat(write("WITH gone AS (DELETE FROM tasks RETURNING *) SELECT count(*) FROM gone").changesRowsInWith()).isTrue();
        assertThat(write("WITH gone AS (DELETE FROM tasks RETURNING *) INSERT INTO archive SELECT * FROM gone").changesRowsInWith()).isTrue();
        assertThat(write("WITH recent AS (SELECT id FROM tasks) UPDATE tasks SET done = true FROM recent WHERE recent.id = tasks.id")
                .changesRowsInWith()).isFalse();
        assertThat(write("SELECT * FROM tasks").changesRowsInWith()).isFalse();
        assertThat(write("SELECT * FROM tasks").operation()).isEqualTo("SELECT");
    }

    @Test
    void onlyAnUpdateHasTargetRowsToReadFirst() {
        assertThatThrownBy(() -> write("DELETE FROM tasks").targetRows()).isInstanceOf(IllegalStateException.class);
        assertThat(write("DELETE FROM writes.tasks").table()).isEqualTo("writes.tasks");
    }

    @Test
    void whatCannotBeReadIsNotAWrite() {
        assertThat(WriteStatement.of(new BoundStatement("UPDATE tasks SET", List.of()))).isEmpty();
        assertThat(WriteStatement.of(new BoundStatement("DROP TABLE tasks", List.of()))).isEmpty();
        assertThat(WriteStatement.of(new BoundStatement("UPDATE tasks SET a = ? WHERE b = ?", List.of("one")))).isEmpty();
    }

    private static String returning(String sql) {
        return write(sql).returningRows().sql();
    }

    private static String targets(String sql) {
        return write(sql).targetRows().sql();
    }

    private static WriteStatement write(String sql, String... parameters) {
        return WriteStatement.of(new BoundStatement(sql, Arrays.asList(parameters))).orElseThrow();
    }
}
