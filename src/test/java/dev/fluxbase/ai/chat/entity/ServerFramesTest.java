package dev.fluxbase.ai.chat.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import java.io.StringReader;
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
}
