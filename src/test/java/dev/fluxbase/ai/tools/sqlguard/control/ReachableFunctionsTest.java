package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules for the functions the database says a call can reach (the database side is covered by SqlSafetyCorpusIT). */
class ReachableFunctionsTest {

    static final ReachableFunctions READER = new ReachableFunctions(new SqlPolicy(Set.of("SELECT"), List.of("*"),
            List.of("public", "reporting"), List.of("reporting.top_customers", "order_total")));
    static final ReachableFunctions WRITER = new ReachableFunctions(new SqlPolicy(Set.of("SELECT", "INSERT"), List.of("*"),
            List.of("public")));

    @Test
    void builtinsOfTheCatalogAndOfPgvectorAreAllowed() {
        assertThat(READER.refusal("pg_catalog", "lower", false, false)).isEmpty();
        assertThat(READER.refusal("public", "l2_distance", true, false)).isEmpty();
    }

    @Test
    void aSameNamedFunctionOutsideTheCatalogIsRefused() {
        assertThat(READER.refusal("public", "lower", false, false)).contains("Function not allowed: public.lower");
        assertThat(READER.refusal("pg_catalog", "pg_read_file", false, false))
                .contains("Function not allowed: pg_catalog.pg_read_file");
    }

    @Test
    void functionsTheChatbotNamesAreAllowedWhereItNamesThem() {
        assertThat(READER.refusal("reporting", "top_customers", false, true)).isEmpty();
        assertThat(READER.refusal("public", "order_total", false, false)).isEmpty();
        assertThat(READER.refusal("public", "top_customers", false, false)).contains("Function not allowed: public.top_customers");
    }

    @Test
    void aSecurityDefinerFunctionIsCalledSoInTheRefusal() {
        assertThat(READER.refusal("public", "grant_me", false, true))
                .contains("Function not allowed: public.grant_me (SECURITY DEFINER, not on the chatbot's allowed functions)");
    }

    @Test
    void sequencesOnlyForChatbotsThatMayWrite() {
        assertThat(READER.refusal("pg_catalog", "nextval", false, false)).contains("Function not allowed: pg_catalog.nextval");
        assertThat(WRITER.refusal("pg_catalog", "nextval", false, false)).isEmpty();
    }

    @Test
    void namesThatNeedQuotingAreQuoted() {
        assertThat(READER.refusal("public", "Lower", false, false)).contains("Function not allowed: public.\"Lower\"");
    }
}
