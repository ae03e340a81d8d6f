package dev.fluxbase.ai.providers.control;

/**
 * Assembles the {@code data:} payloads of an SSE stream from its lines, one event at a time; comments
 * and other fields are ignored. An empty line at the end of the stream completes a last event that
 * had no blank line after it.
 */
final class ServerSentEvents {

    private final StringBuilder data = new StringBuilder();

    /** @return the data of the event this (blank) line completes, or null */
    String line(String line) {
        if (line.isEmpty()) {
            if (data.length() == 0) {
                return null;
            }
            String event = data.toString();
            data.setLength(0);
            return event;
        }
        if (line.startsWith("data:")) {
            if (data.length() > 0) {
                data.append('\n');
            }
            data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
        }
        return null;
    }
}
