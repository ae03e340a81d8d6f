package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.entity.AccessLevel;
import dev.fluxbase.ai.knowledge.entity.FilterExpression;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.util.Optional;

/** The access fields of a link's create and update bodies, validated; absent fields are empty. */
final class LinkRequests {

    private LinkRequests() {
    }

    static Optional<AccessLevel> accessLevel(JsonFields body) {
        return body.nonBlankText("access_level").map(text -> AccessLevel.parse(text)
                .orElseThrow(() -> body.invalid("access_level", "one of full, filtered, tiered")));
    }

    static Optional<FilterExpression> filterExpression(JsonFields body) {
        try {
            return body.object("filter_expression").map(FilterExpression::of);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.badRequest(e.getMessage());
        }
    }
}
