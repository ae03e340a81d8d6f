package dev.fluxbase.ai.tools.http.entity;

/**
 * A response as the tool keeps it: the start of the body, how much was read and whether it was cut;
 * {@code location} is set only for a redirect.
 */
public record FetchResult(String url, int status, String contentType, String bodyStart, long bytesRead, boolean truncated, String location) {

    public boolean isRedirect() {
        return location != null;
    }
}
