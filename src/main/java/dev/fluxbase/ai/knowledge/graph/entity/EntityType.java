package dev.fluxbase.ai.knowledge.graph.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The SDK's {@code EntityType}: what an entity is; the wire name is the lower-case constant name. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, CONCEPT, PRODUCT, EVENT, TABLE, URL, API_ENDPOINT, DATETIME, CODE_REFERENCE, ERROR, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a wire name, with the spellings models and people also use (organisation, place, date). */
    public static Optional<EntityType> of(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String name = wireName.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        String canonical = switch (name) {
            case "organisation", "org", "company" -> "organization";
            case "place" -> "location";
            case "date", "time" -> "datetime";
            default -> name;
        };
        return Arrays.stream(values()).filter(type -> type.wireName().equals(canonical)).findFirst();
    }
}
