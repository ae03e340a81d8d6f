package dev.fluxbase.ai.it.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A streaming response body rendered in advance, frame by frame (an SSE event or an NDJSON line).
 * It is kept in three parts so that a reply can be cut after its N-th content chunk while still
 * sending the opening frames and never the closing ones.
 *
 * @param lead    frames before any content (OpenAI role chunk, Azure prompt-filter chunk)
 * @param chunks  content frames: text deltas and tool calls; these are what interruptions count
 * @param trailer frames that finish the stream (finish reason, usage, {@code [DONE]}, Ollama's done line)
 */
public record StreamFrames(List<String> lead, List<String> chunks, List<String> trailer) {

    public StreamFrames {
        lead = List.copyOf(lead);
        chunks = List.copyOf(chunks);
        trailer = List.copyOf(trailer);
    }

    /** Every frame of a stream that ends normally. */
    public List<String> complete() {
        List<String> frames = new ArrayList<>(lead);
        frames.addAll(chunks);
        frames.addAll(trailer);
        return frames;
    }

    /** The frames sent before a stream is interrupted after {@code count} content chunks. */
    public List<String> cutAfter(int count) {
        List<String> frames = new ArrayList<>(lead);
        frames.addAll(chunks.subList(0, Math.min(count, chunks.size())));
        return frames;
    }
}
