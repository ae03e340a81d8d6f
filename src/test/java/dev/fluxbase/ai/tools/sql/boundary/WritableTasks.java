package dev.fluxbase.ai.tools.sql.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Each user's tasks in {@code writes.tasks}, and their log lines in {@code writes.task_log}, a table without a primary key;
 * row-level security keeps both to their owner for every operation. Chatbots that may change them: {@code task-editor},
 * whose writes wait for the user's confirmation, {@code task-robot} ({@code @fluxbase:confirm-writes false}), whose writes
 * commit at once, {@code task-tools}, which writes through {@code update_record} and waits for confirmation too, and
 * {@code task-keeper}, which waits for confirmation and stores its conversations.
 */
public final class WritableTasks {

    public static final String NAMESPACE = "writes";
    public static final String EDITOR = "task-editor";
    public static final String ROBOT = "task-robot";
    /** Writes through Fluxbase's table tools ({@code @fluxbase:mcp-tools update_record}) instead of SQL. */
    public static final String TOOLS = "task-tools";
    /** Stores its conversations ({@code @fluxbase:persist-conversations true}), so that they resume on any instance. */
    public static final String KEEPER = "task-keeper";

    private static final String OWNER = "current_setting('request.jwt.claims', true)::json ->> 'sub'";
    private static final String FIXTURE = """
            CREATE SCHEMA IF NOT EXISTS writes;
            CREATE TABLE IF NOT EXISTS writes.tasks (id bigserial PRIMARY KEY, owner text NOT NULL DEFAULT %1$s, title text NOT NULL,
                done boolean NOT NULL DEFAULT false, touched_at timestamptz);
            ALTER TABLE writes.tasks ENABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS own_tasks ON writes.tasks;
            CREATE POLICY own_tasks ON writes.tasks FOR ALL TO authenticated USING (owner = %1$s) WITH CHECK (owner = %1$s);
            CREATE TABLE IF NOT EXISTS writes.task_log (owner text NOT NULL DEFAULT %1$s, line text NOT NULL, touched_at timestamptz);
            ALTER TABLE writes.task_log ENABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS own_lines ON writes.task_log;
            CREATE POLICY own_lines ON writes.task_log FOR ALL TO authenticated USING (owner = %1$s) WITH CHECK (owner = %1$s);
            GRANT USAGE ON SCHEMA writes TO authenticated;
            GRANT SELECT, INSERT, UPDATE, DELETE ON writes.tasks, writes.task_log TO authenticated;
            GRANT USAGE ON SEQUENCE writes.tasks_id_seq TO authenticated;
            """.formatted(OWNER);
    private static final String CHATBOT = """
            /**
             * Tasks
             * @fluxbase:allowed-schemas writes
             * @fluxbase:allowed-tables tasks, task_log
             * @fluxbase:allowed-operations SELECT, INSERT, UPDATE, DELETE
             %s
             */
            export default `You keep the user's tasks.`
            """;

    private WritableTasks() {
    }

    /** Creates the table and the chatbots where they are missing. */
    public static void ensure(ServerUnderTest server) {
        server.execute(FIXTURE);
        String body = Json.createObjectBuilder().add("namespace", NAMESPACE)
                .add("chatbots", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", EDITOR).add("code", CHATBOT.formatted("*")))
                        .add(Json.createObjectBuilder().add("name", ROBOT).add("code", CHATBOT.formatted("* @fluxbase:confirm-writes false")))
                        .add(Json.createObjectBuilder().add("name", TOOLS).add("code", CHATBOT.formatted("* @fluxbase:mcp-tools update_record")))
                        .add(Json.createObjectBuilder().add("name", KEEPER).add("code", CHATBOT.formatted("* @fluxbase:persist-conversations true"))))
                .add("options", Json.createObjectBuilder().add("delete_missing", false).add("dry_run", false)).build().toString();
        assertThat(server.call("POST", "/api/v1/admin/ai/chatbots/sync", server.serviceKey(), body).status()).isEqualTo(200);
    }

    /** Adds tasks of {@code owner}, as the database's owner would; returns their ids. */
    public static List<Long> add(ServerUnderTest server, String owner, String... titles) {
        List<Long> ids = new ArrayList<>();
        for (String title : titles) {
            ids.add(Long.valueOf(server.column("INSERT INTO writes.tasks (owner, title) VALUES (?, ?) RETURNING id", owner, title).get(0)));
        }
        return ids;
    }

    /** Adds log lines of {@code owner}, as the database's owner would. */
    public static void log(ServerUnderTest server, String owner, String... lines) {
        for (String line : lines) {
            server.execute("INSERT INTO writes.task_log (owner, line) VALUES (?, ?)", owner, line);
        }
    }
}
