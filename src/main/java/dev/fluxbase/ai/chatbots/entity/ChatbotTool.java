package dev.fluxbase.ai.chatbots.entity;

import java.util.Arrays;
import java.util.Optional;

/** The built-in tools a chatbot may offer to the LLM. */
public enum ChatbotTool {
    EXECUTE_SQL("execute_sql"),
    HTTP_GET("http_get");

    private final String toolName;

    ChatbotTool(String toolName) {
        this.toolName = toolName;
    }

    public String toolName() {
        return toolName;
    }

    public static Optional<ChatbotTool> byName(String name) {
        return Arrays.stream(values()).filter(tool -> tool.toolName.equals(name)).findFirst();
    }
}
