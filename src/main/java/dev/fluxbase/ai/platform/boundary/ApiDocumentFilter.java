package dev.fluxbase.ai.platform.boundary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Finishes the OpenAPI document (registered as {@code mp.openapi.filter}): leaves the testing hooks out unless they are
 * enabled, lists each tag once (every resource class of a component repeats its {@code @Tag}; the description comes
 * from META-INF/openapi.yaml), and adds to every operation the answers that filters in front of all resources give
 * rather than the operation itself, unless the operation says more precisely what they are. It also drops the field
 * {@code endpoints} that Payara adds to the document's root: OpenAPI 3.0 allows no such field, and client generators
 * that validate the document refuse it.
 */
public class ApiDocumentFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiDocumentFilter.class.getName());
    static final String TESTING_TAG = "Testing";
    static final String TESTING_ENABLED = "fluxbase.testing.clock-control";
    private static final String ADMIN_PATHS = "/api/v1/admin/";
    private static final String RESPONSES = "#/components/responses/";

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
        return documented(operation.getTags()) ? operation : null;
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        dropPayaraEndpoints(document);
        if (document.getTags() != null) {
            document.setTags(distinct(document.getTags()));
        }
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> paths = new LinkedHashMap<>(document.getPaths().getPathItems());
        paths.forEach((path, item) -> {
            if (item.getOperations() == null || item.getOperations().isEmpty()) {
                document.getPaths().removePathItem(path);
            } else {
                item.getOperations().values().forEach(operation -> addCommonResponses(path, operation.getResponses()));
            }
        });
    }

    /** Payara's model writes no empty field; other implementations have no such setter, and nothing to drop. */
    private static void dropPayaraEndpoints(OpenAPI document) {
        try {
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new HashMap<>());
        } catch (ReflectiveOperationException e) {
            LOG.fine(() -> "No Payara endpoints field to drop: " + e);
        }
    }

    private static void addCommonResponses(String path, APIResponses responses) {
        if (responses != null) {
            commonResponses(path).forEach((status, name) -> {
                if (!responses.hasAPIResponse(status)) {
                    responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(RESPONSES + name));
                }
            });
        }
    }

    /**
     * Every request may carry a bad token (AuthenticationFilter answers 401 on every path), every admin path needs an
     * admin ({@code @AdminOnly} answers 403), and any request may meet an internal error or an unreachable database.
     */
    static Map<String, String> commonResponses(String path) {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("401", "Unauthorized");
        if (path.startsWith(ADMIN_PATHS)) {
            responses.put("403", "Forbidden");
        }
        responses.put(APIResponses.DEFAULT, "ServerError");
        return responses;
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
