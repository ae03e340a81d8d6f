package dev.fluxbase.ai.tools.sql.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.tools.sql.control.BoundedQuery.Column;
import dev.fluxbase.ai.tools.sql.control.BoundedQuery.Transfer;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedQueryTest {

    @Test
    void largeColumnsArriveAsValueWhenSmallPrefixWhenNotAndSize() throws SQLException {
        BoundedQuery query = BoundedQuery.wrap("SELECT id, name, details, photo FROM t", List.of("id", "name", "details", "photo"),
                List.of("int4", "text", "jsonb", "bytea"), 100);

        assertThat(query.wrapped()).isTrue();
        assertThat(query.sql()).isEqualTo("""
                WITH fluxbase_q(c1, c2, c3, c4) AS (
                SELECT id, name, details, photo FROM t
                )
                SELECT fluxbase_r.c1, \
                CASE WHEN octet_length(fluxbase_r.c2) <= 100 THEN fluxbase_r.c2 END, \
                CASE WHEN octet_length(fluxbase_r.c2) > 100 THEN left(fluxbase_r.c2, 100) END, \
                octet_length(fluxbase_r.c2), \
                CASE WHEN octet_length(fluxbase_t.t3) <= 100 THEN fluxbase_r.c3 END, \
                CASE WHEN octet_length(fluxbase_t.t3) > 100 THEN left(fluxbase_t.t3, 100) END, \
                octet_length(fluxbase_t.t3), \
                CASE WHEN octet_length(fluxbase_r.c4) <= 75 THEN fluxbase_r.c4 END, \
                CASE WHEN octet_length(fluxbase_r.c4) > 75 THEN substring(fluxbase_r.c4 from 1 for 75) END, \
                octet_length(fluxbase_r.c4)
                FROM (SELECT * FROM fluxbase_q OFFSET 0) fluxbase_r \
                CROSS JOIN LATERAL (SELECT fluxbase_r.c3::text AS t3 OFFSET 0) fluxbase_t""");
        assertThat(query.columns()).containsExactly(
                new Column("id", "int4", Transfer.WHOLE, 1, 0, 0),
                new Column("name", "text", Transfer.TEXT, 2, 3, 4),
                new Column("details", "jsonb", Transfer.TEXT, 5, 6, 7),
                new Column("photo", "bytea", Transfer.BYTES, 8, 9, 10));
    }

    @Test
    void tooManyLargeColumnsToRewriteAreRefusedNotReadWhole() {
        List<String> labels = Collections.nCopies(600, "v");
        assertThatThrownBy(() -> BoundedQuery.wrap("SELECT ...", labels, Collections.nCopies(600, "text"), 100))
                .isInstanceOf(SQLException.class).hasMessageContaining("too many columns").extracting("SQLState").isEqualTo("54011");
    }

    @Test
    void numericAndArraysCanBeLargeToo() throws SQLException {
        BoundedQuery query = BoundedQuery.wrap("SELECT 1", List.of("n", "a", "v"), List.of("numeric", "_int4", "vector"), 100);
        assertThat(query.columns()).extracting(Column::transfer).containsOnly(Transfer.TEXT);
        assertThat(query.sql()).contains("fluxbase_r.c1::text AS t1, fluxbase_r.c2::text AS t2, fluxbase_r.c3::text AS t3");
    }

    @Test
    void onlySmallColumnsRunAsTheyAre() throws SQLException {
        BoundedQuery query = BoundedQuery.wrap("SELECT count(*), now() FROM t", List.of("count", "now"), List.of("int8", "timestamptz"), 100);
        assertThat(query.wrapped()).isFalse();
        assertThat(query.sql()).isEqualTo("SELECT count(*), now() FROM t");
        assertThat(query.names()).containsExactly("count", "now");
    }

    @Test
    void repeatedLabelsGetASuffix() throws SQLException {
        BoundedQuery query = BoundedQuery.wrap("SELECT ...", List.of("id", "id", "id_2", "id"), List.of("text", "text", "int4", "int4"), 100);
        assertThat(query.names()).containsExactly("id", "id_2", "id_2_2", "id_3");
        assertThat(query.sql()).startsWith("WITH fluxbase_q(c1, c2, c3, c4) AS (");
    }

    @Test
    void aFetchBatchOfTheLargestRowsStaysWithinTheBudget() throws SQLException {
        BoundedQuery oneText = BoundedQuery.wrap("SELECT", List.of("id", "t"), List.of("int4", "text"), 20_000);
        assertThat(oneText.fetchSize(4 * 1024 * 1024, 1000)).isEqualTo(4 * 1024 * 1024 / (64 + 4 * 20_000 + 64));
        BoundedQuery small = BoundedQuery.wrap("SELECT", List.of("id"), List.of("int4"), 20_000);
        assertThat(small.fetchSize(4 * 1024 * 1024, 1000)).isEqualTo(500);
        assertThat(small.fetchSize(4 * 1024 * 1024, 10)).isEqualTo(11);
        BoundedQuery wide = BoundedQuery.wrap("SELECT", Collections.nCopies(100, "t"), Collections.nCopies(100, "text"), 20_000);
        assertThat(wide.fetchSize(4 * 1024 * 1024, 1000)).isEqualTo(1);
    }
}
