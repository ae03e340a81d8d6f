package dev.fluxbase.ai.knowledge.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a chatbot's link lets a turn retrieve (Fluxbase's {@code access_level}). {@code FULL}: every document of the
 * knowledge base. {@code FILTERED}: the documents of the turn's user and those of nobody, that also match the link's
 * {@link FilterExpression}. {@code TIERED}: accepted because Fluxbase accepts it; it orders by priority there and
 * retrieves like {@code FULL} here, where every hit is ranked by similarity anyway.
 */
public enum AccessLevel {
    FULL, FILTERED, TIERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessLevel> parse(String text) {
        return Arrays.stream(values()).filter(level -> level.wireName().equals(text)).findFirst();
    }
}
