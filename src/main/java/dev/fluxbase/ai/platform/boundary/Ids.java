package dev.fluxbase.ai.platform.boundary;

import java.util.Optional;
import java.util.UUID;

/** Ids in paths: anything that is not a UUID simply matches nothing (404), never a 500. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
