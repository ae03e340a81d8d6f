package dev.fluxbase.ai.knowledge.graph.control;

import dev.fluxbase.ai.knowledge.graph.entity.ChunkGraph;
import dev.fluxbase.ai.knowledge.graph.entity.EntityName;
import dev.fluxbase.ai.knowledge.graph.entity.EntityType;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractedEntity;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractedRelationship;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractionRejected;
import dev.fluxbase.ai.platform.entity.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's extraction answer, trusting nothing in it. The answer must be a JSON object (a Markdown code
 * fence around it is tolerated) or it is rejected; inside it, an item that is malformed is dropped, not the whole
 * answer. Types the SDK does not know become {@code other}; names are folded into their canonical form, and
 * entities of one type and canonical name become one; relationships are kept only between entities of the same
 * answer and never of an entity to itself. Counts are capped, so that a runaway answer cannot flood the graph.
 */
public final class ExtractionAnswer {

    static final int MAX_ENTITIES = 50;
    static final int MAX_RELATIONSHIPS = 100;
    static final int MAX_ALIASES = 10;
    static final String DEFAULT_RELATIONSHIP = "related_to";
    private static final int MAX_RELATIONSHIP_TYPE = 64;
    private static final Pattern FENCE = Pattern.compile("(?s)^```[a-zA-Z]*\\s*(.*?)\\s*```$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ExtractionAnswer() {
    }

    /** @throws ExtractionRejected when the answer is not a JSON object with arrays where arrays belong */
    public static ChunkGraph parse(String answer) {
        JsonFields json = JsonFields.parse(unfenced(answer), detail -> new ExtractionRejected("Invalid extraction answer: " + detail));
        Map<String, ExtractedEntity> entities = entities(json.fieldsList("entities").orElse(List.of()));
        return new ChunkGraph(List.copyOf(entities.values()), relationships(json.fieldsList("relationships").orElse(List.of()), entities));
    }

    private static String unfenced(String answer) {
        String text = answer == null ? "" : answer.strip();
        Matcher fenced = FENCE.matcher(text);
        return fenced.matches() ? fenced.group(1) : text;
    }

    /** By key (type and canonical name), in the answer's order; a repeated entity adds its aliases to the first. */
    private static Map<String, ExtractedEntity> entities(List<JsonFields> items) {
        Map<String, ExtractedEntity> entities = new LinkedHashMap<>();
        for (JsonFields item : items) {
            entity(item).ifPresent(entity -> entities.merge(entity.key(), entity, ExtractionAnswer::merged));
            if (entities.size() == MAX_ENTITIES) {
                break;
            }
        }
        return entities;
    }

    private static Optional<ExtractedEntity> entity(JsonFields item) {
        try {
            EntityName name = EntityName.of(item.requiredText("name"));
            EntityType type = item.nonBlankText("type").flatMap(EntityType::of).orElse(EntityType.OTHER);
            return Optional.of(new ExtractedEntity(type, name, aliases(name, item.strings("aliases").orElse(List.of()))));
        } catch (ExtractionRejected | IllegalArgumentException e) {
            return Optional.empty(); // a malformed item: the others still count
        }
    }

    private static List<EntityName> aliases(EntityName name, List<String> written) {
        Map<String, EntityName> aliases = new LinkedHashMap<>();
        for (String alias : written) {
            if (!alias.isBlank() && !EntityName.canonical(alias).isEmpty()) {
                EntityName aliasName = EntityName.of(alias);
                if (!aliasName.canonical().equals(name.canonical()) && aliases.size() < MAX_ALIASES) {
                    aliases.putIfAbsent(aliasName.canonical(), aliasName);
                }
            }
        }
        return List.copyOf(aliases.values());
    }

    private static ExtractedEntity merged(ExtractedEntity first, ExtractedEntity again) {
        List<String> written = new ArrayList<>(first.aliases().stream().map(EntityName::name).toList());
        again.aliases().forEach(alias -> written.add(alias.name()));
        if (!again.name().name().equals(first.name().name())) {
            written.add(again.name().name());
        }
        return new ExtractedEntity(first.type(), first.name(), aliases(first.name(), written));
    }

    private static List<ExtractedRelationship> relationships(List<JsonFields> items, Map<String, ExtractedEntity> entities) {
        Map<String, ExtractedEntity> byName = new LinkedHashMap<>();
        entities.values().forEach(entity -> {
            byName.putIfAbsent(entity.name().canonical(), entity);
            entity.aliases().forEach(alias -> byName.putIfAbsent(alias.canonical(), entity));
        });
        Map<String, ExtractedRelationship> relationships = new LinkedHashMap<>();
        for (JsonFields item : items) {
            relationship(item, byName).ifPresent(relationship -> relationships.merge(relationship.key(), relationship,
                    ExtractedRelationship::moreConfident));
            if (relationships.size() == MAX_RELATIONSHIPS) {
                break;
            }
        }
        return List.copyOf(relationships.values());
    }

    private static Optional<ExtractedRelationship> relationship(JsonFields item, Map<String, ExtractedEntity> byName) {
        try {
            ExtractedEntity source = byName.get(EntityName.canonical(item.requiredText("source")));
            ExtractedEntity target = byName.get(EntityName.canonical(item.requiredText("target")));
            if (source == null || target == null || source == target) {
                return Optional.empty();
            }
            return Optional.of(new ExtractedRelationship(source, target, relationshipType(item.text("type").orElse("")), confidence(item)));
        } catch (ExtractionRejected e) {
            return Optional.empty();
        }
    }

    /** From 0 to 1; a confidence that is not a number is no confidence. */
    private static Double confidence(JsonFields item) {
        try {
            return item.decimal("confidence").map(c -> Math.max(0, Math.min(1, c.doubleValue()))).orElse(null);
        } catch (ExtractionRejected e) {
            return null;
        }
    }

    /** Lower-case words joined by underscores: "Works At" and "works-at" are one type. */
    static String relationshipType(String written) {
        String type = NOT_WORD.matcher(written.strip().toLowerCase(Locale.ROOT)).replaceAll("_").replaceAll("^_+|_+$", "");
        if (type.length() > MAX_RELATIONSHIP_TYPE) {
            type = type.substring(0, MAX_RELATIONSHIP_TYPE).replaceAll("_+$", "");
        }
        return type.isEmpty() ? DEFAULT_RELATIONSHIP : type;
    }
}
