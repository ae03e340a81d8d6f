package dev.fluxbase.ai.knowledge.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * Which documents one search may return, as a SQL condition on {@code ai.documents d} that the search's own
 * WHERE holds: ownership is enforced by the database, never by filtering results afterwards. Keys and values
 * are bind parameters only.
 *
 * @param sql        a condition on {@code d}, in parentheses; {@code TRUE} for every document
 * @param parameters its bind parameters, in order
 */
public record DocumentScope(String sql, List<Object> parameters) {

    public static final DocumentScope ALL = new DocumentScope("TRUE", List.of());

    public DocumentScope {
        parameters = List.copyOf(parameters);
    }

    /**
     * A link's scope for a turn of this user (null: anonymous). On every link a document someone owns reaches only
     * its owner's turns: the user's documents and those of nobody (an anonymous user gets only those of nobody). A
     * filtered link also holds the documents to its filter expression; {@code $user_id} of an anonymous turn
     * matches nothing, so that a filter meant for one user never widens to everyone.
     */
    public static DocumentScope of(AccessLevel level, FilterExpression filter, String userId) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (userId == null) {
            parts.add("d.owner_id IS NULL");
        } else {
            parts.add("(d.owner_id IS NULL OR d.owner_id = ?)");
            parameters.add(userId);
        }
        if (level == AccessLevel.FILTERED) {
            filter.conditions().forEach((key, value) -> {
                if (FilterExpression.USER_ID.equals(value) && userId == null) {
                    parts.add("FALSE");
                } else {
                    parts.add("d.metadata ->> ? = ?");
                    parameters.add(key);
                    parameters.add(FilterExpression.USER_ID.equals(value) ? userId : value);
                }
            });
        }
        return new DocumentScope("(" + String.join(" AND ", parts) + ")", parameters);
    }

    /** The documents of a user and those of nobody: what the user routes' search returns. */
    public static DocumentScope visibleTo(String userId) {
        return of(AccessLevel.FILTERED, FilterExpression.NONE, userId);
    }
}
