package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Feeds a whole byte stream to a parser on the calling thread: for tests and measurements. */
final class StreamLines {

    private StreamLines() {
    }

    static CompletionResult parse(InputStream body, StreamParser parser) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (parser.accept(line) == StreamParser.Progress.FINISHED) {
                return parser.result();
            }
        }
        if (parser.accept("") == StreamParser.Progress.FINISHED) {
            return parser.result();
        }
        throw ended();
    }

    static ProviderException ended() {
        return ProviderException.of(ProviderException.Failure.BROKEN_STREAM, "Provider stream ended unexpectedly");
    }
}
