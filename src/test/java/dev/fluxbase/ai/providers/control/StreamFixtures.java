package dev.fluxbase.ai.providers.control;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Recorded provider streams, byte for byte as the providers send them. */
final class StreamFixtures {

    private StreamFixtures() {
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sse(List<String> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append("data: ").append(chunk).append("\n\n"));
        return text.toString();
    }

    static String openAiContent(String delta) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":" + jsonString(delta) + "},\"finish_reason\":null}],\"usage\":null}";
    }

    static String openAiRole() {
        return "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}";
    }

    static String openAiFinish(String reason) {
        return "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}],\"usage\":null}";
    }

    static String openAiUsage(int prompt, int completion) {
        return "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }

    static String azureFilterChunk() {
        return "{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\",\"prompt_filter_results\":[{\"prompt_index\":0,"
                + "\"content_filter_results\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"}}}]}";
    }

    static String openAiToolStart(int index, String id, String name) {
        return "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + index + ",\"id\":\"" + id
                + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}";
    }

    static String openAiToolArguments(int index, String piece) {
        return "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + index
                + ",\"function\":{\"arguments\":" + jsonString(piece) + "}}]},\"finish_reason\":null}]}";
    }

    static String ollamaContent(String delta) {
        return "{\"model\":\"llama3\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":"
                + jsonString(delta) + "},\"done\":false}\n";
    }

    static String ollamaDone(int prompt, int completion) {
        return "{\"model\":\"llama3\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                + "\"total_duration\":1,\"prompt_eval_count\":" + prompt + ",\"eval_count\":" + completion + "}\n";
    }

    static String jsonString(String text) {
        return Json.createValue(text).toString();
    }
}
