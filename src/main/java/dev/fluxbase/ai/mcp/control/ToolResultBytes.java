package dev.fluxbase.ai.mcp.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much of one tool result an MCP client gets: what the chat's LLM reads of it, the chatbot's
 * {@code @fluxbase:max-tool-result-bytes} or the server's default. The client's model reads it as ours would.
 */
@ApplicationScoped
public class ToolResultBytes {

    @Inject
    @ConfigProperty(name = "fluxbase.tools.max-result-bytes", defaultValue = "16384")
    int serverDefault;

    public int of(ChatbotDefinition chatbot) {
        Integer chatbotCap = chatbot.settings().toolUse().maxResultBytes();
        return chatbotCap == null ? serverDefault : chatbotCap;
    }
}
