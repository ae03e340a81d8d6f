package dev.fluxbase.ai.providers.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Reads the {@code data:} payloads of an SSE stream as they arrive, one event at a time. */
final class ServerSentEvents {

    private ServerSentEvents() {
    }

    /** Calls {@code onData} for every event's data until it returns false or the stream ends. */
    static void read(InputStream stream, Predicate<String> onData) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data.length() > 0 && !onData.test(data.toString())) {
                    return;
                }
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            }
        }
        if (data.length() > 0) {
            onData.test(data.toString());
        }
    }
}
