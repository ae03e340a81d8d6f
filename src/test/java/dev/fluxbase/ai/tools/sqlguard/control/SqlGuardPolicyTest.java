package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How operations, tables and schemas from a chatbot's configuration open and close what its SQL may do. */
class SqlGuardPolicyTest {

    static final SqlGuard GUARD = new SqlGuard();

    @AfterAll
    static void stopWatchdog() {
        GUARD.close();
    }

    static SqlPolicy policy(Set<String> operations, List<String> tables, List<String> schemas) {
        return new SqlPolicy(operations, tables, schemas);
    }

    static void assertAllowed(String sql, SqlPolicy policy, String operation, String... tables) {
        SqlVerdict verdict = GUARD.check(sql, policy);
        assertThat(verdict.reason()).as(sql).isNull();
        assertThat(verdict.operation()).isEqualTo(operation);
        assertThat(verdict.tables()).containsExactly(tables);
    }

    static void assertRefused(String sql, SqlPolicy policy, String reason) {
        SqlVerdict verdict = GUARD.check(sql, policy);
        assertThat(verdict.allowed()).as(sql).isFalse();
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @Nested
    class InsertIntoOrders {

        final SqlPolicy insert = policy(Set.of("select", "INSERT"), List.of("orders"), List.of("public"));

        @Test
        void plainInsert() {
            assertAllowed("INSERT INTO orders (id, total) VALUES (1, 9.5)", insert, "INSERT", "public.orders");
        }

        @Test
        void insertReturning() {
            assertAllowed("INSERT INTO orders (total) VALUES (1) RETURNING id, total", insert, "INSERT", "public.orders");
        }

        @Test
        void insertSelectFromTheSameTable() {
            assertAllowed("INSERT INTO public.orders (total) SELECT total FROM orders WHERE id = 1", insert, "INSERT", "public.orders");
        }

        @Test
        void otherTable() {
            assertRefused("INSERT INTO customers (id) VALUES (1)", insert, "Table not allowed: customers");
        }

        @Test
        void selectingFromATableOutsideTheList() {
            assertRefused("INSERT INTO orders (total) SELECT total FROM secret", insert, "Table not allowed: secret");
            assertRefused("INSERT INTO orders (total) VALUES ((SELECT max(x) FROM secret))", insert, "Table not allowed: secret");
        }

        @Test
        void upsertNeedsUpdateToo() {
            assertRefused("INSERT INTO orders (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET total = 0", insert,
                    "Operation not allowed: UPDATE");
            assertAllowed("INSERT INTO orders (id) VALUES (1) ON CONFLICT (id) DO NOTHING", insert, "INSERT", "public.orders");
        }

        @Test
        void stillNoUpdateOrDelete() {
            assertRefused("UPDATE orders SET total = 0", insert, "Operation not allowed: UPDATE");
            assertRefused("DELETE FROM orders", insert, "Operation not allowed: DELETE");
            assertRefused("WITH d AS (DELETE FROM orders RETURNING *) INSERT INTO orders SELECT * FROM d", insert,
                    "Operation not allowed: DELETE");
        }

        @Test
        void mayLockRowsWhenNotReadOnly() {
            assertAllowed("SELECT * FROM orders FOR UPDATE", insert, "SELECT", "public.orders");
        }

        @Test
        void sequencesMayAdvanceWhenWriting() {
            assertAllowed("INSERT INTO orders (id) VALUES (nextval('orders_id_seq'))", insert, "INSERT", "public.orders");
            assertRefused("SELECT setval('orders_id_seq', 1)", insert, "Function not allowed: setval");
        }

        @Test
        void aCteNamedLikeTheTargetDoesNotHideIt() {
            SqlPolicy insertSecret = policy(Set.of("SELECT", "INSERT"), List.of("orders"), List.of("public"));
            assertRefused("WITH secret AS (SELECT 1) INSERT INTO secret VALUES (1)", insertSecret, "Table not allowed: secret");
        }
    }

    @Nested
    class UpdateAndDelete {

        final SqlPolicy write = policy(Set.of("SELECT", "UPDATE", "DELETE"), List.of("orders", "items"), List.of("public"));

        @Test
        void updateAndDeleteOfListedTables() {
            assertAllowed("UPDATE orders SET total = total * 2 WHERE id = 1 RETURNING *", write, "UPDATE", "public.orders");
            assertAllowed("DELETE FROM items WHERE order_id = 1", write, "DELETE", "public.items");
            assertAllowed("UPDATE orders o SET total = i.sum FROM (SELECT order_id, sum(price) FROM items GROUP BY 1) i "
                    + "WHERE i.order_id = o.id", write, "UPDATE", "public.orders", "public.items");
            assertAllowed("DELETE FROM orders USING items WHERE items.order_id = orders.id", write, "DELETE", "public.orders", "public.items");
        }

        @Test
        void subQueriesThatReachFurther() {
            assertRefused("UPDATE orders SET total = (SELECT count(*) FROM secret)", write, "Table not allowed: secret");
            assertRefused("UPDATE orders SET total = (SELECT count(*) FROM pg_authid)", write, "Table not allowed: pg_authid");
            assertRefused("UPDATE orders SET total = 1 FROM secret WHERE secret.id = orders.id", write, "Table not allowed: secret");
            assertRefused("DELETE FROM orders USING secret WHERE secret.id = orders.id", write, "Table not allowed: secret");
            assertRefused("DELETE FROM orders WHERE id IN (SELECT id FROM other.secret)", write, "Schema not allowed: other");
            assertRefused("DELETE FROM customers", write, "Table not allowed: customers");
        }

        @Test
        void noInsert() {
            assertRefused("INSERT INTO orders (id) VALUES (1)", write, "Operation not allowed: INSERT");
        }
    }

    @Nested
    class EveryOperationOnEveryTable {

        final SqlPolicy all = policy(Set.of("SELECT", "INSERT", "UPDATE", "DELETE"), List.of("*"), List.of("public"));

        @ParameterizedTest
        @ValueSource(strings = {
            "INSERT INTO orders (id, created_at) VALUES (DEFAULT, now())",
            "INSERT INTO orders DEFAULT VALUES",
            "INSERT INTO orders (id, tags) VALUES (1, ARRAY['a']), (2, '{b}')",
            "INSERT INTO orders (id) VALUES (1) ON CONFLICT ON CONSTRAINT orders_pkey DO NOTHING",
            "INSERT INTO orders (id, total) SELECT id, total FROM staging ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total RETURNING *",
            "INSERT INTO orders AS o (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET total = o.total + 1 WHERE o.total < 10",
            "UPDATE orders SET total = DEFAULT WHERE id = 1",
            "UPDATE orders SET data = data || '{\"x\":1}'::jsonb, updated_at = now() WHERE id = $1",
            "UPDATE orders o SET total = s.total FROM staging s WHERE s.id = o.id RETURNING o.id",
            "UPDATE orders SET (a, b) = (SELECT 1, 2)",
            "DELETE FROM orders WHERE id = 1 RETURNING *",
            "WITH moved AS (DELETE FROM staging RETURNING *) INSERT INTO orders SELECT * FROM moved",
            "UPDATE orders SET total = 1 WHERE id IN (SELECT id FROM orders FOR UPDATE)"})
        void writesAnLlmMightPropose(String sql) {
            SqlVerdict verdict = GUARD.check(sql, all);
            assertThat(verdict.reason()).as(sql).isNull();
            assertThat(verdict.tables()).contains("public.orders");
        }

        @Test
        void writesStillStayOutOfTheCatalogs() {
            assertRefused("INSERT INTO pg_catalog.pg_authid SELECT * FROM orders", all, "Schema not allowed: pg_catalog");
            assertRefused("UPDATE pg_authid SET rolsuper = true", all, "Table not allowed: pg_authid");
            assertRefused("DELETE FROM orders WHERE id = (SELECT pg_sleep(10))::int", all, "Function not allowed: pg_sleep");
        }
    }

    @Nested
    class TablesAndSchemas {

        final SqlPolicy mixed = SqlPolicy.selectOnly(List.of("orders", "public.customers"), List.of("public"));
        final SqlPolicy twoSchemas = SqlPolicy.selectOnly(List.of("orders", "sales.leads", "public.customers"), List.of("public", "sales"));

        @Test
        void listedTablesQualifiedOrNot() {
            assertAllowed("SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id", mixed, "SELECT",
                    "public.orders", "public.customers");
            assertAllowed("SELECT * FROM public.orders JOIN PUBLIC.Customers ON true", mixed, "SELECT",
                    "public.orders", "public.customers");
        }

        @Test
        void tablesOutsideTheList() {
            assertRefused("SELECT * FROM items", mixed, "Table not allowed: items");
            assertRefused("SELECT * FROM public.items", mixed, "Table not allowed: public.items");
            assertRefused("SELECT * FROM orders WHERE id IN (SELECT order_id FROM items)", mixed, "Table not allowed: items");
        }

        @Test
        void quotedNamesKeepTheirCase() {
            assertRefused("SELECT * FROM \"Orders\"", mixed, "Table not allowed: \"Orders\"");
            assertAllowed("SELECT * FROM \"orders\"", mixed, "SELECT", "public.orders");
            SqlPolicy quoted = SqlPolicy.selectOnly(List.of("\"Orders\""), List.of("public"));
            assertAllowed("SELECT * FROM \"Orders\"", quoted, "SELECT", "public.\"Orders\"");
            assertRefused("SELECT * FROM Orders", quoted, "Table not allowed: orders");
        }

        @Test
        void cteNamesAreNotTables() {
            assertAllowed("WITH big AS (SELECT * FROM orders WHERE total > 100) SELECT * FROM big", mixed, "SELECT", "public.orders");
        }

        @Test
        void aCteCannotHideTheTableItIsNamedAfter() {
            assertRefused("WITH secret AS (SELECT * FROM secret) SELECT * FROM secret", mixed, "Table not allowed: secret");
            assertRefused("WITH a AS (SELECT * FROM secret), secret AS (SELECT 1) SELECT * FROM a", mixed, "Table not allowed: secret");
            assertRefused("SELECT * FROM secret, (WITH secret AS (SELECT 1) SELECT * FROM secret) x", mixed, "Table not allowed: secret");
            assertAllowed("WITH RECURSIVE a AS (SELECT * FROM b), b AS (SELECT 1 AS x) SELECT * FROM a", mixed, "SELECT");
        }

        @Test
        void aSecondSchema() {
            assertAllowed("SELECT * FROM sales.leads", twoSchemas, "SELECT", "sales.leads");
            assertAllowed("SELECT * FROM public.customers", twoSchemas, "SELECT", "public.customers");
            assertAllowed("SELECT * FROM orders", twoSchemas, "SELECT", "public.orders", "sales.orders");
            assertRefused("SELECT * FROM sales.customers", twoSchemas, "Table not allowed: sales.customers");
            assertRefused("SELECT * FROM leads", twoSchemas, "Table not allowed: leads"); // might resolve to public.leads
            assertRefused("SELECT * FROM marketing.leads", twoSchemas, "Schema not allowed: marketing");
        }

        @Test
        void everyTableOfTheAllowedSchemas() {
            SqlPolicy all = SqlPolicy.selectOnly(List.of("*"), List.of("public", "sales"));
            assertAllowed("SELECT * FROM leads JOIN sales.deals ON true", all, "SELECT", "public.leads", "sales.leads", "sales.deals");
            assertRefused("SELECT * FROM hr.salaries", all, "Schema not allowed: hr");
        }

        @Test
        void schemaQualifiedFunctions() {
            SqlPolicy all = new SqlPolicy(Set.of("SELECT"), List.of("*"), List.of("public", "sales"), List.of("sales.score", "f"));
            assertAllowed("SELECT sales.score(id), public.f(), pg_catalog.upper('a') FROM leads", all, "SELECT", "public.leads", "sales.leads");
            assertRefused("SELECT public.score(id)", all, "Function not allowed: public.score");
            assertRefused("SELECT hr.salary(1)", all, "Function not allowed: hr.salary");
        }

        @Test
        void systemSchemasStayClosedWhenListed() {
            SqlPolicy careless = SqlPolicy.selectOnly(List.of("*"), List.of("public", "pg_catalog", "information_schema"));
            assertRefused("SELECT * FROM pg_catalog.pg_authid", careless, "Schema not allowed: pg_catalog");
            assertRefused("SELECT * FROM information_schema.columns", careless, "Schema not allowed: information_schema");
            assertRefused("SELECT * FROM pg_authid", careless, "Table not allowed: pg_authid");
        }

        @Test
        void theServersOwnSchemaStaysClosedWhenListed() {
            assertRefused("SELECT * FROM ai.chatbots", SqlPolicy.selectOnly(List.of("*"), List.of("public")), "Schema not allowed: ai");
            assertRefused("SELECT * FROM ai.providers", SqlPolicy.selectOnly(List.of("*"), List.of("public", "ai")), "Schema not allowed: ai");
            assertAllowed("SELECT * FROM \"AI\".x", SqlPolicy.selectOnly(List.of("*"), List.of("\"AI\"")), "SELECT", "\"AI\".x");
        }

        @Test
        void noTablesNoSchemas() {
            assertRefused("SELECT * FROM orders", SqlPolicy.selectOnly(List.of(), List.of("public")), "Table not allowed: orders");
            assertRefused("SELECT * FROM orders", SqlPolicy.selectOnly(List.of("*"), List.of()), "Table not allowed: orders");
            assertAllowed("SELECT 1 + 1", SqlPolicy.selectOnly(List.of(), List.of()), "SELECT");
        }
    }

    @Nested
    class Operations {

        @Test
        void readOnlyMeansExactlySelect() {
            assertThat(SqlPolicy.selectOnly(List.of("*"), List.of("public")).readOnly()).isTrue();
            assertThat(policy(Set.of("select"), List.of(), List.of()).readOnly()).isTrue();
            assertThat(policy(Set.of("SELECT", "INSERT"), List.of(), List.of()).readOnly()).isFalse();
            assertThat(policy(Set.of(), List.of(), List.of()).readOnly()).isFalse();
        }

        @Test
        void aBotThatMayNotReadCannotRunQueries() {
            SqlPolicy insertOnly = policy(Set.of("INSERT"), List.of("*"), List.of("public"));
            assertRefused("SELECT * FROM orders", insertOnly, "Operation not allowed: SELECT");
            assertRefused("VALUES (1)", insertOnly, "Operation not allowed: SELECT");
            assertAllowed("INSERT INTO orders (id) VALUES (1)", insertOnly, "INSERT", "public.orders");
        }
    }
}
