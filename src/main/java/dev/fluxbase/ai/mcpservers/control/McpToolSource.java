package dev.fluxbase.ai.mcpservers.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.DeclaredTool;
import dev.fluxbase.ai.mcpservers.entity.McpServer;
import dev.fluxbase.ai.mcpservers.entity.RemoteTool;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.entity.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MCP-backed tools of a chatbot for one turn: every tool its servers ({@code @fluxbase:mcp-servers}, registered and
 * enabled, in the file's order) list and allow, and the tools its file declares that a server offers, with the file's
 * description and schema. A tool keeps its own name when no other tool of the turn has it; otherwise it is offered as
 * {@code <server>__<tool>}. An unknown or disabled server, or one that cannot be reached, offers nothing and the turn
 * goes on.
 */
@ApplicationScoped
public class McpToolSource {

    static final int MAX_NAME = 64;
    private static final Logger LOG = Logger.getLogger(McpToolSource.class.getName());

    @Inject
    McpServerStore store;

    @Inject
    RemoteToolCatalog catalog;

    @Inject
    McpSessions sessions;

    @Inject
    McpCallLog log;

    /** @param taken the names of the turn's other tools, which remote tools must not take */
    public List<Tool> toolsFor(ChatbotDefinition chatbot, Set<String> taken) {
        List<Offer> offers = new ArrayList<>();
        for (String name : chatbot.settings().toolUse().mcpServers()) {
            Optional<McpServer> server = store.byName(name).filter(McpServer::enabled);
            if (server.isEmpty()) {
                LOG.log(Level.FINE, "Chatbot {0}: MCP server {1} is not registered or not enabled", new Object[] {chatbot.qualifiedName(), name});
                continue;
            }
            catalog.tools(server.get()).stream().filter(tool -> server.get().allows(tool.name()))
                    .forEach(tool -> offers.add(new Offer(server.get(), tool)));
        }
        return tools(chatbot.settings().toolUse().customTools(), offers, taken);
    }

    /** A tool a server offers the chatbot. */
    record Offer(McpServer server, RemoteTool tool) {
    }

    private List<Tool> tools(List<DeclaredTool> declared, List<Offer> offers, Set<String> taken) {
        List<Tool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>(taken);
        List<Offer> rest = new ArrayList<>(offers);
        for (DeclaredTool tool : declared) {
            Optional<Offer> offer = rest.stream().filter(o -> o.tool().name().equals(tool.name())).findFirst();
            if (offer.isEmpty() || names.contains(tool.name())) {
                LOG.log(Level.FINE, "Declared tool {0}: no MCP server of the chatbot offers it", tool.name());
                continue;
            }
            rest.remove(offer.get());
            names.add(tool.name());
            tools.add(tool(new ToolDefinition(tool.name(), tool.description() != null ? tool.description() : offer.get().tool().description(),
                    schema(tool.parametersJson() != null ? tool.parametersJson() : offer.get().tool().inputSchemaJson())), offer.get()));
        }
        Map<String, Integer> counts = new HashMap<>();
        rest.forEach(offer -> counts.merge(exposed(offer.tool().name()), 1, Integer::sum));
        for (Offer offer : rest) {
            String bare = exposed(offer.tool().name());
            String name = counts.get(bare) == 1 && !names.contains(bare) ? bare : qualified(offer);
            if (!names.add(name)) {
                continue;
            }
            tools.add(tool(new ToolDefinition(name, offer.tool().description(), schema(offer.tool().inputSchemaJson())), offer));
        }
        return tools;
    }

    private Tool tool(ToolDefinition definition, Offer offer) {
        return new RemoteMcpTool(definition, offer.server(), offer.tool().name(), sessions, catalog, log);
    }

    /** A name providers accept: letters, digits, '_' and '-', at most 64. */
    static String exposed(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() <= MAX_NAME ? safe : safe.substring(0, MAX_NAME);
    }

    static String qualified(Offer offer) {
        return exposed(offer.server().name() + "__" + offer.tool().name());
    }

    private static JsonObject schema(String json) {
        try {
            JsonObject schema = JsonFactories.readObject(json);
            return schema.containsKey("type") ? schema : JsonFactories.PROVIDER.createObjectBuilder(schema).add("type", "object").build();
        } catch (JsonException | ClassCastException e) {
            return JsonFactories.readObject("{\"type\":\"object\",\"properties\":{}}");
        }
    }
}
