package dev.fluxbase.ai.chat.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerFramesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "", " world.", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "\b\f\u0000\u001f\u007f",
            "émoji 😀 and 中文", "\u2028\u2029", "</script>"})
    void aContentFrameIsTheTextJsonPWouldWrite(String delta) {
        String id = "0b7c2f0e-6a8e-4c8e-9a51-2f1f0f6b9c11";

        String frame = ServerFrames.content(id, delta);

        assertThat(frame).isEqualTo(Json.createObjectBuilder().add("type", "content").add("conversation_id", id).add("delta", delta)
                .build().toString());
        JsonObject parsed = Json.createReader(new StringReader(frame)).readObject();
        assertThat(parsed.getString("delta")).isEqualTo(delta);
    }

    @Test
    void contentFramesKeepTheFieldOrderTheSdkSees() {
        assertThat(ServerFrames.content("c", "d")).isEqualTo("{\"type\":\"content\",\"conversation_id\":\"c\",\"delta\":\"d\"}");
    }

    @Test
    void aDoneFrameCarriesTheAnswersPseudonymsOnlyWhenItHasSome() {
        TokenUsage usage = new TokenUsage(10, 5);
        assertThat(ServerFrames.done("c", usage, Map.of())).isEqualTo(ServerFrames.done("c", usage))
                .isEqualTo("{\"type\":\"done\",\"conversation_id\":\"c\",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}");
        assertThat(ServerFrames.done("c", usage, Map.of("<email#1>", "ann@example.com"))).endsWith(
                "\"total_tokens\":15},\"pseudonyms\":{\"<email#1>\":\"ann@example.com\"}}");
    }

    @Test
    void aWritePreviewCarriesTheRowsBeforeAndAfterAndItsDeadline() {
        UUID id = UUID.fromString("6f1c0c9e-0b8e-4c53-9d0c-2f6b5f3f2a10");
        JsonObject before = Json.createObjectBuilder().add("id", 1).add("done", false).build();
        JsonObject after = Json.createObjectBuilder().add("id", 1).add("done", true).build();
        WritePreview preview = new WritePreview(id, "c", UUID.randomUUID(), "u", "UPDATE tasks SET done = true", "UPDATE ... RETURNING *",
                List.of(), "UPDATE", "tasks", 3, "b", Instant.parse("2026-12-04T18:00:00Z"), List.of(before),
                List.of(after), true);
        JsonObject frame = Json.createReader(new StringReader(ServerFrames.writePreview("c", preview))).readObject();
        assertThat(frame.getString("type")).isEqualTo("write_preview");
        assertThat(frame.getString("preview_id")).isEqualTo(id.toString());
        assertThat(frame.getString("query")).isEqualTo("UPDATE tasks SET done = true");
        assertThat(frame.getInt("rows_affected")).isEqualTo(3);
        assertThat(frame.getJsonArray("before")).containsExactly(before);
        assertThat(frame.getJsonArray("after")).containsExactly(after);
        assertThat(frame.getBoolean("truncated")).isTrue();
        assertThat(frame.getString("expires_at")).isEqualTo("2026-12-04T18:00:00Z");
        assertThat(frame).doesNotContainKeys("sql", "parameters");
    }

    @Test
    void aWriteResultSaysWhetherTheWriteCommitted() {
        assertThat(ServerFrames.writeResult("c", "p", 2))
                .isEqualTo("{\"type\":\"write_result\",\"conversation_id\":\"c\",\"preview_id\":\"p\",\"status\":\"committed\",\"rows_affected\":2}");
        assertThat(ServerFrames.writeCancelled("c", "p")).contains("\"status\":\"cancelled\",\"rows_affected\":0");
    }
}
