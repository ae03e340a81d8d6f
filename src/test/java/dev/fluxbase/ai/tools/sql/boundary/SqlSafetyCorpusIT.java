package dev.fluxbase.ai.tools.sql.boundary;

import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.queryResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile SQL in three families, each through the whole chat path (the fake provider scripts the tool call, the
 * server checks and runs it against real PostgreSQL): values, aggregates and joins that try to exhaust memory or
 * time; functions with their owner's rights or side effects; catalog and server introspection through casts and
 * functions. Nothing returns data it should not, no frame and no tool result the LLM reads exceeds its cap, every
 * turn ends within the statement timeout plus a second, nothing in the database changes (rows, sequences, grants)
 * and the server stays ready. Legitimate queries that use allowed functions still return the right rows.
 */
@ExtendWith(FluxbaseServer.class)
class SqlSafetyCorpusIT {

    static final int FRAME_CAP = 1_048_576;
    static final int LLM_CAP = 16_384;
    static final Duration TURN_DEADLINE = Duration.ofMillis(FluxbaseServer.SQL_TIMEOUT_MS + 1_000);
    static final String CHATBOT = "guarded-bot";

    /** Strings that only a leak could put into a frame or a provider request (no statement below contains them). */
    static final List<String> LEAK_MARKERS = List.of("the launch code", "usage_ledger", "CREATE OR REPLACE FUNCTION",
            "max_connections", "data_directory =");

    /** Values, aggregates and joins that try to exhaust the server's memory or the database's time. */
    static final List<String> EXHAUSTION = List.of(
            "SELECT repeat('x', 20000000) AS v",
            "SELECT repeat('x', 250000000) AS boom",
            "SELECT array_agg(g) FROM generate_series(1, 3000000) g",
            "SELECT string_agg(c1.name || c2.name || c3.name, ',') FROM customers c1, customers c2, customers c3, generate_series(1, 100000) g",
            "SELECT string_agg(md5(g::text), ',') FROM generate_series(1, 300000) g",
            "SELECT repeat(md5(g::text), 1000) FROM generate_series(1, 2000) g",
            "SELECT jsonb_agg(g) FROM generate_series(1, 1000000) g",
            "SELECT to_jsonb(array_agg(repeat('y', 1000))) FROM generate_series(1, 20000)",
            "SELECT g, repeat('z', 5000) FROM generate_series(1, 100000) g",
            "SELECT 10::numeric ^ 100000",
            "SELECT array_fill(7, ARRAY[5000000])",
            "SELECT lpad('', 100000000, 'ab')",
            "SELECT regexp_replace(repeat('a', 2000000), 'a', 'bb', 'g')",
            "SELECT jsonb_build_object('k', repeat('v', 30000000))",
            "SELECT ARRAY(SELECT repeat('q', 100) FROM generate_series(1, 500000))",
            "SELECT convert_to(repeat('é', 10000000), 'UTF8')",
            "SELECT * FROM customers a, customers b, customers c, customers d, customers e, customers f, customers g, "
                    + "customers h, customers i, customers j, customers k",
            "SELECT count(*) FROM generate_series(1, 1000000000) g",
            "SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r");

    /** Functions that run with their owner's rights or change something: refused, or made harmless by the database. */
    static final List<String> OWNER_RIGHTS_AND_SIDE_EFFECTS = List.of(
            "SELECT * FROM some_rpc()",
            "SELECT public.some_rpc()",
            "SELECT s.* FROM orders o, LATERAL public.some_rpc() s",
            "SELECT nextval('notes_id_seq')",
            "SELECT setval('notes_id_seq', 1000)",
            "SELECT pg_advisory_lock(42)",
            "SELECT pg_try_advisory_xact_lock(42)",
            "SELECT pg_sleep(10)",
            "SELECT set_config('request.jwt.claims', '{\"sub\": \"bob\"}', true)",
            "SELECT dblink('dbname=postgres', 'SELECT 1')",
            "SELECT lo_import('/etc/passwd')",
            "SELECT pg_read_file('postgresql.conf')",
            "SELECT * FROM pg_ls_dir('.')",
            "SELECT query_to_xml('SELECT * FROM secrets', true, false, '')",
            "SELECT pg_notify('channel', 'payload')",
            "SELECT txid_current()",
            "SELECT pg_terminate_backend(1)",
            "SELECT ts_stat('SELECT to_tsvector(secret) FROM secrets')",
            "SELECT \"lower\"(some_rpc())");

    /** Catalog and server introspection through casts and functions: refused. */
    static final List<String> INTROSPECTION = List.of(
            "SELECT g::regclass::text FROM generate_series(16384, 200000) g WHERE g::regclass::text LIKE 'ai.%'",
            "SELECT pg_get_functiondef('public.some_rpc'::regproc)",
            "SELECT pg_get_functiondef(f.oid) FROM generate_series(16384, 20000) AS f(oid)",
            "SELECT * FROM pg_show_all_settings()",
            "SELECT pg_stat_get_live_tuples(16384)",
            "SELECT version()",
            "SELECT inet_server_addr(), inet_server_port()",
            "SELECT current_setting('data_directory')",
            "SELECT 'ai.providers'::regclass::oid",
            "SELECT CAST('pg_authid' AS pg_catalog.regclass)",
            "SELECT regclass 'ai.providers'",
            "SELECT to_regclass('ai.providers')",
            "SELECT current_database()",
            "SELECT current_catalog",
            "SELECT session_user",
            "SELECT obj_description(16384)",
            "SELECT has_table_privilege('ai.providers', 'SELECT')",
            "SELECT * FROM ai.providers",
            "SELECT pg_get_userbyid(10)",
            "SELECT format_type(23, NULL)",
            "SELECT * FROM json_to_record('{\"a\": \"pg_authid\"}') AS r(a regclass)",
            "SELECT tableoid::regclass FROM customers",
            "SELECT pg_postmaster_start_time()",
            "SELECT 1from customers");

    private ServerUnderTest server;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        SqlFixture.ensure(server);
        server.llm().reset();
    }

    @Test
    void hostileStatementsReturnNothingTheyShouldNotStayWithinTheirCapsAndChangeNothing() {
        String before = SqlFixture.checksum(server);
        String sequencesBefore = SqlFixture.sequences(server);
        List<String> refusedOrHarmless = new ArrayList<>();
        try (ChatClient chat = server.chatAs("attacker")) {
            String id = chat.startChat(CHATBOT, "default");
            EXHAUSTION.forEach(sql -> boundedTurn(chat, id, sql));
            for (String sql : concat(OWNER_RIGHTS_AND_SIDE_EFFECTS, INTROSPECTION)) {
                JsonObject result = queryResult(boundedTurn(chat, id, sql));
                assertThat(result.getInt("row_count")).as(sql).isZero();
                refusedOrHarmless.add(result.getString("summary"));
            }
        }
        assertThat(EXHAUSTION.size() + OWNER_RIGHTS_AND_SIDE_EFFECTS.size() + INTROSPECTION.size()).isGreaterThanOrEqualTo(60);
        assertThat(refusedOrHarmless).allSatisfy(summary -> assertThat(summary).matches(
                "(?s)(Function not allowed: .*|Cast not allowed: .*|Schema not allowed: ai|SQL could not be parsed: .*|Permission denied.*)"));
        assertThat(SqlFixture.checksum(server)).isEqualTo(before);
        assertThat(SqlFixture.sequences(server)).isEqualTo(sequencesBefore);
        assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aSecurityDefinerFunctionInAnAllowedSchemaIsRefusedWithItsReason() {
        try (ChatClient chat = server.chatAs("attacker")) {
            String id = chat.startChat(CHATBOT, "default");
            assertThat(queryResult(boundedTurn(chat, id, "SELECT * FROM some_rpc()")).getString("summary"))
                    .isEqualTo("Function not allowed: some_rpc");
        }
    }

    /** The guard lets lower() pass by name; the database shows that the name also reaches reporting.lower(integer). */
    @Test
    void aFunctionThatShadowsABuiltinsNameIsRefusedByTheDatabasesAnswer() {
        try (ChatClient chat = server.chatAs("alice")) {
            String id = chat.startChat("shadowed-bot", "default");
            assertThat(queryResult(boundedTurn(chat, id, "SELECT lower(5)")).getString("summary"))
                    .isEqualTo("Function not allowed: reporting.lower (SECURITY DEFINER, not on the chatbot's allowed functions)");
            assertThat(queryResult(boundedTurn(chat, id, "SELECT lower(item) FROM orders")).getInt("row_count")).isZero();
            JsonObject upper = queryResult(boundedTurn(chat, id, "SELECT upper(item) AS item FROM orders ORDER BY id"));
            assertThat(values(upper, "item")).containsExactly("\"KEYBOARD\"", "\"MOUSE\"");
        }
        assertThat(server.column("SELECT count(*) FROM ai.sql_audit_log WHERE sql = 'SELECT lower(5)' AND NOT allowed")).containsExactly("1");
    }

    @Test
    void legitimateQueriesWithAllowedFunctionsReturnTheRightRows() {
        try (ChatClient chat = server.chatAs("alice")) {
            String id = chat.startChat(CHATBOT, "default");
            JsonObject aggregates = queryResult(boundedTurn(chat, id, "SELECT count(*) AS n, round(sum(amount), 2) AS total, "
                    + "max(amount) AS most FROM orders"));
            assertThat(aggregates.getJsonArray("data").getJsonObject(0).toString()).isEqualTo("{\"n\":2,\"total\":69.40,\"most\":49.90}");
            JsonObject json = queryResult(boundedTurn(chat, id, "SELECT jsonb_build_object('item', item, 'color', details->>'color') AS j "
                    + "FROM orders ORDER BY id"));
            assertThat(values(json, "j")).containsExactly("{\"item\":\"Keyboard\",\"color\":\"black\"}", "{\"item\":\"Mouse\",\"color\":\"white\"}");
            JsonObject dates = queryResult(boundedTurn(chat, id, "SELECT to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, "
                    + "date_trunc('month', placed_at AT TIME ZONE 'UTC')::date AS month, extract(dow FROM placed_at AT TIME ZONE 'UTC') AS dow "
                    + "FROM orders ORDER BY id"));
            assertThat(values(dates, "day")).containsExactly("\"2026-01-05\"", "\"2026-01-06\"");
            assertThat(values(dates, "month")).containsExactly("\"2026-01-01\"", "\"2026-01-01\"");
            JsonObject rpc = queryResult(boundedTurn(chat, id, "SELECT order_total('alice') AS mine, public.order_total('bob') AS bobs"));
            // security invoker: row-level security hides bob's orders from alice
            assertThat(rpc.getJsonArray("data").getJsonObject(0).toString()).isEqualTo("{\"mine\":69.40,\"bobs\":0}");
            JsonObject nearest = queryResult(boundedTurn(chat, id, "SELECT item FROM orders ORDER BY l2_distance(embedding, '[0,1,0]') LIMIT 1"));
            assertThat(values(nearest, "item")).containsExactly("\"Mouse\"");
            JsonObject arrays = queryResult(boundedTurn(chat, id, "SELECT array_agg(item ORDER BY item) AS items, "
                    + "string_agg(upper(left(item, 1)), '') AS initials FROM orders"));
            assertThat(arrays.getJsonArray("data").getJsonObject(0).toString()).isEqualTo("{\"items\":[\"Keyboard\",\"Mouse\"],\"initials\":\"KM\"}");
        }
    }

    /** One scripted turn, checked for what every turn owes: an end in time, frames and tool results within their caps, no leak. */
    private List<JsonObject> boundedTurn(ChatClient chat, String conversationId, String sql) {
        int requestsBefore = server.llm().requests().size();
        server.llm().enqueue(Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", sql).build().toString()), Reply.text("Done."));
        long started = System.nanoTime();
        chat.message(conversationId, "Run it");
        List<JsonObject> frames = chat.turn(conversationId);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(frames.get(frames.size() - 1).getString("type")).as(sql).isEqualTo("done");
        assertThat(took).as("%s took %s", sql, took).isLessThanOrEqualTo(TURN_DEADLINE);
        for (JsonObject frame : frames) {
            String text = frame.toString();
            assertThat(utf8(text)).as("frame of %s", sql).isLessThanOrEqualTo(FRAME_CAP);
            LEAK_MARKERS.forEach(marker -> assertThat(text).as(sql).doesNotContain(marker));
        }
        List<RecordedRequest> requests = server.llm().requests();
        for (RecordedRequest request : requests.subList(requestsBefore, requests.size())) {
            for (JsonValue message : request.json().getJsonArray("messages")) {
                JsonObject m = message.asJsonObject();
                if ("tool".equals(m.getString("role"))) {
                    assertThat(utf8(m.getString("content"))).as("tool result of %s", sql).isLessThanOrEqualTo(LLM_CAP);
                    LEAK_MARKERS.forEach(marker -> assertThat(m.getString("content")).as(sql).doesNotContain(marker));
                }
            }
        }
        return frames;
    }

    private static List<String> values(JsonObject queryResult, String column) {
        return queryResult.getJsonArray("data").getValuesAs(JsonObject.class).stream().map(row -> row.get(column).toString()).toList();
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
