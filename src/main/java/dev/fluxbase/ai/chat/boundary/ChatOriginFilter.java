package dev.fluxbase.ai.chat.boundary;

import dev.fluxbase.ai.security.control.OriginPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browsers send an {@code Origin} with the upgrade: only the origins allowed for REST CORS (or the
 * server's own) may open a chat socket. Refused before the upgrade, with 403.
 */
@WebFilter(urlPatterns = "/ai/ws")
public class ChatOriginFilter extends HttpFilter {

    @Inject
    OriginPolicy origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !origins.isOriginAllowed(origin, request.getHeader("Host"))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Origin not allowed\",\"code\":\"CORS_FORBIDDEN\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
