package dev.fluxbase.ai.chat.control;

/** Where a connection's frames go; implementations send whole frames, one at a time. */
@FunctionalInterface
public interface FrameSink {

    void send(String frame);
}
