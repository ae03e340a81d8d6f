package dev.fluxbase.ai.platform.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Finishes the OpenAPI document (registered as {@code mp.openapi.filter}): leaves the testing hooks out unless they are
 * enabled, lists each tag once (every resource class of a component repeats its {@code @Tag}; the description comes
 * from META-INF/openapi.yaml), and gives every operation the {@code default} error response for the failures any
 * request can meet (500 INTERNAL_ERROR, 503 DATABASE_UNAVAILABLE).
 */
public class ApiDocumentFilter implements OASFilter {

    static final String TESTING_TAG = "Testing";
    static final String TESTING_ENABLED = "fluxbase.testing.clock-control";
    static final String SERVER_ERROR = "#/components/responses/ServerError";

    private final boolean testingEnabled;

    /** As MicroProfile OpenAPI creates it: keyed on the same setting that enables {@link TestingResource}. */
    public ApiDocumentFilter() {
        this(ConfigProvider.getConfig().getOptionalValue(TESTING_ENABLED, Boolean.class).orElse(false));
    }

    ApiDocumentFilter(boolean testingEnabled) {
        this.testingEnabled = testingEnabled;
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (!documented(operation.getTags())) {
            return null;
        }
        if (operation.getResponses() != null && operation.getResponses().getDefaultValue() == null) {
            operation.getResponses().setDefaultValue(OASFactory.createAPIResponse().ref(SERVER_ERROR));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getTags() != null) {
            document.setTags(distinct(document.getTags()));
        }
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            Map<String, PathItem> paths = new LinkedHashMap<>(document.getPaths().getPathItems());
            paths.forEach((path, item) -> {
                if (item.getOperations() == null || item.getOperations().isEmpty()) {
                    document.getPaths().removePathItem(path);
                }
            });
        }
    }

    /** Only the testing hooks depend on the setting; every other operation is always documented. */
    boolean documented(List<String> tags) {
        return testingEnabled || tags == null || !tags.contains(TESTING_TAG);
    }

    /** One tag per name, the first with a description (else the first), in the order the names first appear. */
    List<Tag> distinct(List<Tag> tags) {
        List<Tag> result = distinct(tags, Tag::getName, Tag::getDescription);
        if (!testingEnabled) {
            result.removeIf(tag -> TESTING_TAG.equals(tag.getName()));
        }
        return result;
    }

    static <T> List<T> distinct(List<T> tags, Function<T, String> name, Function<T, String> description) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T tag : tags) {
            byName.merge(name.apply(tag), tag,
                    (kept, other) -> description.apply(kept) == null && description.apply(other) != null ? other : kept);
        }
        return new ArrayList<>(byName.values());
    }
}
