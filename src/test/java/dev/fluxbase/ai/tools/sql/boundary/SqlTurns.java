package dev.fluxbase.ai.tools.sql.boundary;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/** Scripts the fake provider to call execute_sql once, then answer; returns the turn's frames. */
public final class SqlTurns {

    private SqlTurns() {
    }

    public static List<JsonObject> ask(ServerUnderTest server, ChatClient chat, String conversationId, String sql) {
        server.llm().enqueue(Reply.toolCall("execute_sql",
                Json.createObjectBuilder().add("sql", sql).add("description", "test query").build().toString()), Reply.text("Here you go."));
        chat.message(conversationId, "Please run my query");
        return chat.turn(conversationId);
    }

    public static JsonObject queryResult(List<JsonObject> frames) {
        return frames.stream().filter(f -> f.getString("type").equals("query_result")).findFirst()
                .orElseThrow(() -> new AssertionError("no query_result in " + frames));
    }

    public static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
