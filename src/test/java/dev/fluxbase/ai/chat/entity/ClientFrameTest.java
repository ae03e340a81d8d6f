package dev.fluxbase.ai.chat.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientFrameTest {

    @Test
    void readsTheTypeAndStringFields() {
        ClientFrame frame = ClientFrame.parse("{\"type\":\"message\",\"conversation_id\":\"c1\",\"content\":\"hi\",\"namespace\":\" \"}");
        assertThat(frame.type()).isEqualTo("message");
        assertThat(frame.required("content")).isEqualTo("hi");
        assertThat(frame.text("conversation_id")).contains("c1");
        assertThat(frame.text("namespace")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json|Invalid message format: expected a JSON object",
            "[1,2]|Invalid message format: expected a JSON object",
            "{}|Invalid message format: \"type\" is required",
            "{\"type\":5}|Invalid message format: \"type\" must be a string"})
    void aFrameWithoutATypeIsAnInvalidMessage(String text, String message) {
        assertThatThrownBy(() -> ClientFrame.parse(text)).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_MESSAGE)).hasMessage(message);
    }

    @Test
    void aMissingOrMistypedFieldIsAnInvalidMessage() {
        ClientFrame frame = ClientFrame.parse("{\"type\":\"start_chat\",\"conversation_id\":7}");
        assertThatThrownBy(() -> frame.required("chatbot")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_MESSAGE)).hasMessage("Invalid message format: \"chatbot\" is required");
        assertThatThrownBy(() -> frame.text("conversation_id")).isInstanceOf(ChatException.class)
                .hasMessage("Invalid message format: \"conversation_id\" must be a string");
    }
}
