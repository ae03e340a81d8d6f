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
 *
 * <p>A socket that is let through writes with a small output buffer: the server allocates a whole buffer
 * for every frame it sends, and most frames (a streamed delta) are a hundred bytes or so. With the
 * default of 8 KB that buffer was a fifth of all the memory a turn allocated (bench/RESULTS.md); larger
 * frames are written as before, in more pieces.
 */
@WebFilter(urlPatterns = "/ai/ws")
public class ChatOriginFilter extends HttpFilter {

    static final int SOCKET_BUFFER_BYTES = 1024;

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
        response.setBufferSize(SOCKET_BUFFER_BYTES);
        chain.doFilter(request, response);
    }
}
