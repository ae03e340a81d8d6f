package dev.fluxbase.ai.tools.sql.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes previewed and confirmed: PostgreSQL runs a write as the user and rolls it back, the client sees the rows it would
 * change (row-level security applied) and confirms or cancels; nothing commits before, a concurrent change of those rows
 * refuses the confirmation, and a confirmation commits once. A chatbot with {@code @fluxbase:confirm-writes false} writes at once.
 */
@ExtendWith(FluxbaseServer.class)
class WritePreviewIT {

    private static final String NAMESPACE = WritableTasks.NAMESPACE;

    private ServerUnderTest server;
    private String user;
    private String other;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        WritableTasks.ensure(server);
        server.llm().reset();
        user = "writer-" + UUID.randomUUID();
        other = "other-" + UUID.randomUUID();
    }

    @Test
    void thePreviewShowsWhatPostgresqlWouldChangeUnderRowLevelSecurityAndNothingChangesUntilConfirmed() {
        List<Long> mine = tasks(user, "report draft", "report review");
        tasks(other, "report of someone else");
        String checksum = SqlFixture.checksum(server);
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject preview = preview(chat, id, "UPDATE tasks SET done = true WHERE title LIKE 'report%'");

            assertThat(preview.getString("operation")).isEqualTo("UPDATE");
            assertThat(preview.getInt("rows_affected")).isEqualTo(2);
            assertThat(preview.getBoolean("truncated")).isFalse();
            assertThat(preview.getJsonArray("before").getValuesAs(JsonObject.class))
                    .extracting(r -> r.getJsonNumber("id").longValue(), r -> r.getBoolean("done"), r -> r.getString("owner"))
                    .containsExactlyInAnyOrder(tuple(mine.get(0), false, user),
                            tuple(mine.get(1), false, user));
            assertThat(preview.getJsonArray("after").getValuesAs(JsonObject.class))
                    .extracting(r -> r.getJsonNumber("id").longValue(), r -> r.getBoolean("done"))
                    .containsExactlyInAnyOrder(tuple(mine.get(0), true),
                            tuple(mine.get(1), true));
            assertThat(SqlFixture.checksum(server)).isEqualTo(checksum);

            // the model reads that the write waits, and none of the rows
            String toolResult = lastToolResult();
            assertThat(toolResult).contains("NOT run yet", "2 row(s)").doesNotContain("report draft");

            chat.send(decision("cancel_write", id, preview.getString("preview_id")));
            JsonObject cancelled = answer(chat);
            assertThat(cancelled.getString("type")).isEqualTo("write_result");
            assertThat(cancelled.getString("status")).isEqualTo("cancelled");
            chat.send(decision("confirm_write", id, preview.getString("preview_id")));
            assertThat(answer(chat).getString("code")).isEqualTo("WRITE_PREVIEW_CLOSED");
        }
        assertThat(SqlFixture.checksum(server)).isEqualTo(checksum);
    }

    @Test
    void aConfirmedWriteCommitsExactlyOnceForItsOwnUserAndConversationOnly() {
        String title = "buy milk " + UUID.randomUUID();
        try (ChatClient chat = server.chatAs(user); ChatClient stranger = server.chatAs(other)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject preview = preview(chat, id, "INSERT INTO tasks (title) VALUES ('" + title + "')");
            assertThat(preview.getInt("rows_affected")).isEqualTo(1);
            assertThat(preview.getJsonArray("after").getJsonObject(0).getString("owner")).isEqualTo(user);
            assertThat(count(title)).isZero();
            String previewId = preview.getString("preview_id");

            String strangers = stranger.startChat(WritableTasks.EDITOR, NAMESPACE);
            stranger.send(decision("confirm_write", strangers, previewId));
            assertThat(answer(stranger).getString("code")).isEqualTo("WRITE_PREVIEW_NOT_FOUND");
            chat.send(decision("confirm_write", id, UUID.randomUUID().toString()));
            assertThat(answer(chat).getString("code")).isEqualTo("WRITE_PREVIEW_NOT_FOUND");
            assertThat(count(title)).isZero();

            chat.send(decision("confirm_write", id, previewId));
            chat.send(decision("confirm_write", id, previewId));
            JsonObject committed = answer(chat);
            assertThat(committed.getString("type")).isEqualTo("write_result");
            assertThat(committed.getString("status")).isEqualTo("committed");
            assertThat(committed.getInt("rows_affected")).isEqualTo(1);
            assertThat(answer(chat).getString("code")).isEqualTo("WRITE_PREVIEW_CLOSED");
            assertThat(chat.isOpen()).isTrue();
        }
        assertThat(count(title)).isEqualTo(1);
        assertThat(server.column("SELECT owner FROM writes.tasks WHERE title = ?", title)).containsExactly(user);
    }

    @Test
    void aConfirmationAfterAConcurrentChangeOfTheAffectedRowsIsRefusedAndWritesNothing() {
        List<Long> mine = tasks(user, "invoice march", "invoice april");
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject edited = preview(chat, id, "UPDATE tasks SET done = true WHERE title LIKE 'invoice%'");
            server.execute("UPDATE writes.tasks SET title = 'invoice march (corrected)' WHERE id = ?", mine.get(0));
            String checksum = SqlFixture.checksum(server);
            chat.send(decision("confirm_write", id, edited.getString("preview_id")));
            assertThat(answer(chat).getString("code")).isEqualTo("WRITE_PREVIEW_STALE");
            assertThat(SqlFixture.checksum(server)).isEqualTo(checksum);

            // another row that the DELETE would now remove as well
            JsonObject deletion = preview(chat, id, "DELETE FROM tasks WHERE title LIKE 'invoice%'");
            assertThat(deletion.getInt("rows_affected")).isEqualTo(2);
            tasks(user, "invoice may");
            checksum = SqlFixture.checksum(server);
            chat.send(decision("confirm_write", id, deletion.getString("preview_id")));
            assertThat(answer(chat).getString("code")).isEqualTo("WRITE_PREVIEW_STALE");
            assertThat(SqlFixture.checksum(server)).isEqualTo(checksum);

            chat.send(decision("confirm_write", id, edited.getString("preview_id")));
            assertThat(answer(chat).getString("code")).isEqualTo("WRITE_PREVIEW_STALE");
        }
        assertThat(server.column("SELECT title || ':' || done FROM writes.tasks WHERE owner = ? ORDER BY id", user))
                .containsExactly("invoice march (corrected):false", "invoice april:false", "invoice may:false");
    }

    @Test
    void anExpiredPreviewCannotBeConfirmed() {
        tasks(user, "old task");
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject preview = preview(chat, id, "DELETE FROM tasks WHERE title = 'old task'");
            server.execute("UPDATE ai.write_previews SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                    preview.getString("preview_id"));
            chat.send(decision("confirm_write", id, preview.getString("preview_id")));
            assertThat(answer(chat).getString("code")).isEqualTo("WRITE_PREVIEW_EXPIRED");
        }
        assertThat(server.column("SELECT title FROM writes.tasks WHERE owner = ?", user)).containsExactly("old task");
    }

    @Test
    void aChatbotThatOptsOutWritesAtOnce() {
        String title = "automated " + UUID.randomUUID();
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.ROBOT, NAMESPACE);
            server.llm().enqueue(Reply.toolCall("execute_sql", arguments("INSERT INTO tasks (title) VALUES ('" + title + "')")), Reply.text("Done."));
            chat.message(id, "add it");
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames).extracting(f -> f.getString("type")).doesNotContain("write_preview").contains("query_result").endsWith("done");
        }
        assertThat(count(title)).isEqualTo(1);
    }

    @Test
    void aTableToolsWriteIsPreviewedAndConfirmedLikeSql() {
        String title = "tool task " + UUID.randomUUID();
        List<Long> mine = tasks(user, title);
        tasks(other, title);
        String checksum = SqlFixture.checksum(server);
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.TOOLS, NAMESPACE);
            String update = Json.createObjectBuilder().add("table", "tasks").add("data", Json.createObjectBuilder().add("done", true))
                    .add("filter", Json.createObjectBuilder().add("title", "eq." + title)).build().toString();
            server.llm().enqueue(Reply.toolCall("update_record", update), Reply.text("Please confirm."));
            chat.message(id, "mark it done");
            List<JsonObject> frames = chat.turn(id);
            List<JsonObject> previews = frames.stream().filter(f -> "write_preview".equals(f.getString("type"))).toList();
            assertThat(previews).hasSize(1);
            JsonObject preview = previews.get(0);
            assertThat(preview.getInt("rows_affected")).as("the other user's task of the same title stays out").isEqualTo(1);
            assertThat(preview.getJsonArray("after").getValuesAs(JsonObject.class))
                    .extracting(r -> r.getJsonNumber("id").longValue(), r -> r.getBoolean("done")).containsExactly(tuple(mine.get(0), true));
            assertThat(SqlFixture.checksum(server)).isEqualTo(checksum);

            chat.send(decision("confirm_write", id, preview.getString("preview_id")));
            JsonObject committed = answer(chat);
            assertThat(committed.getString("status")).isEqualTo("committed");
            assertThat(committed.getInt("rows_affected")).isEqualTo(1);
        }
        assertThat(server.column("SELECT owner || ':' || done FROM writes.tasks WHERE title = ? ORDER BY owner", title))
                .containsExactlyInAnyOrder(user + ":true", other + ":false");
    }

    /** Asks for one write; the turn ends with done and holds exactly one preview, which is returned. */
    private JsonObject preview(ChatClient chat, String conversationId, String sql) {
        server.llm().enqueue(Reply.toolCall("execute_sql", arguments(sql)), Reply.text("Please confirm the change."));
        chat.message(conversationId, "please do it");
        List<JsonObject> frames = chat.turn(conversationId);
        assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
        List<JsonObject> previews = frames.stream().filter(f -> "write_preview".equals(f.getString("type"))).toList();
        assertThat(previews).hasSize(1);
        assertThat(previews.get(0).getString("query")).isEqualTo(sql);
        return previews.get(0);
    }

    private static JsonObject answer(ChatClient chat) {
        return chat.until(f -> List.of("write_result", "error").contains(f.getString("type"))).stream().reduce((a, b) -> b).orElseThrow();
    }

    private static JsonObject decision(String type, String conversationId, String previewId) {
        return Json.createObjectBuilder().add("type", type).add("conversation_id", conversationId).add("preview_id", previewId).build();
    }

    private List<Long> tasks(String owner, String... titles) {
        return WritableTasks.add(server, owner, titles);
    }

    private int count(String title) {
        return Integer.parseInt(server.column("SELECT count(*) FROM writes.tasks WHERE title = ?", title).get(0));
    }

    private String lastToolResult() {
        List<RecordedRequest> requests = server.llm().requests().stream().filter(r -> r.body().contains("\"messages\"")).toList();
        List<String> results = MaskedContacts.toolResults(requests.get(requests.size() - 1).json());
        return results.get(results.size() - 1);
    }

    private static String arguments(String sql) {
        return Json.createObjectBuilder().add("sql", sql).build().toString();
    }
}
