package dev.fluxbase.ai.platform.entity;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import java.util.Map;

/**
 * JSON-P factories made once: {@code Json.createObjectBuilder()} and {@code Json.createReader()} look the
 * JSON provider up (a ServiceLoader scan of every jar) on each call, which the per-turn and per-delta
 * paths cannot afford.
 */
public final class JsonFactories {

    public static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    public static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonFactories() {
    }
}
