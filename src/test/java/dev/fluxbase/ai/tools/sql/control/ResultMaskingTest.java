package dev.fluxbase.ai.tools.sql.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sql.entity.Pseudonyms;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome.Stop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the LLM reads of a result with masked columns, and of an error that may quote a value. */
class ResultMaskingTest {

    @Test
    void maskedColumnsReadAsPseudonymsTheSameValueAsTheSamePseudonymAndNullsStayNull() {
        QueryOutcome outcome = new QueryOutcome(true, List.of("id", "email", "note"), List.of(
                row(1, "ann@example.com", "a"), row(2, "bob@example.com", "b"), row(3, "ann@example.com", "c"), row(4, null, "d")),
                Stop.NONE, 0, null, 5);
        QueryOutcome masked = ResultMasking.masked(outcome, Arrays.asList(null, "email", null), Pseudonyms.fresh());
        assertThat(masked.rows()).extracting(r -> r.get("email").toString())
                .containsExactly("\"<email#1>\"", "\"<email#2>\"", "\"<email#1>\"", "null");
        assertThat(masked.rows()).extracting(r -> r.getInt("id")).containsExactly(1, 2, 3, 4);
        assertThat(masked.rows().toString()).doesNotContain("@example.com");
        assertThat(masked.columns()).isEqualTo(outcome.columns());
    }

    @Test
    void numbersAndJsonAreMaskedAsWholeValues() {
        QueryOutcome outcome = new QueryOutcome(true, List.of("salary", "doc"), List.of(Json.createObjectBuilder().add("salary", 91000)
                .add("doc", Json.createObjectBuilder().add("email", "ann@example.com")).build()), Stop.NONE, 0, null, 1);
        JsonObject masked = ResultMasking.masked(outcome, List.of("salary", "value"), Pseudonyms.fresh()).rows().get(0);
        assertThat(masked.getString("salary")).isEqualTo("<salary#1>");
        assertThat(masked.getString("doc")).isEqualTo("<value#1>");
    }

    @Test
    void anOutcomeWithoutMaskedColumnsIsLeftAsItIs() {
        QueryOutcome outcome = new QueryOutcome(true, List.of("id"), List.of(Json.createObjectBuilder().add("id", 1).build()), Stop.NONE, 0, null, 1);
        assertThat(ResultMasking.masked(outcome, Arrays.asList((String) null), Pseudonyms.fresh())).isSameAs(outcome);
    }

    @Test
    void anErrorKeepsWhatItQuotesOfTheStatementAndLosesEveryOtherQuotedText() {
        String sql = "SELECT email::integer FROM users WHERE \"emial\" = 1";
        assertThat(ResultMasking.error("Query failed: invalid input syntax for type integer: \"ann@example.com\"", sql))
                .isEqualTo("Query failed: invalid input syntax for type integer: \"…\"");
        assertThat(ResultMasking.error("Query failed: column \"emial\" does not exist", sql)).isEqualTo("Query failed: column \"emial\" does not exist");
        assertThat(ResultMasking.error("Key (email)=(ann@example.com) already exists", sql)).isEqualTo("Key (email)=(…) already exists");
        assertThat(ResultMasking.error("malformed array literal: \"a\"\"b\"", sql)).isEqualTo("malformed array literal: \"…\"");
    }

    @Test
    void theModelReadsAFailureWithoutItsQuotedValueAndTheAuditNamesTheMaskedColumns() {
        QueryOutcome failed = QueryOutcome.failed("Query failed: invalid input syntax for type integer: \"ann@example.com\"", 3);
        assertThat(ResultMasking.forModel(failed, List.of(), "SELECT email::int FROM users", Pseudonyms.fresh()).error())
                .isEqualTo("Query failed: invalid input syntax for type integer: \"…\"");
        QueryOutcome outcome = new QueryOutcome(true, List.of("id", "email", "lowered"), List.of(row(1, "ann@example.com", "a")),
                Stop.NONE, 0, null, 1);
        assertThat(ResultMasking.maskedNames(outcome, Arrays.asList(null, "email", "email"))).isEqualTo("email, lowered");
        assertThat(ResultMasking.maskedNames(outcome, Arrays.asList(null, null, null))).isNull();
    }

    private static JsonObject row(int id, String email, String note) {
        var row = Json.createObjectBuilder().add("id", id).add("note", note);
        return (email == null ? row.addNull("email") : row.add("email", email)).build();
    }
}
