package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    private static List<String> events(String stream) throws IOException {
        List<String> data = new ArrayList<>();
        ServerSentEvents.read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), data::add);
        return data;
    }

    @Test
    void readsDataOfEachEventIgnoringCommentsAndOtherFields() throws IOException {
        assertThat(events(": keep-alive\n\nevent: x\ndata: {\"a\":1}\n\ndata:{\"b\":2}\r\n\r\ndata: [DONE]\n\n"))
                .containsExactly("{\"a\":1}", "{\"b\":2}", "[DONE]");
    }

    @Test
    void joinsMultiLineDataAndKeepsATrailingEventWithoutBlankLine() throws IOException {
        assertThat(events("data: one\ndata: two\n\ndata: last")).containsExactly("one\ntwo", "last");
    }

    @Test
    void stopsWhenTheConsumerSaysSo() throws IOException {
        List<String> seen = new ArrayList<>();
        ServerSentEvents.read(new ByteArrayInputStream("data: 1\n\ndata: 2\n\n".getBytes(StandardCharsets.UTF_8)),
                d -> seen.add(d) && false);
        assertThat(seen).containsExactly("1");
    }
}
