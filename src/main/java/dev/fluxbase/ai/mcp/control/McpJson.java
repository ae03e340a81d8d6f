package dev.fluxbase.ai.mcp.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The MCP SDK's JSON (Jackson 2, from the WAR) and the bridge to the JSON-P our tools speak. The mapper and the schema
 * validator are made here rather than found by the SDK through {@code ServiceLoader}, which depends on the thread's
 * context class loader.
 */
final class McpJson {

    private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();
    static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(OBJECT_MAPPER);
    static final JsonSchemaValidator SCHEMA_VALIDATOR = new DefaultJsonSchemaValidator(OBJECT_MAPPER);

    private static final TypeRef<HashMap<String, Object>> MAP = new TypeRef<>() {
    };

    private McpJson() {
    }

    static Map<String, Object> map(JsonObject json) {
        try {
            return MAPPER.readValue(json.toString(), MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tool arguments as JSON text, as an LLM's tool call carries them; none is an empty object. */
    static String text(Map<String, Object> arguments) {
        try {
            return MAPPER.writeValueAsString(arguments == null ? Map.of() : arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
