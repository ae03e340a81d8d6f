package dev.fluxbase.ai.tools.sql.boundary;

import static dev.fluxbase.ai.tools.sql.boundary.WritePreviews.answer;
import static dev.fluxbase.ai.tools.sql.boundary.WritePreviews.arguments;
import static dev.fluxbase.ai.tools.sql.boundary.WritePreviews.decide;
import static dev.fluxbase.ai.tools.sql.boundary.WritePreviews.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes previewed and confirmed: PostgreSQL runs a write as the user and rolls it back, the client sees the rows it would
 * change (row-level security applied) and confirms or cancels; nothing commits before, a concurrent change of those rows
 * refuses the confirmation, and a confirmation commits once, on whichever instance it arrives (the preview is kept in
 * PostgreSQL). A stored conversation's history tells what became of every write: previewed, confirmed with the rows it
 * changed, cancelled, or refused. A chatbot with {@code @fluxbase:confirm-writes false} writes at once.
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
    void aChangeCommittedWhileTheConfirmationWaitsForTheRowsMakesItStale() throws SQLException {
        long task = tasks(user, "contended").get(0);
        try (ChatClient chat = server.chatAs(user); Connection concurrent = server.jdbc()) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject preview = preview(chat, id, "UPDATE tasks SET done = true WHERE title = 'contended'");
            concurrent.setAutoCommit(false);
            try (PreparedStatement touch = concurrent.prepareStatement("UPDATE writes.tasks SET touched_at = now() WHERE id = ?")) {
                touch.setLong(1, task);
                touch.executeUpdate();
            }
            chat.send(decision("confirm_write", id, preview.getString("preview_id")));
            Eventually.await("the confirmation waits for the row", Duration.ofSeconds(10), () -> !server.column(
                    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF tasks'").isEmpty());
            concurrent.commit();
            assertThat(answer(chat).getString("code")).isEqualTo("WRITE_PREVIEW_STALE");
        }
        assertThat(server.column("SELECT done || ':' || (touched_at IS NOT NULL) FROM writes.tasks WHERE id = ?", task)).containsExactly("false:true");
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

    @Test
    void aPreviewMadeOnOneInstanceIsConfirmedOnAnother() {
        long task = tasks(user, "cross over").get(0);
        String id;
        String previewId;
        try (ChatClient chat = server.chatAs(user)) {
            id = chat.startChat(WritableTasks.KEEPER, NAMESPACE);
            previewId = preview(chat, id, "UPDATE tasks SET done = true WHERE title = 'cross over'").getString("preview_id");
        }
        assertThat(server.column("SELECT done::text FROM writes.tasks WHERE id = ?", task)).containsExactly("false");
        try (ChatClient elsewhere = server.secondInstance().chatAs(user)) {
            resume(elsewhere, id);
            JsonObject committed = decide(elsewhere, "confirm_write", id, previewId);
            assertThat(committed.getString("status")).isEqualTo("committed");
            assertThat(committed.getInt("rows_affected")).isEqualTo(1);
        }
        assertThat(server.column("SELECT done::text FROM writes.tasks WHERE id = ?", task)).containsExactly("true");
    }

    @Test
    void theStoredHistoryTellsWhatBecameOfEveryPreviewedWrite() {
        tasks(user, "history a", "history b");
        String confirmed = "UPDATE tasks SET done = true WHERE title = 'history a'";
        String cancelled = "DELETE FROM tasks WHERE title = 'history b'";
        String stale = "UPDATE tasks SET title = 'history c' WHERE title = 'history b'";
        String id;
        try (ChatClient chat = server.chatAs(user)) {
            id = chat.startChat(WritableTasks.KEEPER, NAMESPACE);
            decide(chat, "confirm_write", id, preview(chat, id, confirmed).getString("preview_id"));
            decide(chat, "cancel_write", id, preview(chat, id, cancelled).getString("preview_id"));
            String outdated = preview(chat, id, stale).getString("preview_id");
            server.execute("UPDATE writes.tasks SET done = true WHERE owner = ? AND title = 'history b'", user);
            assertThat(decide(chat, "confirm_write", id, outdated).getString("code")).isEqualTo("WRITE_PREVIEW_STALE");
            preview(chat, id, cancelled); // never decided
        }

        List<JsonObject> messages = server.get("/api/v1/ai/conversations/" + id, server.tokens().userToken(user)).json()
                .getJsonArray("messages").getValuesAs(JsonObject.class);
        assertThat(messages).extracting(m -> m.getString("role") + ": " + m.getString("content")).containsExactly(
                "user: please do it", "assistant: Please confirm the change.",
                "assistant: (The user confirmed the previewed UPDATE: it changed 1 row(s).)",
                "user: please do it", "assistant: Please confirm the change.",
                "assistant: (The user cancelled the previewed DELETE: nothing was changed.)",
                "user: please do it", "assistant: Please confirm the change.",
                "assistant: (The user confirmed a previewed write, but nothing was changed: The rows changed since the preview: ask again.)",
                "user: please do it", "assistant: Please confirm the change.");
        assertThat(result(messages.get(1)).getString("query")).isEqualTo(confirmed);
        assertThat(result(messages.get(1)).getString("summary"))
                .startsWith("Previewed, not run: it would change 1 row(s), and runs only if the user confirms it before ");
        assertThat(result(messages.get(2)).getString("query")).isEqualTo(confirmed);
        assertThat(result(messages.get(2)).getString("summary")).isEqualTo("Confirmed by the user: it changed 1 row(s).");
        assertThat(result(messages.get(5)).getString("summary")).isEqualTo("Cancelled by the user: nothing was changed.");
        assertThat(result(messages.get(10)).getString("summary")).startsWith("Previewed, not run");
        assertThat(server.column("SELECT title || ':' || done FROM writes.tasks WHERE owner = ? ORDER BY title", user))
                .containsExactly("history a:true", "history b:true");

        // the LLM of a later turn, on a new socket, reads the same history
        try (ChatClient chat = server.chatAs(user)) {
            resume(chat, id);
            server.llm().enqueue(Reply.text("One task is done."));
            chat.message(id, "what did we change?");
            chat.turn(id);
        }
        List<RecordedRequest> requests = server.llm().requests();
        String history = requests.get(requests.size() - 1).json().getJsonArray("messages").toString();
        assertThat(history).contains("(The user confirmed the previewed UPDATE: it changed 1 row(s).)",
                "(The user cancelled the previewed DELETE: nothing was changed.)", "but nothing was changed: The rows changed since the preview");
    }

    private JsonObject preview(ChatClient chat, String conversationId, String sql) {
        return WritePreviews.preview(server, chat, conversationId, sql);
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

    private static void resume(ChatClient chat, String conversationId) {
        JsonObject started = chat.startChatAnswer(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", WritableTasks.KEEPER)
                .add("namespace", NAMESPACE).add("conversation_id", conversationId).build());
        assertThat(started.getString("type")).isEqualTo("chat_started");
        assertThat(started.getString("conversation_id")).isEqualTo(conversationId);
    }

    private static JsonObject result(JsonObject message) {
        return message.getJsonArray("query_results").getJsonObject(0);
    }
}
