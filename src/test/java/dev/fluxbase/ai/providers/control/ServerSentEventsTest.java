package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    private static List<String> events(String stream) {
        ServerSentEvents events = new ServerSentEvents();
        List<String> data = new ArrayList<>();
        for (String line : (stream + "\n").split("\r?\n", -1)) {
            String event = events.line(line);
            if (event != null) {
                data.add(event);
            }
        }
        return data;
    }

    @Test
    void readsDataOfEachEventIgnoringCommentsAndOtherFields() {
        assertThat(events(": keep-alive\n\nevent: x\ndata: {\"a\":1}\n\ndata:{\"b\":2}\r\n\r\ndata: [DONE]\n\n"))
                .containsExactly("{\"a\":1}", "{\"b\":2}", "[DONE]");
    }

    @Test
    void joinsMultiLineDataAndKeepsATrailingEventWithoutBlankLine() {
        assertThat(events("data: one\ndata: two\n\ndata: last")).containsExactly("one\ntwo", "last");
    }
}
