package dev.fluxbase.ai.mcpservers.entity;

import java.util.Objects;

/**
 * A tool an MCP server lists.
 *
 * @param inputSchemaJson its JSON schema object as text
 */
public record RemoteTool(String name, String description, String inputSchemaJson) {

    public RemoteTool {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        inputSchemaJson = inputSchemaJson == null ? "{\"type\":\"object\",\"properties\":{}}" : inputSchemaJson;
    }
}
