package dev.fluxbase.ai.tools.sql.boundary;

import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.ask;
import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.last;
import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.queryResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile SQL through the whole path (the fake provider emits the tool call, the server executes it
 * against real PostgreSQL). Each statement is refused or harmless, and nothing in the database
 * changes. Legitimate queries of many shapes still pass.
 */
@ExtendWith(FluxbaseServer.class)
class SqlSecurityIT {

    /** Against a SELECT-only chatbot allowed every table of public. */
    private static final List<String> HOSTILE_READ_ONLY = List.of(
            "WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone",
            "WITH x AS (UPDATE orders SET amount = 0 RETURNING id) SELECT * FROM x",
            "WITH x AS (INSERT INTO secrets VALUES (99, 'x') RETURNING id) SELECT * FROM x",
            "SELECT * INTO stolen FROM orders",
            "SELECT 1; DELETE FROM orders",
            "SELECT 1; DROP TABLE orders",
            "SELECT 1 /* ; */ ; UPDATE orders SET amount = 1",
            "DELETE FROM orders",
            "UPDATE orders SET amount = 0",
            "INSERT INTO orders (user_id, item, amount, placed_at) VALUES ('x', 'x', 1, now())",
            "TRUNCATE orders",
            "DROP TABLE orders",
            "ALTER TABLE orders ADD COLUMN pwned int",
            "CREATE TABLE pwned (id int)",
            "CREATE FUNCTION pwn() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "GRANT ALL ON orders TO anon",
            "REVOKE SELECT ON orders FROM authenticated",
            "COPY orders TO '/tmp/orders.csv'",
            "COPY orders FROM PROGRAM 'id'",
            "DO $$ BEGIN DELETE FROM orders; END $$",
            "CALL some_procedure()",
            "SET ROLE postgres",
            "SET SESSION AUTHORIZATION postgres",
            "RESET ROLE",
            "SELECT set_config('role', 'postgres', false)",
            "SELECT pg_read_file('/etc/passwd')",
            "SELECT * FROM pg_ls_dir('.')",
            "SELECT lo_import('/etc/passwd')",
            "SELECT dblink_exec('dbname=postgres', 'DROP TABLE orders')",
            "SELECT query_to_xml('DELETE FROM orders RETURNING 1', true, false, '')",
            "SELECT pg_sleep(60)",
            "SELECT pg_terminate_backend(pg_backend_pid())",
            "SELECT pg_advisory_lock(1)",
            "SELECT nextval('notes_id_seq')",
            "SELECT * FROM pg_catalog.pg_authid",
            "SELECT usename, passwd FROM pg_shadow",
            "SELECT * FROM information_schema.tables",
            "SELECT * FROM pg_stat_activity",
            "SELECT * FROM ai.chatbots",
            "SELECT * FROM private.salaries",
            "SELECT * FROM \"private\".\"salaries\"",
            "SELECT * FROM fluxbase_test.public.orders",
            "SELECT * FROM orders FOR UPDATE",
            "SELECT * FROM orders FOR SHARE SKIP LOCKED",
            "LOCK TABLE orders IN ACCESS EXCLUSIVE MODE",
            "VACUUM orders",
            "NOTIFY channel, 'payload'",
            "LISTEN channel",
            "PREPARE p AS DELETE FROM orders",
            "EXPLAIN ANALYZE DELETE FROM orders",
            "SELECT CASE WHEN true THEN (SELECT count(*) FROM private.salaries) END",
            "SELECT COALESCE((SELECT secret FROM private.salaries LIMIT 1), 'none')",
            "SELECT (SELECT salary FROM private.salaries LIMIT 1)::text",
            "SELECT * FROM orders WHERE id IN (SELECT id FROM pg_catalog.pg_class)",
            "SELECT * FROM orders o, LATERAL (SELECT * FROM private.salaries) s",
            "MERGE INTO orders USING secrets ON false WHEN NOT MATCHED THEN DO NOTHING",
            "this is not sql at all",
            " ; ",
            "SELECT count(*) FROM generate_series(1, 100000000000)");

    /** Against a chatbot that may INSERT into notes only. */
    private static final List<String> HOSTILE_WRITER = List.of(
            "INSERT INTO orders (user_id, item, amount, placed_at) VALUES ('x', 'x', 1, now())",
            "INSERT INTO notes (body) SELECT secret FROM secrets",
            "INSERT INTO notes (body) VALUES ('x') ON CONFLICT (id) DO UPDATE SET body = 'y'",
            "UPDATE notes SET body = 'changed'",
            "DELETE FROM notes",
            "INSERT INTO notes (user_id, body) VALUES ('someone-else', 'forged')",
            "WITH x AS (DELETE FROM notes RETURNING *) INSERT INTO notes (body) SELECT body FROM x");

    private static final List<String> LEGITIMATE = List.of(
            "SELECT o.item, c.name FROM orders o JOIN customers c ON c.id = o.customer_id",
            "SELECT c.name, o.item FROM customers c LEFT JOIN orders o ON o.customer_id = c.id",
            "WITH mine AS (SELECT * FROM orders) SELECT count(*) FROM mine",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT sum(i) FROM n",
            "SELECT item, amount, rank() OVER (ORDER BY amount DESC) FROM orders",
            "SELECT DISTINCT ON (user_id) user_id, item FROM orders ORDER BY user_id, placed_at DESC",
            "SELECT details->>'color' AS color, details->'tags' FROM orders WHERE details @> '{\"color\": \"black\"}'",
            "SELECT id FROM orders WHERE details ? 'size'",
            "SELECT amount::int, placed_at::date FROM orders",
            "SELECT item FROM orders ORDER BY embedding <-> '[1,0,0]'::vector LIMIT 2",
            "SELECT item, embedding <=> '[0,1,0]'::vector AS distance FROM orders",
            "SELECT date_trunc('month', placed_at), sum(amount) FILTER (WHERE amount > 10) FROM orders GROUP BY 1",
            "SELECT item FROM orders WHERE item ILIKE '%key%' AND placed_at > now() - interval '10 years'",
            "SELECT count(*) FROM generate_series(1, 10)",
            "SELECT ';' AS semicolon, '--' AS dashes",
            "SELECT 1 UNION SELECT 2",
            "VALUES (1, 'a'), (2, 'b')",
            "SELECT \"item\" FROM \"orders\"",
            "SELECT item FROM public.orders LIMIT 1 OFFSET 1");

    private ServerUnderTest server;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        SqlFixture.ensure(server);
        server.llm().reset();
        allowManyMessages("sql-all-bot");
        allowManyMessages("writer-bot");
    }

    /**
     * This suite sends dozens of statements a minute as one user in one conversation, more than a chatbot's
     * default limits (10 a minute, 50 turns) allow.
     */
    private void allowManyMessages(String chatbot) {
        String id = server.column("SELECT id FROM ai.chatbots WHERE namespace = 'default' AND name = ?", chatbot).get(0);
        ApiResponse raised = server.call("PUT", "/api/v1/admin/ai/chatbots/" + id, server.serviceKey(),
                "{\"rate_limit_per_minute\":1000,\"daily_request_limit\":10000,\"max_conversation_turns\":1000}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
    }

    @Test
    void hostileStatementsAreRefusedOrHarmlessAndChangeNothing() {
        String before = SqlFixture.checksum(server);
        List<String> executed = new ArrayList<>();
        executed.addAll(run("sql-all-bot", HOSTILE_READ_ONLY));
        executed.addAll(run("writer-bot", HOSTILE_WRITER));

        assertThat(HOSTILE_READ_ONLY.size() + HOSTILE_WRITER.size()).isGreaterThanOrEqualTo(40);
        assertThat(SqlFixture.checksum(server)).isEqualTo(before);
        // Only statements the database itself made harmless may have run at all (generate_series spills to temporary
        // files until temp_file_limit or the timeout stops it).
        assertThat(executed).allSatisfy(summary -> assertThat(summary).matches("(?s)(Permission denied.*|Query cancelled.*"
                + "|Query failed: .*(row-level security|violates|exceeds temp_file_limit).*|Operation not allowed: the chatbot is read-only.*)"));
        try (ChatClient chat = server.chatAs("bob")) {
            String id = chat.startChat("sql-bot", "default");
            assertThat(queryResult(ask(server, chat, id, "SELECT user_id FROM orders")).getJsonArray("data").getValuesAs(JsonObject.class))
                    .extracting(r -> r.getString("user_id")).containsOnly("bob");
        }
    }

    /** @return the summaries of the statements that the guard let through to the database */
    private List<String> run(String chatbot, List<String> statements) {
        List<String> executed = new ArrayList<>();
        try (ChatClient chat = server.chatAs("attacker")) {
            String id = chat.startChat(chatbot, "default");
            for (String sql : statements) {
                List<JsonObject> frames = ask(server, chat, id, sql);
                assertThat(last(frames).getString("type")).as(sql).isEqualTo("done");
                JsonObject result = queryResult(frames);
                assertThat(result.getInt("row_count")).as(sql).isZero();
                boolean reachedDatabase = frames.stream().anyMatch(f -> "executing".equals(f.getString("step", null)));
                if (reachedDatabase) {
                    executed.add(result.getString("summary"));
                }
            }
        }
        return executed;
    }

    @Test
    void legitimateQueriesPass() {
        try (ChatClient chat = server.chatAs("alice")) {
            String id = chat.startChat("sql-all-bot", "default");
            for (String sql : LEGITIMATE) {
                JsonObject result = queryResult(ask(server, chat, id, sql));
                assertThat(result.getString("summary")).as(sql).matches("Query (returned|executed successfully).*");
            }
        }
    }
}
