package dev.fluxbase.ai.tools.sql.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sql.entity.ColumnOrigin;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome.Stop;
import dev.fluxbase.ai.tools.sql.entity.SensitiveColumns;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which result columns the LLM reads as pseudonyms: the whole class of expressions over a sensitive column, not one example. */
class MaskedColumnsTest {

    private static final SensitiveColumns SENSITIVE = SensitiveColumns.builder().add("public", "users", "email", "email")
            .add("public", "users", "phone", null).build();
    private static final List<String> USERS = List.of("public.users");
    private static final ColumnOrigin EMAIL = new ColumnOrigin("public", "users", "email");
    private static final ColumnOrigin NAME = new ColumnOrigin("public", "users", "name");

    @Test
    void aColumnShownAsItIsIsMaskedExactlyWhenItIsSensitive() {
        assertThat(MaskedColumns.labels("SELECT email, name, phone FROM users", List.of(EMAIL, NAME, new ColumnOrigin("public", "users", "phone")),
                USERS, SENSITIVE)).containsExactly("email", null, "phone");
        // PostgreSQL names the origin through an alias or a subquery as well
        assertThat(MaskedColumns.labels("SELECT x FROM (SELECT email AS x FROM users) s", List.of(EMAIL), USERS, SENSITIVE)).containsExactly("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lower(email)", "email || ''", "split_part(email, '@', 2)", "substring(email from 1 for 3)", "coalesce(email, 'x')",
            "email::text", "concat(name, email)", "CASE WHEN true THEN email END", "upper(u.email)", "u", "row_to_json(u)", "to_jsonb(u.*)",
            "(SELECT email FROM users LIMIT 1)", "array_agg(email)", "string_agg(email, ',')", "min(email)", "json_agg(u)", "format('%s', email)",
            "replace(\"email\", '@', ' at ')", "md5(email)", "length(email)", "phone || '!'"})
    void everyExpressionOverASensitiveColumnOrAWholeRowIsMasked(String expression) {
        List<String> labels = MaskedColumns.labels("SELECT " + expression + " AS v FROM users u", List.of(ColumnOrigin.NONE), USERS, SENSITIVE);
        assertThat(labels).hasSize(1);
        assertThat(labels.get(0)).isNotNull();
    }

    @Test
    void aMaskedExpressionIsLabelledAfterTheSensitiveColumnItNames() {
        assertThat(MaskedColumns.labels("SELECT lower(email) FROM users", List.of(ColumnOrigin.NONE), USERS, SENSITIVE)).containsExactly("email");
        assertThat(MaskedColumns.labels("SELECT row_to_json(u) FROM users u", List.of(ColumnOrigin.NONE), USERS, SENSITIVE))
                .containsExactly(MaskedColumns.DEFAULT_LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WITH x AS (SELECT lower(email) AS m FROM users) SELECT upper(m) FROM x",
            "SELECT upper(m) FROM (SELECT email AS m FROM users) s", "SELECT upper(m) FROM users, LATERAL (SELECT email AS m) l",
            "SELECT lower(name) FROM users UNION SELECT lower(email) FROM users", "SELECT *, lower(name) FROM users",
            "SELECT upper(m) FROM users JOIN (SELECT id, email AS m FROM users) s USING (id)", "this is not sql users"})
    void aComputedColumnWhoseSourcesCannotBeProvenPlainIsMasked(String sql) {
        List<ColumnOrigin> origins = sql.startsWith("SELECT *") ? List.of(NAME, EMAIL, ColumnOrigin.NONE) : List.of(ColumnOrigin.NONE);
        List<String> labels = MaskedColumns.labels(sql, origins, USERS, SENSITIVE);
        assertThat(labels.get(labels.size() - 1)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"count(*)", "count(email)", "count(DISTINCT email)", "COUNT(DISTINCT lower(email))"})
    void countsOverASensitiveColumnAreShown(String count) {
        assertThat(MaskedColumns.labels("SELECT " + count + " FROM users WHERE email LIKE '%@example.com'", List.of(ColumnOrigin.NONE), USERS,
                SENSITIVE)).containsExactly((String) null);
    }

    @Test
    void aGroupedCountShowsTheCountAndMasksTheGroup() {
        assertThat(MaskedColumns.labels("SELECT email, count(*) AS n FROM users GROUP BY email", List.of(EMAIL, ColumnOrigin.NONE), USERS,
                SENSITIVE)).containsExactly("email", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"date_trunc('month', created_at)", "name || '!'", "upper(u.name)", "id + 1"})
    void anExpressionOverColumnsThatAreNotSensitiveIsShown(String expression) {
        assertThat(MaskedColumns.labels("SELECT " + expression + ", count(*) FROM users u JOIN orders o ON o.user_id = u.id GROUP BY 1",
                List.of(ColumnOrigin.NONE, ColumnOrigin.NONE), List.of("public.users", "public.orders"), SENSITIVE))
                .containsExactly(null, null);
    }

    @Test
    void aColumnWithoutAnOriginCountsAsComputed() {
        QueryOutcome outcome = new QueryOutcome(true, List.of("email", "n"), List.of(), Stop.NONE, 0, null, 1);
        assertThat(MaskedColumns.labels("SELECT email, count(*) AS n FROM users GROUP BY 1", outcome, USERS, SENSITIVE))
                .containsExactly("email", null);
    }

    @Test
    void nothingIsMaskedWithoutSensitiveColumnsOrWhenNoTableHasOne() {
        assertThat(MaskedColumns.labels("SELECT lower(email) FROM users", List.of(ColumnOrigin.NONE), USERS, SensitiveColumns.NONE))
                .containsExactly((String) null);
        assertThat(MaskedColumns.labels("SELECT lower(note), total FROM orders", List.of(ColumnOrigin.NONE, new ColumnOrigin("public", "orders", "total")),
                List.of("public.orders"), SENSITIVE)).isEqualTo(Arrays.asList(null, null));
    }
}
