package dev.fluxbase.ai.chatbots.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntentChecksTest {

    private static final IntentRule REVENUE = new IntentRule(List.of("revenue", "sales"), "orders", "order_drafts", null, null);
    private static final IntentRule WEATHER = new IntentRule(List.of("weather"), null, null, "http_get", "execute_sql");
    private static final QueryRules RULES = QueryRules.defaults().withIntentRules(List.of(REVENUE, WEATHER))
            .withRequiredColumns(Map.of("public.orders", List.of("id", "total")));

    @Test
    void onlyTheRulesWhoseKeywordsTheMessageNamesApply() {
        IntentChecks checks = new IntentChecks(RULES, "What were SALES in May?");

        assertThat(checks.forbiddenTools()).isEmpty();
        assertThat(checks.toolProblem("execute_sql")).isEmpty();
        assertThat(checks.queryProblem(List.of("public.orders"), () -> Set.of("id", "total"), true)).isEmpty();
    }

    @Test
    void aForbiddenToolIsNotOfferedAndACallOfItIsCorrected() {
        IntentChecks checks = new IntentChecks(RULES, "How is the weather?");

        assertThat(checks.forbiddenTools()).containsExactly("execute_sql");
        assertThat(checks.toolProblem("execute_sql")).hasValueSatisfying(problem -> assertThat(problem)
                .contains("should NOT use tool 'execute_sql'").contains("Use the 'http_get' tool instead."));
        assertThat(checks.toolProblem("http_get")).isEmpty();
    }

    @Test
    void aForbiddenTableAndAMissingRequiredTableAreBothReported() {
        IntentChecks checks = new IntentChecks(RULES, "revenue please");

        assertThat(checks.queryProblem(List.of("public.order_drafts"), Set::of, true)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("should NOT use table 'order_drafts'").contains("should use table 'orders'"));
    }

    @Test
    void requiredColumnsApplyToSelectsOfTheirTableUnlessEverythingIsSelected() {
        IntentChecks checks = new IntentChecks(RULES, "list the orders");

        assertThat(checks.queryProblem(List.of("public.orders"), () -> Set.of("id"), true))
                .hasValue("Query on 'public.orders' must include column 'total'. Add 'total' to your SELECT clause.");
        assertThat(checks.queryProblem(List.of("public.orders"), () -> Set.of("*"), true)).isEmpty();
        assertThat(checks.queryProblem(List.of("public.orders"), () -> Set.of(), false)).isEmpty();
        assertThat(checks.queryProblem(List.of("public.customers"), () -> Set.of("name"), true)).isEmpty();
    }

    @Test
    void noMessageAppliesNoRule() {
        assertThat(new IntentChecks(RULES, null).forbiddenTools()).isEmpty();
    }
}
