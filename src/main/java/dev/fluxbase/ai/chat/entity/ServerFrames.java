package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonStrings;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;

/** The JSON text of every frame the server sends, with the field names the Fluxbase SDK reads. */
public final class ServerFrames {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private ServerFrames() {
    }

    public static String chatStarted(String conversationId, String chatbot) {
        return frame("chat_started", conversationId).add("chatbot", chatbot).build().toString();
    }

    /**
     * The frame sent for every streamed delta, written straight into one buffer: building a JsonObject
     * and serialising it allocated a map, a builder, a writer and several copies of the text per delta.
     */
    public static String content(String conversationId, String delta) {
        StringBuilder json = new StringBuilder(64 + conversationId.length() + delta.length() + delta.length() / 8);
        json.append("{\"type\":\"content\",\"conversation_id\":");
        JsonStrings.quote(json, conversationId);
        json.append(",\"delta\":");
        JsonStrings.quote(json, delta);
        return json.append('}').toString();
    }


    public static String progress(String conversationId, String step, String message) {
        return frame("progress", conversationId).add("step", step).add("message", message).build().toString();
    }

    public static String done(String conversationId, TokenUsage usage) {
        return done(conversationId, usage, Map.of());
    }

    /**
     * The end of an answer; {@code pseudonyms} maps each pseudonym the answer holds ({@code <email#3>}) to the value the
     * user may see in its place, and is left out when there is none (the SDK passes over the field; the console shows the values).
     */
    public static String done(String conversationId, TokenUsage usage, Map<String, String> pseudonyms) {
        JsonObjectBuilder frame = frame("done", conversationId).add("usage", JSON.createObjectBuilder()
                .add("prompt_tokens", usage.promptTokens())
                .add("completion_tokens", usage.completionTokens())
                .add("total_tokens", usage.totalTokens()));
        if (!pseudonyms.isEmpty()) {
            JsonObjectBuilder values = JSON.createObjectBuilder();
            pseudonyms.forEach(values::add);
            frame.add("pseudonyms", values);
        }
        return frame.build().toString();
    }

    public static String cancelled(String conversationId) {
        return frame("cancelled", conversationId).build().toString();
    }

    public static String queryResult(String conversationId, String query, String summary, int rowCount, List<JsonObject> data) {
        JsonArrayBuilder rows = JSON.createArrayBuilder();
        data.forEach(rows::add);
        return frame("query_result", conversationId).add("query", query).add("summary", summary)
                .add("row_count", rowCount).add("data", rows).build().toString();
    }

    /**
     * What a tool that is not a query returned, as Fluxbase sends its MCP tools' results: the tool's name in
     * {@code message} and {@code data: [{tool, result}]}. Without a {@code query} the SDK hands it to {@code onEvent} only.
     */
    public static String toolResult(String conversationId, String tool, String result) {
        return frame("tool_result", conversationId).add("message", tool)
                .add("data", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("tool", tool).add("result", result))).build().toString();
    }

    /**
     * A write PostgreSQL ran and rolled back, waiting for {@code confirm_write} or {@code cancel_write}: up to the shown-rows cap of
     * the rows before and after (the values in full), {@code truncated} when more rows would change. The SDK passes over it.
     */
    public static String writePreview(String conversationId, WritePreview preview) {
        return frame("write_preview", conversationId).add("preview_id", preview.id().toString()).add("query", preview.query())
                .add("operation", preview.operation()).add("rows_affected", preview.rowsAffected())
                .add("before", array(preview.before())).add("after", array(preview.after())).add("truncated", preview.truncated())
                .add("expires_at", preview.expiresAt().toString()).build().toString();
    }

    /** A confirmed write that committed, with the rows it changed. */
    public static String writeResult(String conversationId, String previewId, int rowsAffected) {
        return frame("write_result", conversationId).add("preview_id", previewId).add("status", "committed")
                .add("rows_affected", rowsAffected).build().toString();
    }

    /** A cancelled write preview: nothing was written. */
    public static String writeCancelled(String conversationId, String previewId) {
        return frame("write_result", conversationId).add("preview_id", previewId).add("status", "cancelled")
                .add("rows_affected", 0).build().toString();
    }

    private static JsonArrayBuilder array(List<JsonObject> rows) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        rows.forEach(array::add);
        return array;
    }

    public static String error(String conversationId, String code, String message) {
        return errorFrame(conversationId, code, message).build().toString();
    }

    /** An error that trying again can get past, after {@code retryAfterSeconds}. */
    public static String error(String conversationId, String code, String message, long retryAfterSeconds) {
        return errorFrame(conversationId, code, message).add("retry_after", retryAfterSeconds).build().toString();
    }

    private static JsonObjectBuilder errorFrame(String conversationId, String code, String message) {
        JsonObjectBuilder frame = JSON.createObjectBuilder().add("type", "error").add("error", message).add("code", code);
        if (conversationId != null) {
            frame.add("conversation_id", conversationId);
        }
        return frame;
    }

    private static JsonObjectBuilder frame(String type, String conversationId) {
        return JSON.createObjectBuilder().add("type", type).add("conversation_id", conversationId);
    }
}
