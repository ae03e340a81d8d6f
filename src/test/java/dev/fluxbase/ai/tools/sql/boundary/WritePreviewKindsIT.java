package dev.fluxbase.ai.tools.sql.boundary;

import static dev.fluxbase.ai.tools.sql.boundary.WritePreviews.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Write previews beyond a plain UPDATE of a table with a primary key: a confirmation compares the rows the write changes as
 * they were before it, and how many it changes, never what the write computes as it runs; the rows are found by the write's
 * own WHERE (and FROM), whole, so a table without a primary key and an UPDATE of the key itself are compared as well; the
 * rows shown are those of the changed table only; a write hidden in a WITH is not run unseen.
 */
@ExtendWith(FluxbaseServer.class)
class WritePreviewKindsIT {

    private static final String NAMESPACE = WritableTasks.NAMESPACE;
    private static final Set<String> TASK_COLUMNS = Set.of("id", "owner", "title", "done", "touched_at");

    private ServerUnderTest server;
    private String user;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        WritableTasks.ensure(server);
        server.llm().reset();
        user = "kinds-" + UUID.randomUUID();
    }

    @Test
    void anUpdateOfValuesThatItComputesAsItRunsIsConfirmed() {
        long task = WritableTasks.add(server, user, "stamp me").get(0);
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject preview = preview(chat, id,
                    "UPDATE tasks SET touched_at = clock_timestamp(), done = random() < 2 WHERE title = 'stamp me' RETURNING title, touched_at");
            JsonObject committed = decide(chat, "confirm_write", id, preview.getString("preview_id"));
            assertThat(committed.getString("status", committed.getString("code", ""))).as("never stale by what it computes").isEqualTo("committed");
            assertThat(committed.getInt("rows_affected")).isEqualTo(1);

            JsonObject after = preview.getJsonArray("after").getJsonObject(0);
            assertThat(after.keySet()).as("every column of the row, not the write's own RETURNING").isEqualTo(TASK_COLUMNS);
            assertThat(after.getJsonNumber("id").longValue()).isEqualTo(task);
        }
        assertThat(server.column("SELECT done || ':' || (touched_at IS NOT NULL) FROM writes.tasks WHERE id = ?", task)).containsExactly("true:true");
    }

    @Test
    void aTableWithoutAPrimaryKeyIsShownAndComparedByItsWholeRows() {
        WritableTasks.log(server, user, "backup ran", "backup ran", "backup failed");
        WritableTasks.log(server, "someone-else", "backup ran");
        String sql = "UPDATE task_log SET touched_at = now() WHERE line LIKE 'backup%'";
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject stale = preview(chat, id, sql);
            assertThat(stale.getInt("rows_affected")).isEqualTo(3);
            assertThat(stale.getJsonArray("before").getValuesAs(JsonObject.class)).extracting(r -> r.getString("line"), r -> r.isNull("touched_at"))
                    .containsExactlyInAnyOrder(tuple("backup ran", true), tuple("backup ran", true),
                            tuple("backup failed", true));
            server.execute("UPDATE writes.task_log SET line = 'backup failed twice' WHERE owner = ? AND line = 'backup failed'", user);
            assertThat(decide(chat, "confirm_write", id, stale.getString("preview_id")).getString("code")).isEqualTo("WRITE_PREVIEW_STALE");
            assertThat(touched(user)).isZero();

            JsonObject fresh = preview(chat, id, sql);
            JsonObject committed = decide(chat, "confirm_write", id, fresh.getString("preview_id"));
            assertThat(committed.getString("status")).isEqualTo("committed");
            assertThat(committed.getInt("rows_affected")).isEqualTo(3);
        }
        assertThat(touched(user)).isEqualTo(3);
        assertThat(touched("someone-else")).isZero();
    }

    @Test
    void anUpdateOfThePrimaryKeyShowsAndComparesTheRowsByTheirOldKeys() {
        List<Long> mine = WritableTasks.add(server, user, "renumber a", "renumber b");
        long shift = 1_000_000_000_000L;
        String sql = "UPDATE tasks SET id = id + " + shift + " WHERE title LIKE 'renumber%'";
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject stale = preview(chat, id, sql);
            assertThat(ids(stale.getJsonArray("before"))).containsExactlyInAnyOrderElementsOf(mine);
            assertThat(ids(stale.getJsonArray("after"))).containsExactlyInAnyOrder(mine.get(0) + shift, mine.get(1) + shift);
            server.execute("UPDATE writes.tasks SET done = true WHERE id = ?", mine.get(1));
            assertThat(decide(chat, "confirm_write", id, stale.getString("preview_id")).getString("code")).isEqualTo("WRITE_PREVIEW_STALE");
            assertThat(server.column("SELECT id FROM writes.tasks WHERE owner = ? ORDER BY id", user))
                    .containsExactly(String.valueOf(mine.get(0)), String.valueOf(mine.get(1)));

            JsonObject fresh = preview(chat, id, sql);
            assertThat(decide(chat, "confirm_write", id, fresh.getString("preview_id")).getInt("rows_affected")).isEqualTo(2);
        }
        assertThat(server.column("SELECT id FROM writes.tasks WHERE owner = ? ORDER BY id", user))
                .containsExactly(String.valueOf(mine.get(0) + shift), String.valueOf(mine.get(1) + shift));
    }

    @Test
    void aWriteThatJoinsOtherRowsChangesAndShowsOnlyItsOwnTable() {
        long task = WritableTasks.add(server, user, "join me").get(0);
        WritableTasks.add(server, user, "leave me");
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject update = preview(chat, id,
                    "UPDATE tasks SET done = true FROM (VALUES ('join me'), ('join me')) AS wanted(label) WHERE tasks.title = wanted.label");
            assertThat(update.getInt("rows_affected")).isEqualTo(1);
            assertThat(update.getJsonArray("before").getJsonObject(0).keySet()).isEqualTo(TASK_COLUMNS);
            assertThat(update.getJsonArray("after").getJsonObject(0).keySet()).isEqualTo(TASK_COLUMNS);
            assertThat(decide(chat, "confirm_write", id, update.getString("preview_id")).getInt("rows_affected")).isEqualTo(1);

            JsonObject delete = preview(chat, id, "DELETE FROM tasks USING (VALUES ('leave me')) AS gone(label) WHERE tasks.title = gone.label");
            assertThat(delete.getJsonArray("before").getJsonObject(0).keySet()).isEqualTo(TASK_COLUMNS);
            assertThat(decide(chat, "confirm_write", id, delete.getString("preview_id")).getInt("rows_affected")).isEqualTo(1);
        }
        assertThat(server.column("SELECT id || ':' || done FROM writes.tasks WHERE owner = ?", user)).containsExactly(task + ":true");
    }

    @Test
    void aSelectWhoseWithDeletesRowsIsNotRunUnseen() {
        WritableTasks.add(server, user, "keep me");
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            List<JsonObject> frames = WritePreviews.ask(server, chat, id,
                    "WITH gone AS (DELETE FROM tasks WHERE title = 'keep me' RETURNING *) SELECT count(*) FROM gone");
            assertThat(frames).extracting(f -> f.getString("type")).doesNotContain("write_preview");
            JsonObject refused = frames.stream().filter(f -> "query_result".equals(f.getString("type"))).findFirst().orElseThrow();
            assertThat(refused.getString("summary")).contains("cannot be previewed");
        }
        assertThat(server.column("SELECT title FROM writes.tasks WHERE owner = ?", user)).containsExactly("keep me");
    }

    @Test
    void aTableToolWriteOfANullIsPreviewedAndConfirmed() {
        long task = WritableTasks.add(server, user, "untouch me").get(0);
        server.execute("UPDATE writes.tasks SET touched_at = now() WHERE id = ?", task);
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.TOOLS, NAMESPACE);
            String update = Json.createObjectBuilder().add("table", "tasks")
                    .add("data", Json.createObjectBuilder().addNull("touched_at").add("done", true))
                    .add("filter", Json.createObjectBuilder().add("title", "eq.untouch me")).build().toString();
            server.llm().enqueue(Reply.toolCall("update_record", update), Reply.text("Please confirm."));
            chat.message(id, "clear it");
            JsonObject preview = chat.turn(id).stream().filter(f -> "write_preview".equals(f.getString("type"))).findFirst().orElseThrow();
            assertThat(preview.getJsonArray("after").getJsonObject(0).isNull("touched_at")).isTrue();
            assertThat(decide(chat, "confirm_write", id, preview.getString("preview_id")).getString("status")).isEqualTo("committed");
        }
        assertThat(server.column("SELECT done || ':' || (touched_at IS NULL) FROM writes.tasks WHERE id = ?", task)).containsExactly("true:true");
    }

    @Test
    void anInsertIsComparedByItsCountAndDrawsItsOwnSequenceValuesWhenConfirmed() {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(WritableTasks.EDITOR, NAMESPACE);
            JsonObject preview = preview(chat, id, "INSERT INTO tasks (title, touched_at) VALUES ('counted', now())");
            long previewed = ids(preview.getJsonArray("after")).get(0);
            WritableTasks.add(server, "someone-else", "inserted meanwhile");
            assertThat(decide(chat, "confirm_write", id, preview.getString("preview_id")).getInt("rows_affected")).isEqualTo(1);
            // the previewed id was drawn from the sequence and stays unused: sequences are not rolled back
            assertThat(server.column("SELECT id FROM writes.tasks WHERE owner = ?", user)).hasSize(1).doesNotContain(String.valueOf(previewed));
        }
    }

    private JsonObject preview(ChatClient chat, String conversationId, String sql) {
        return WritePreviews.preview(server, chat, conversationId, sql);
    }

    private int touched(String owner) {
        return Integer.parseInt(server.column("SELECT count(*) FROM writes.task_log WHERE owner = ? AND touched_at IS NOT NULL", owner).get(0));
    }

    private static List<Long> ids(JsonArray rows) {
        return rows.getValuesAs(JsonObject.class).stream().map(r -> r.getJsonNumber("id").longValue()).toList();
    }
}
