package dev.fluxbase.ai.mcpservers.entity;

import java.util.List;
import java.util.Optional;

/**
 * What an admin sends to create or change a server; an empty field is left as it is (on create: its default).
 *
 * @param authHeaderValue empty: keep the stored value; an empty string: remove the header
 */
public record McpServerInput(Optional<String> name, Optional<String> description, Optional<String> url, Optional<String> transport,
        Optional<String> authHeaderName, Optional<String> authHeaderValue, Optional<List<String>> allowedTools, Optional<Boolean> enabled,
        Optional<Integer> connectTimeoutMillis, Optional<Integer> callTimeoutMillis) {
}
