package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps a turn's events as short lines ({@code progress generating}, {@code content Hello}, {@code tool c1=...}) and the usage. */
final class RecordingEvents implements TurnEvents {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<TokenUsage> usages = new CopyOnWriteArrayList<>();

    @Override
    public void progress(String step, String message) {
        events.add("progress " + step);
    }

    @Override
    public void queryResult(String query, String summary, int rowCount, List<JsonObject> data) {
        events.add("query " + query);
    }

    @Override
    public void content(String delta) {
        events.add("content " + delta);
    }

    @Override
    public void toolResult(ToolCall call, String result) {
        events.add("tool " + call.id() + "=" + result);
    }

    @Override
    public void answered(CompletionResult round) {
        usages.add(round.usage());
    }

    TokenUsage totalUsage() {
        return usages.stream().reduce(TokenUsage.NONE,
                (a, b) -> new TokenUsage(a.promptTokens() + b.promptTokens(), a.completionTokens() + b.completionTokens()));
    }

    List<String> toolResults() {
        return events.stream().filter(e -> e.startsWith("tool ")).toList();
    }
}
