package dev.fluxbase.ai.mcp.boundary;

import dev.fluxbase.ai.chat.control.IdentityFactory;
import dev.fluxbase.ai.chatbots.control.ChatbotCatalog;
import dev.fluxbase.ai.chatbots.control.RoleGate;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.mcp.control.ChatbotServer;
import dev.fluxbase.ai.mcp.control.McpServers;
import dev.fluxbase.ai.mcp.control.McpSessions;
import dev.fluxbase.ai.mcp.entity.McpCall;
import dev.fluxbase.ai.mcp.entity.McpRoute;
import dev.fluxbase.ai.platform.container.InlineStreams;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.quotas.control.ClientAddresses;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.security.control.CallerResolver;
import dev.fluxbase.ai.security.control.OriginPolicy;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import dev.fluxbase.ai.security.entity.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /mcp/{namespace}/{chatbot}}: a chatbot's tools as an MCP server (streamable HTTP). Before the SDK's transport
 * sees a request, it is checked as a chat would be: the token (as for the REST API and the socket), the chatbot (enabled),
 * its audience ({@code require-role}; the anon key and no token only for {@code allow-unauthenticated} chatbots), the
 * browser origin, and the session (the caller's own, of this chatbot, not idle; a new one only within the caller's cap).
 * Every request is answered before it returns: there is no listening stream (GET is 405, as the spec allows a server
 * that never sends anything unasked), so no connection outlives its request and a client that vanishes leaves only its
 * idle session behind.
 */
@WebServlet(urlPatterns = "/mcp/*", asyncSupported = true)
public class McpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String SESSION_HEADER = "Mcp-Session-Id";

    @Inject
    transient CallerResolver callers;

    @Inject
    transient ChatbotCatalog chatbots;

    @Inject
    transient IdentityFactory identities;

    @Inject
    transient ClientAddresses addresses;

    @Inject
    transient OriginPolicy origins;

    @Inject
    transient McpServers servers;

    @Inject
    transient McpSessions sessions;

    @Inject
    @ConfigProperty(name = "fluxbase.mcp.enabled", defaultValue = "true")
    transient boolean enabled;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<McpRoute> route = McpRoute.of(request.getPathInfo());
        if (!enabled || route.isEmpty()) {
            McpResponses.error(response, HttpServletResponse.SC_NOT_FOUND, ErrorCodes.NOT_FOUND, "Not found: MCP servers are at /mcp/{namespace}/{chatbot}");
            return;
        }
        if ("GET".equals(request.getMethod())) {
            // the spec's answer for a server without a listening stream: nothing here sends the client anything unasked
            response.setHeader("Allow", "POST, DELETE");
            McpResponses.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorCodes.METHOD_NOT_ALLOWED,
                    "This MCP server offers no listening stream: send requests with POST");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origins.isOriginAllowed(origin, request.getHeader("Host"))) {
            McpResponses.error(response, HttpServletResponse.SC_FORBIDDEN, ErrorCodes.CORS_FORBIDDEN, "Origin not allowed");
            return;
        }
        try {
            Caller caller = callers.fromAuthorizationHeader(request.getHeader("Authorization"));
            ChatbotDefinition chatbot = admitted(route.get(), caller);
            String subject = QuotaSubject.of(caller.userId(), addresses.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"))).key();
            request.setAttribute(McpCall.KEY, new McpCall(chatbot, identities.of(caller).database(), subject));
            inSession(request, response, chatbot, subject);
        } catch (AuthenticationException e) {
            McpResponses.unauthorized(request, response, route.get().path(), e);
        } catch (Refused e) {
            McpResponses.error(response, e.status, e.code, e.getMessage());
        }
    }

    /**
     * The chatbot, if the caller may use it. Callers without a user token learn nothing of chatbots they may not use,
     * not even whether they exist: they are asked to authenticate.
     */
    private ChatbotDefinition admitted(McpRoute route, Caller caller) {
        Optional<ChatbotDefinition> found = chatbots.find(route.namespace(), route.chatbot());
        if (caller.isAnonymous()) {
            return found.filter(chatbot -> chatbot.settings().audience().allowUnauthenticated())
                    .filter(chatbot -> RoleGate.check(chatbot.settings().audience(), caller, false) == RoleGate.Verdict.ADMITTED)
                    .orElseThrow(AuthenticationException::required);
        }
        ChatbotDefinition chatbot = found.orElseThrow(() -> new Refused(HttpServletResponse.SC_NOT_FOUND, ErrorCodes.CHATBOT_NOT_FOUND,
                "Chatbot not found or disabled"));
        if (RoleGate.check(chatbot.settings().audience(), caller, callers.isAdmin(caller)) != RoleGate.Verdict.ADMITTED) {
            throw new Refused(HttpServletResponse.SC_FORBIDDEN, ErrorCodes.FORBIDDEN,
                    "This chatbot requires one of the roles: " + String.join(", ", chatbot.settings().audience().requireRoles()));
        }
        return chatbot;
    }

    private void inSession(HttpServletRequest request, HttpServletResponse response, ChatbotDefinition chatbot, String subject)
            throws ServletException, IOException {
        String id = request.getHeader(SESSION_HEADER);
        if (id == null) {
            if ("POST".equals(request.getMethod()) && !sessions.hasRoom(subject)) {
                throw new Refused(429, ErrorCodes.TOO_MANY_SESSIONS, "Too many MCP sessions: the limit is " + sessions.maxPerSubject()
                        + "; end one (DELETE with its Mcp-Session-Id) or wait until one has been idle for "
                        + sessions.idleTimeout().toMinutes() + " minutes");
            }
            serve(request, response, chatbot);
            String opened = response.getHeader(SESSION_HEADER);
            if (opened != null && response.getStatus() == HttpServletResponse.SC_OK) {
                sessions.opened(opened, subject, chatbot.id());
            }
            return;
        }
        if (sessions.use(id, subject, chatbot.id()).isEmpty()) {
            throw new Refused(HttpServletResponse.SC_NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND, "Session not found: it ended or expired; initialize a new one");
        }
        serve(request, response, chatbot);
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_NOT_FOUND || "DELETE".equals(request.getMethod()) && status == HttpServletResponse.SC_OK) {
            sessions.closed(id);
        }
    }

    /**
     * The transport answers a POST on an SSE stream it opens asynchronously, but has written the whole answer (a tool
     * call's included: tools run on this thread) before it returns, so the request is served as a synchronous one.
     */
    private void serve(HttpServletRequest request, HttpServletResponse response, ChatbotDefinition chatbot) throws ServletException, IOException {
        ChatbotServer server = servers.serverFor(chatbot, getServletConfig());
        InlineStreams.serve(request, response, server::service);
    }

    /** A refusal with its HTTP status and error code. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
