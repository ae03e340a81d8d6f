package dev.fluxbase.ai.rlschecks.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row-level security checks of a chatbot against a table of its own: a check passes under the right policy, and
 * catches a deliberately broken one (every user sees every row) on the next run, on the check and on the chatbot.
 */
@ExtendWith(FluxbaseServer.class)
class RlsChecksIT {

    private static final String NAMESPACE = "rls-checks-it";
    private static final String BOT = "rls-bot";
    private static final String TABLE = "public.rls_check_orders";
    private static final String ALICE = UUID.randomUUID().toString();
    private static final String BOB = UUID.randomUUID().toString();
    private static final String OWN_ROWS_POLICY = "CREATE POLICY own ON " + TABLE + " FOR SELECT TO authenticated "
            + "USING (owner_id::text = current_setting('request.jwt.claim.sub', true))";
    private static volatile String chatbotId;

    private ServerUnderTest server;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        if (chatbotId == null) {
            createTable();
            chatbotId = syncChatbot();
        }
        server.execute("DELETE FROM ai.rls_checks WHERE chatbot_id = ?::uuid", chatbotId);
        restorePolicy();
    }

    private void createTable() {
        server.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id serial PRIMARY KEY, owner_id uuid, item text NOT NULL)");
        server.execute("TRUNCATE " + TABLE);
        server.execute("INSERT INTO " + TABLE + " (owner_id, item) VALUES (?::uuid, 'lamp'), (?::uuid, 'desk'), (?::uuid, 'chair'), "
                + "(?::uuid, 'sofa'), (NULL, 'unowned')", ALICE, ALICE, BOB, BOB);
        server.execute("ALTER TABLE " + TABLE + " ENABLE ROW LEVEL SECURITY");
        server.execute("GRANT SELECT ON " + TABLE + " TO authenticated, anon");
    }

    private void restorePolicy() {
        server.execute("DROP POLICY IF EXISTS own ON " + TABLE);
        server.execute(OWN_ROWS_POLICY);
    }

    private void breakPolicy() {
        server.execute("DROP POLICY IF EXISTS own ON " + TABLE);
        server.execute("CREATE POLICY own ON " + TABLE + " FOR SELECT TO authenticated USING (true)");
    }

    private String syncChatbot() {
        String code = "/**\n * RLS bot\n *\n * @fluxbase:allowed-tables rls_check_orders\n * @fluxbase:rate-limit 100\n * @fluxbase:persist-conversations true\n */\n"
                + "export default `You answer questions about orders.`\n";
        String body = Json.createObjectBuilder().add("namespace", NAMESPACE)
                .add("chatbots", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", BOT).add("code", code)))
                .add("options", Json.createObjectBuilder().add("dry_run", false)).build().toString();
        assertThat(admin("POST", "/api/v1/admin/ai/chatbots/sync", body).status()).isEqualTo(200);
        return admin("GET", "/api/v1/admin/ai/chatbots?namespace=" + NAMESPACE, null).array("chatbots").getJsonObject(0).getString("id");
    }

    private ApiResponse admin(String method, String path, String body) {
        return server.call(method, path, server.serviceKey(), body);
    }

    private String checks() {
        return "/api/v1/admin/ai/chatbots/" + chatbotId + "/rls-checks";
    }

    private static JsonArrayBuilder users(String... ids) {
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (String id : ids) {
            users.add(Json.createObjectBuilder().add("user_id", id));
        }
        return users;
    }

    private JsonObject create(String name, String sql, String ownerColumn, String expect, JsonArrayBuilder users, String... forbidden) {
        var body = Json.createObjectBuilder().add("name", name).add("question", "Which orders are mine?").add("sql", sql).add("expect", expect)
                .add("users", users).add("forbidden_owners", Json.createArrayBuilder(List.of(forbidden)));
        if (ownerColumn != null) {
            body.add("owner_column", ownerColumn);
        }
        ApiResponse created = admin("POST", checks(), body.build().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private JsonObject run(JsonObject check) {
        ApiResponse run = admin("POST", checks() + "/" + check.getString("id") + "/run", null);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return run.json();
    }

    private static JsonObject outcomeOf(JsonObject verdict, String userId) {
        return verdict.getJsonArray("users").getValuesAs(JsonObject.class).stream().filter(u -> u.getString("user_id").equals(userId))
                .findFirst().orElseThrow();
    }

    @Test
    void aCorrectPolicyPassesAndABrokenOneIsCaughtOnTheCheckAndOnTheChatbot() {
        JsonObject check = create("Own orders only", "SELECT id, item, owner_id FROM rls_check_orders", "owner_id", "own_rows", users(ALICE, BOB));
        assertThat(check.isNull("last_run")).isTrue();

        JsonObject passed = run(check);
        assertThat(passed.getString("status")).isEqualTo("passed");
        assertThat(outcomeOf(passed, ALICE).getInt("rows")).isEqualTo(2);
        assertThat(outcomeOf(passed, BOB).getInt("violations")).isZero();

        breakPolicy();
        JsonObject failed;
        try {
            failed = run(check);
        } finally {
            restorePolicy();
        }
        assertThat(failed.getString("status")).isEqualTo("failed");
        JsonObject alice = outcomeOf(failed, ALICE);
        assertThat(alice.getInt("rows")).isEqualTo(5);
        assertThat(alice.getInt("violations")).as("bob's two orders and the unowned one").isEqualTo(3);
        assertThat(alice.getJsonArray("strangers").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactlyInAnyOrder(BOB, "");

        JsonObject chatbot = admin("GET", "/api/v1/admin/ai/chatbots/" + chatbotId, null).json();
        assertThat(chatbot.getJsonObject("rls_checks").getInt("failed")).isEqualTo(1);
        JsonObject listed = admin("GET", "/api/v1/admin/ai/chatbots?namespace=" + NAMESPACE, null).array("chatbots").getJsonObject(0);
        assertThat(listed.getJsonObject("rls_checks").getInt("failed")).as("visible in the chatbot list too").isEqualTo(1);
        JsonObject stored = admin("GET", checks() + "/" + check.getString("id"), null).json();
        assertThat(stored.getJsonObject("last_run").getString("status")).isEqualTo("failed");

        assertThat(run(check).getString("status")).as("the policy is mended").isEqualTo("passed");
        List<String> history = admin("GET", checks() + "/" + check.getString("id") + "/runs", null).array("runs")
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("status")).toList();
        assertThat(history).containsExactly("passed", "failed", "passed");
        assertThat(admin("GET", checks(), null).json().getJsonObject("summary").getInt("failed")).isZero();
    }

    @Test
    void anonymousVisitorsSeeNothingAndForbiddenOwnersStayHidden() {
        JsonArrayBuilder visitor = Json.createArrayBuilder().add(Json.createObjectBuilder().add("user_id", "visitor").add("role", "anon"));
        JsonObject none = create("Visitors see nothing", "SELECT id FROM rls_check_orders", null, "no_rows", visitor);
        JsonObject hidden = create("Bob's orders stay bob's", "SELECT owner_id FROM rls_check_orders", "owner_id", "not_owned_by", users(ALICE),
                BOB);

        JsonObject all = admin("POST", checks() + "/run", null).json();

        assertThat(all.getInt("count")).isEqualTo(2);
        assertThat(all.getJsonObject("summary").getInt("passed")).isEqualTo(2);
        JsonObject changed = admin("PUT", checks() + "/" + hidden.getString("id"), Json.createObjectBuilder().add("question", "Can I see bob's?")
                .build().toString()).json();
        assertThat(changed.getString("question")).isEqualTo("Can I see bob's?");
        assertThat(changed.isNull("last_run")).as("a changed check waits for its next run").isTrue();
        assertThat(outcomeOf(run(none), "visitor").getInt("rows")).isZero();

        breakPolicy();
        try {
            assertThat(run(hidden).getString("status")).isEqualTo("failed");
            assertThat(run(none).getString("status")).as("the broken policy is for authenticated only").isEqualTo("passed");
        } finally {
            restorePolicy();
        }
    }

    @Test
    void aCheckCanTakeTheSqlAndQuestionOfAQueryTheChatbotRan() {
        String sql = "SELECT id, item, owner_id FROM rls_check_orders ORDER BY id";
        server.llm().reset();
        server.llm().enqueue(Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", sql).build().toString()), Reply.text("Two."));
        try (ChatClient chat = server.chatAs(ALICE)) {
            String id = chat.startChat(BOT, NAMESPACE);
            chat.message(id, "How many orders do I have?");
            chat.turn(id);
        }
        JsonObject recorded = admin("GET", checks() + "/recorded?limit=5", null).json().getJsonArray("queries").getJsonObject(0);
        assertThat(recorded.getString("sql")).isEqualTo(sql);
        assertThat(recorded.getString("question")).isEqualTo("How many orders do I have?");
        assertThat(recorded.getString("user_id")).isEqualTo(ALICE);

        String body = Json.createObjectBuilder().add("name", "From the audit log").add("audit_id", recorded.getInt("audit_id"))
                .add("owner_column", "owner_id").add("users", users(ALICE, BOB)).build().toString();
        ApiResponse created = admin("POST", checks(), body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getString("sql")).isEqualTo(sql);
        assertThat(created.json().getString("question")).isEqualTo("How many orders do I have?");
        assertThat(created.json().getInt("source_audit_id")).isEqualTo(recorded.getInt("audit_id"));
        assertThat(run(created.json()).getString("status")).isEqualTo("passed");
    }

    @Test
    void aQueryThatCannotRunForAUserIsAnErrorNotAPass() {
        JsonObject check = create("Wrong owner column", "SELECT id, item FROM rls_check_orders", "owner_id", "own_rows", users(ALICE));

        JsonObject verdict = run(check);

        assertThat(verdict.getString("status")).isEqualTo("error");
        assertThat(outcomeOf(verdict, ALICE).getString("error")).contains("no column \"owner_id\"").contains("id, item");
    }

    @Test
    void badRequestsAreRefusedWithTheirCodes() {
        String valid = Json.createObjectBuilder().add("name", "dup").add("sql", "SELECT owner_id FROM rls_check_orders")
                .add("owner_column", "owner_id").add("users", users(ALICE)).build().toString();
        assertThat(admin("POST", checks(), valid).status()).isEqualTo(201);
        ApiResponse duplicate = admin("POST", checks(), valid);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().getString("code")).isEqualTo("RLS_CHECK_EXISTS");

        ApiResponse otherTable = admin("POST", checks(), valid.replace("dup", "secrets").replace("FROM rls_check_orders", "FROM secrets"));
        assertThat(otherTable.status()).isEqualTo(400);
        assertThat(otherTable.json().getString("error")).startsWith("The chatbot could not run this SQL as a read-only query");

        ApiResponse write = admin("POST", checks(), valid.replace("dup", "write")
                .replace("SELECT owner_id FROM rls_check_orders", "DELETE FROM rls_check_orders RETURNING owner_id"));
        assertThat(write.status()).isEqualTo(400);

        ApiResponse noUsers = admin("POST", checks(), Json.createObjectBuilder().add("name", "x").add("sql", "SELECT 1").add("expect", "no_rows")
                .build().toString());
        assertThat(noUsers.status()).isEqualTo(400);
        assertThat(noUsers.json().getString("code")).isEqualTo("INVALID_REQUEST");

        ApiResponse unknownAudit = admin("POST", checks(), Json.createObjectBuilder().add("name", "y").add("audit_id", 999999999)
                .add("expect", "no_rows").add("users", users(ALICE)).build().toString());
        assertThat(unknownAudit.status()).isEqualTo(404);
        assertThat(unknownAudit.json().getString("code")).isEqualTo("RECORDED_QUERY_NOT_FOUND");

        assertThat(admin("GET", checks() + "/" + UUID.randomUUID(), null).json().getString("code")).isEqualTo("RLS_CHECK_NOT_FOUND");
        assertThat(admin("GET", "/api/v1/admin/ai/chatbots/" + UUID.randomUUID() + "/rls-checks", null).json().getString("code"))
                .isEqualTo("CHATBOT_NOT_FOUND");
        assertThat(server.call("GET", checks(), server.tokens().userToken(ALICE), null).status()).isEqualTo(403);
        assertThat(server.column("SELECT count(*)::text FROM " + TABLE)).containsExactly("5");
    }
}
