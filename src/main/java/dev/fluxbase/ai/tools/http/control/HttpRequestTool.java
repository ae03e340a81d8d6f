package dev.fluxbase.ai.tools.http.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fluxbase's {@code http_request}: {@code http_get} under Fluxbase's name and arguments ({@code url}, {@code method}).
 * GET only, as in Fluxbase; every rule of http_get applies (allowed domains, https, address checks, size and time).
 */
@ApplicationScoped
public class HttpRequestTool implements Tool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("http_request",
            "Make an HTTP GET request to an allowed external API (https, on the domains this assistant may use). "
                    + "Returns the status, content type and the beginning of the body.",
            JsonFactories.readObject("""
                    {"type": "object",
                     "properties": {
                       "url": {"type": "string", "description": "The full URL to request (https, on an allowed domain)"},
                       "method": {"type": "string", "description": "HTTP method: only GET is supported", "enum": ["GET"], "default": "GET"}
                     },
                     "required": ["url"]}"""));

    @Inject
    HttpGetTool httpGet;

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public String instructions(ChatbotDefinition chatbot) {
        return "## Web requests\n- The http_request tool may GET https URLs of: "
                + String.join(", ", chatbot.settings().webAccess().allowedDomains()) + ".\n";
    }

    /** http_get reads {@code url} and {@code method} alike, and refuses any method but GET. */
    @Override
    public String run(ToolCall call, ToolContext context) {
        return httpGet.run(call, context);
    }
}
