package dev.fluxbase.ai.knowledge.graph.entity;

/**
 * A relationship extraction found between two entities of the same chunk.
 *
 * @param type       lower-case words joined by underscores, such as {@code works_at}
 * @param confidence from 0 to 1, or null when the model gave none
 */
public record ExtractedRelationship(ExtractedEntity source, ExtractedEntity target, String type, Double confidence) {

    /** What makes two extracted relationships one: their ends and type, as in the database. */
    public String key() {
        return source.key() + '>' + target.key() + '>' + type;
    }

    /** Of one relationship stated twice, the more confident statement (the first on a tie). */
    public static ExtractedRelationship moreConfident(ExtractedRelationship first, ExtractedRelationship again) {
        return rank(again) > rank(first) ? again : first;
    }

    private static double rank(ExtractedRelationship relationship) {
        return relationship.confidence() == null ? -1 : relationship.confidence();
    }
}
