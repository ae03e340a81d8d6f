package dev.fluxbase.ai.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's OpenAPI document, and whether an answer conforms to it: its status documented for the operation (or
 * covered by {@code default}), its body valid against that response's schema (OpenAPI 3.0's dialect of JSON Schema,
 * with every {@code $ref} resolved in the document itself).
 */
public final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROOT_FIELDS = Set.of("openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final AtomicInteger VALIDATIONS = new AtomicInteger();
    /** OpenAPI 3.0's, knowing that the components the references point into are no keyword. */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getOpenApi30()).keyword(new NonValidationKeyword("components")).build();

    private final JsonNode document;

    private ApiDocument(JsonNode document) {
        this.document = document;
    }

    public static ApiDocument parse(String json) {
        return new ApiDocument(read(json).orElseThrow(() -> new AssertionError("the OpenAPI document is not JSON: " + json)));
    }

    /** The document the server serves at /openapi, as JSON. */
    public static ApiDocument of(ServerUnderTest server) {
        HttpResponse<String> response = server.get("/openapi?format=JSON");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /openapi answered " + response.statusCode());
        }
        return parse(response.body());
    }

    /** The fields of the document's root that OpenAPI 3.0 does not allow (extensions start with {@code x-}). */
    public List<String> fieldsOutsideTheSpecification() {
        List<String> outside = new ArrayList<>();
        document.fieldNames().forEachRemaining(name -> {
            if (!ROOT_FIELDS.contains(name) && !name.startsWith("x-")) {
                outside.add(name);
            }
        });
        return outside;
    }

    public JsonNode json() {
        return document;
    }

    /** Every operation, as {@code "GET /api/v1/ai/chatbots/{id}"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> METHODS.stream().filter(path.getValue()::has)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    public JsonNode operation(String method, String path) {
        return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    }

    /** What is wrong with this answer of the operation; empty when it conforms. */
    public List<String> violations(String method, String path, int status, String body) {
        JsonNode operation = operation(method, path);
        if (operation.isMissingNode()) {
            return List.of(method + " " + path + " is not in the document");
        }
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = operation.path("responses").path("default");
        }
        if (response.isMissingNode()) {
            return List.of(method + " " + path + " does not document status " + status);
        }
        JsonNode content = resolve(response).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body == null || body.isBlank() ? List.of() : List.of("status " + status + " documents no body, but got " + body);
        }
        JsonNode schema = content.path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of("status " + status + " documents no application/json body: " + content);
        }
        Optional<JsonNode> instance = read(body);
        if (instance.isEmpty()) {
            return List.of("status " + status + " answered a body that is not JSON: " + body);
        }
        return validate(schema, instance.get());
    }

    /** The body against a schema of the document, whose {@code #/components/...} references resolve as in the document. */
    List<String> validate(JsonNode schema, JsonNode instance) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("allOf").add(schema);
        root.set("components", document.path("components"));
        // a location of its own per validation: the registry keeps schemas by location
        SchemaLocation location = SchemaLocation.of("https://fluxbase.test/openapi-" + VALIDATIONS.incrementAndGet() + ".json");
        Schema checked = SchemaRegistry.withDefaultDialect(DIALECT).getSchema(location, root);
        List<String> violations = new ArrayList<>();
        for (Error error : checked.validate(instance)) {
            violations.add(error.toString());
        }
        return violations;
    }

    /** A response given as {@code $ref} to {@code #/components/responses/...}, looked up. */
    private JsonNode resolve(JsonNode response) {
        JsonNode ref = response.path("$ref");
        return ref.isTextual() ? document.at(ref.asText().substring(1)) : response;
    }

    private static Optional<JsonNode> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
