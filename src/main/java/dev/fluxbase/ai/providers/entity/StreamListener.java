package dev.fluxbase.ai.providers.entity;

/** Receives content as the provider streams it, one delta at a time. */
@FunctionalInterface
public interface StreamListener {

    void onContent(String delta);
}
