package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresScannerTest {

    @Test
    void blanksCommentsAndTheTerminatorButKeepsPositions() {
        String sql = "SELECT 1 -- one\n/* two\n */ + 2;";
        String scanned = PostgresScanner.scan(sql);
        assertThat(scanned).hasSameSizeAs(sql).isEqualTo("SELECT 1 " + " ".repeat(6) + "\n" + " ".repeat(6) + "\n" + " ".repeat(3) + " + 2 ");
    }

    @Test
    void commentsNestTheWayPostgresNestsThem() {
        assertThat(PostgresScanner.scan("SELECT /* a /* b */ c */ 1").strip()).isEqualTo("SELECT" + " ".repeat(19) + "1");
        assertThat(PostgresScanner.scan("SELECT 1 /* /* */ ; DROP TABLE t; */").strip()).isEqualTo("SELECT 1");
    }

    @Test
    void forAPreparedStatementQuestionMarksOutsideLiteralsAreDoubled() {
        String sql = "SELECT details ? 'size', tags ?| ARRAY['a?'], \"who?\" -- really?\nFROM t WHERE x ?& y, E'?\\n' /* ? */;";
        assertThat(PostgresScanner.scanForPreparedStatement(sql)).isEqualTo("SELECT details ?? 'size', tags ??| ARRAY['a?'], \"who?\" "
                + " ".repeat(10) + "\nFROM t WHERE x ??& y, E'?\\n' " + " ".repeat(8));
        assertThat(PostgresScanner.scanForPreparedStatement("SELECT 1")).isEqualTo("SELECT 1");
    }

    @Test
    void literalsKeepTheirContent() {
        String sql = "SELECT ';', '--', '/*', \"a;b\", 'it''s', E'x\\\\', E'\\n', $1, a$b";
        assertThat(PostgresScanner.scan(sql)).isEqualTo(sql);
    }

    @Test
    void aCommentMarkerRightAfterANumberIsStillAComment() {
        assertThatThrownBy(() -> PostgresScanner.scan("SELECT 1--'\n; DELETE FROM t; --'"))
                .isInstanceOf(Refusal.class).hasMessage("Multiple statements are not allowed");
        assertThat(PostgresScanner.scan("SELECT 1e-5, 1.5, .5e+2, 1-2, 3/4")).isEqualTo("SELECT 1e-5, 1.5, .5e+2, 1-2, 3/4");
    }

    /** PostgreSQL 14 reads these as a number and a name, 16 as one number or an error: no reading can be trusted. */
    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1from orders", "SELECT 1e--x", "SELECT 0x1F", "SELECT 0o17", "SELECT 0b101", "SELECT 1_000",
            "SELECT 1.5e3x", "SELECT .5a", "SELECT 1$", "SELECT 1\u00e4"})
    void aNumberDirectlyFollowedByLettersIsRefused(String sql) {
        assertThatThrownBy(() -> PostgresScanner.scan(sql)).isInstanceOf(Refusal.class)
                .hasMessageContaining("is read differently by PostgreSQL versions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1; SELECT 2", "SELECT 1;;", "SELECT 1;\rDELETE FROM t", "SELECT 1; /**/ x", "SELECT ';';'"})
    void oneStatementOnly(String sql) {
        assertThatThrownBy(() -> PostgresScanner.scan(sql)).isInstanceOf(Refusal.class)
                .hasMessageMatching("Multiple statements are not allowed|SQL could not be parsed: unterminated.*");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "SELECT E'\\''                  | a backslash before a quote",
        "SELECT e'\\''                  | a backslash before a quote",
        "SELECT 'C:\\'                  | a backslash before a quote",
        "SELECT $$x$$                   | dollar-quoted strings",
        "SELECT $body$x$body$           | dollar-quoted strings",
        "SELECT $ 1                     | dollar-quoted strings",
        "SELECT U&'\\0041'              | Unicode escape literals",
        "SELECT u&\"\\0041\"            | Unicode escape literals",
        "SELECT `a`                     | unexpected character '`'",
        "SELECT 1 // x                  | unexpected character '/'",
        "SELECT {d '2024-01-01'}        | unexpected character '{'",
        "SELECT 1 \\; DELETE FROM t     | unexpected character '\\'",
        "SELECT 'x                      | unterminated quoted string",
        "SELECT E'x\\                   | unterminated quoted string",
        "SELECT \"x                     | unterminated quoted identifier",
        "SELECT 1 /* /* */              | unterminated /* comment"})
    void refusesWhatTheParsersCouldReadDifferently(String sql, String message) {
        assertThatThrownBy(() -> PostgresScanner.scan(sql.strip())).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("SQL could not be parsed: " + message.strip());
    }

    @Test
    void refusesInvisibleAndControlCharacters() {
        for (String sql : new String[] {"SELECT\u00a01", "SELECT\u200b1", "SELECT \u00001", "\ufeffSELECT 1", "SELECT 1\u0007"}) {
            assertThatThrownBy(() -> PostgresScanner.scan(sql)).as(sql).isInstanceOf(Refusal.class)
                    .hasMessageStartingWith("SQL could not be parsed: unexpected character U+");
        }
        assertThat(PostgresScanner.scan("SELECT gr\u00f6\u00dfe, \u540d\u524d\u0301 FROM t")).startsWith("SELECT");
    }

    @Test
    void refusesCommandsByTheirFirstWordEvenWhenTheyWouldNotScan() {
        assertThatThrownBy(() -> PostgresScanner.scan("do $$ begin end $$")).hasMessage("Statement not allowed: DO");
        assertThatThrownBy(() -> PostgresScanner.scan("/* c */ (Copy t TO STDOUT)")).hasMessage("Statement not allowed: COPY");
        assertThat(PostgresScanner.scan("select copy, do from t")).isEqualTo("select copy, do from t");
    }

    @Test
    void nothingButCommentsIsEmpty() {
        assertThatThrownBy(() -> PostgresScanner.scan(" -- x\n /* y */ ;")).hasMessage("Empty SQL statement");
    }

    @Test
    void limitsNesting() {
        String nested = "SELECT " + "(".repeat(PostgresScanner.MAX_NESTING) + "1" + ")".repeat(PostgresScanner.MAX_NESTING);
        assertThat(PostgresScanner.scan(nested)).isEqualTo(nested);
        assertThatThrownBy(() -> PostgresScanner.scan("SELECT (" + nested.substring(7) + ")"))
                .hasMessageStartingWith("SQL could not be parsed: nested more than");
    }
}
