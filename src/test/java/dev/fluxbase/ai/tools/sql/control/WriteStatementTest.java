package dev.fluxbase.ai.tools.sql.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sqlguard.control.PostgresText;
import org.junit.jupiter.api.Test;

class WriteStatementTest {

    @Test
    void aWriteIsReadWithItsTableAndReturnsEveryColumnWhenItReturnedNothing() {
        String sql = "UPDATE sales.orders o SET amount = amount * 2 WHERE o.id = ? -- double it\n;";
        WriteStatement write = WriteStatement.of(sql).orElseThrow();
        assertThat(write).isEqualTo(new WriteStatement("UPDATE", "sales.orders", false));
        assertThat(write.returningAll(PostgresText.statement(sql))).startsWith("UPDATE sales.orders o SET amount = amount * 2 WHERE o.id = ?")
                .endsWith(" RETURNING *").doesNotContain("double it").doesNotContain(";");
    }

    @Test
    void aReturningOfItsOwnIsKept() {
        WriteStatement write = WriteStatement.of("INSERT INTO \"Notes\" (body) VALUES ('x') RETURNING id").orElseThrow();
        assertThat(write).isEqualTo(new WriteStatement("INSERT", "\"Notes\"", true));
        assertThat(write.returningAll("INSERT INTO \"Notes\" (body) VALUES ('x') RETURNING id")).isEqualTo("INSERT INTO \"Notes\" (body) VALUES ('x') RETURNING id");
    }

    @Test
    void deletesAreWritesAndSelectsAreNot() {
        assertThat(WriteStatement.of("DELETE FROM notes WHERE id IN (SELECT id FROM notes LIMIT 1)")).contains(new WriteStatement("DELETE", "notes", false));
        assertThat(WriteStatement.of("SELECT 1")).isEmpty();
        assertThat(WriteStatement.of("not sql at all")).isEmpty();
    }
}
