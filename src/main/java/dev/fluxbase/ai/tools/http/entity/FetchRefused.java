package dev.fluxbase.ai.tools.http.entity;

/** A URL or a response the tool will not use; the message is the reason the LLM reads. */
public class FetchRefused extends RuntimeException {

    public FetchRefused(String reason) {
        super(reason, null, false, false);
    }
}
