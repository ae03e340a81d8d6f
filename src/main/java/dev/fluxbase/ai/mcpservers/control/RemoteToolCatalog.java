package dev.fluxbase.ai.mcpservers.control;

import dev.fluxbase.ai.mcpservers.entity.McpCallFailure;
import dev.fluxbase.ai.mcpservers.entity.McpServer;
import dev.fluxbase.ai.mcpservers.entity.RemoteTool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tools each registered server lists, kept briefly ({@code fluxbase.mcp.tool-list-ttl-seconds}) so that turns do
 * not list them again and again. A change of the server's row (its {@code updated_at}, on any instance) or a failed call
 * drops the list; a listing that failed is not tried again for a few seconds, and meanwhile the server offers no tool
 * (the turn goes on without it).
 */
@ApplicationScoped
public class RemoteToolCatalog {

    private static final Logger LOG = Logger.getLogger(RemoteToolCatalog.class.getName());
    private static final long RETRY_AFTER_FAILURE_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Inject
    McpSessions sessions;

    @Inject
    @ConfigProperty(name = "fluxbase.mcp.tool-list-ttl-seconds", defaultValue = "60")
    long ttlSeconds;

    private final Map<UUID, Listing> listings = new ConcurrentHashMap<>();

    /** A server's listing, as of the server's row it was made for; {@code tools} is empty after a failure. */
    private record Listing(Instant serverVersion, List<RemoteTool> tools, long expiresNanos) {

        boolean freshFor(McpServer server) {
            return Objects.equals(serverVersion, server.updatedAt()) && System.nanoTime() - expiresNanos < 0;
        }
    }

    /** The tools the server lists, all of them: the caller applies the allow-list. */
    public List<RemoteTool> tools(McpServer server) {
        Listing listing = listings.get(server.id());
        if (listing != null && listing.freshFor(server)) {
            return listing.tools();
        }
        try {
            List<RemoteTool> tools = sessions.listTools(server);
            remember(server, tools);
            return tools;
        } catch (McpCallFailure e) {
            LOG.log(Level.WARNING, "Could not list the tools of {0}; its tools are not offered for {1} s", new Object[] {e.getMessage(),
                    TimeUnit.NANOSECONDS.toSeconds(RETRY_AFTER_FAILURE_NANOS)});
            listings.put(server.id(), new Listing(server.updatedAt(), List.of(), System.nanoTime() + RETRY_AFTER_FAILURE_NANOS));
            return List.of();
        }
    }

    void remember(McpServer server, List<RemoteTool> tools) {
        listings.put(server.id(), new Listing(server.updatedAt(), List.copyOf(tools), System.nanoTime() + TimeUnit.SECONDS.toNanos(ttlSeconds)));
    }

    /** The next turn lists the server's tools again. */
    public void forget(UUID serverId) {
        listings.remove(serverId);
    }
}
