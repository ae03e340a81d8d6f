package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A turn's events as its client hears them, in {@link ServerFrames} of its conversation, and as the turn
 * keeps them for its booking: the usage and the query results (a write preview's among them). What tools return is the LLM's, but for the
 * {@code query_result} of queries and the {@code tool_result} of MCP servers' tools, which the tools send themselves.
 */
final class TurnFrames implements TurnEvents {

    private final ChatConnection connection;
    private final String conversationId;
    private final TurnState turn;

    TurnFrames(ChatConnection connection, String conversationId, TurnState turn) {
        this.connection = connection;
        this.conversationId = conversationId;
        this.turn = turn;
    }

    @Override
    public void progress(String step, String message) {
        connection.send(ServerFrames.progress(conversationId, step, message));
    }

    @Override
    public void content(String delta) {
        connection.send(ServerFrames.content(conversationId, delta));
    }

    @Override
    public void queryResult(String query, String summary, int rowCount, List<JsonObject> data) {
        turn.queryResult(query, summary, rowCount, data);
        connection.send(ServerFrames.queryResult(conversationId, query, summary, rowCount, data));
    }

    @Override
    public void toolOutput(String tool, String output) {
        connection.send(ServerFrames.toolResult(conversationId, tool, output));
    }

    /** Among the turn's query results, so that a stored conversation tells that the write waited for the user. */
    @Override
    public void writePreview(WritePreview preview) {
        turn.queryResult(preview.query(), WriteNote.previewed(preview), 0, List.of());
        connection.send(ServerFrames.writePreview(conversationId, preview));
    }

    @Override
    public void toolResult(ToolCall call, String result) {
        // no frame: the client sees what the tools chose to show (query_result)
    }

    @Override
    public void answered(CompletionResult round) {
        turn.add(round.usage());
        if (round.answerer() != null) {
            turn.provider(round.answerer().providerName(), round.answerer().model());
        }
    }
}
