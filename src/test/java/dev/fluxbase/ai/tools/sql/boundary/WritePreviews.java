package dev.fluxbase.ai.tools.sql.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/** A chat's writes as the write-preview ITs drive them: the model asks for one write, the user decides its preview. */
final class WritePreviews {

    private WritePreviews() {
    }

    /** The model runs {@code sql} in one turn, which ends with done; returns the turn's frames. */
    static List<JsonObject> ask(ServerUnderTest server, ChatClient chat, String conversationId, String sql) {
        server.llm().enqueue(Reply.toolCall("execute_sql", arguments(sql)), Reply.text("Please confirm the change."));
        chat.message(conversationId, "please do it");
        List<JsonObject> frames = chat.turn(conversationId);
        assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
        return frames;
    }

    /** Asks for one write, whose turn holds exactly one preview, which is returned. */
    static JsonObject preview(ServerUnderTest server, ChatClient chat, String conversationId, String sql) {
        List<JsonObject> previews = ask(server, chat, conversationId, sql).stream().filter(f -> "write_preview".equals(f.getString("type")))
                .toList();
        assertThat(previews).hasSize(1);
        assertThat(previews.get(0).getString("query")).isEqualTo(sql);
        return previews.get(0);
    }

    /** Sends the user's {@code confirm_write} or {@code cancel_write} and returns its answer. */
    static JsonObject decide(ChatClient chat, String type, String conversationId, String previewId) {
        chat.send(decision(type, conversationId, previewId));
        return answer(chat);
    }

    /** The next answer to a decision: a write_result or an error. */
    static JsonObject answer(ChatClient chat) {
        return chat.until(f -> List.of("write_result", "error").contains(f.getString("type"))).stream().reduce((a, b) -> b).orElseThrow();
    }

    static JsonObject decision(String type, String conversationId, String previewId) {
        return Json.createObjectBuilder().add("type", type).add("conversation_id", conversationId).add("preview_id", previewId).build();
    }

    static String arguments(String sql) {
        return Json.createObjectBuilder().add("sql", sql).build().toString();
    }
}
