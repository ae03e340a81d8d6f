package dev.fluxbase.ai.providers.control;

import java.util.UUID;

/**
 * Ids for tool calls that arrive without one (Ollama never sends ids). They must be unique within a
 * turn, which may reach an OpenAI-style provider later (failover), where ids pair calls and results.
 */
final class ToolCallIds {

    private ToolCallIds() {
    }

    static String next() {
        return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
