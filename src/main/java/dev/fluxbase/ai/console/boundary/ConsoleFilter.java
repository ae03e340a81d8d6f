package dev.fluxbase.ai.console.boundary;

import dev.fluxbase.ai.console.control.ConsoleSignInSettings;
import dev.fluxbase.ai.console.entity.ConsoleSignIn;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The console is public: its pages hold no data, and every API call they make carries the token the user
 * signs in with. (The container itself redirects {@code /console} to {@code /console/}, so relative module
 * paths resolve.) This filter serves {@code /console/} as its index page and gives every console response a
 * Content-Security-Policy that allows only the server's own scripts, styles and API, so a script that slipped
 * into rendered chat text could neither run nor call elsewhere. The one exception is the identity provider the
 * console signs in with: the browser fetches its discovery document and tokens itself.
 */
@WebFilter(urlPatterns = "/console/*")
public class ConsoleFilter extends HttpFilter {

    static final String INDEX = "/console/";

    @Inject
    ConsoleSignInSettings signIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", policy(request, signIn.signIn().map(ConsoleSignIn::origin)));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        // Pages and modules change with every release; revalidating costs a 304.
        response.setHeader("Cache-Control", "no-cache");
        if (path.equals(INDEX)) {
            request.getRequestDispatcher(INDEX + "index.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * {@code 'self'} does not cover WebSockets in every browser, so the chat socket's origin is named, with both
     * schemes, as a TLS-terminating proxy hides which one the browser used.
     */
    static String policy(HttpServletRequest request, Optional<String> identityProvider) {
        String host = request.getHeader("Host");
        String socket = host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+") ? "" : " ws://" + host + " wss://" + host;
        String idp = identityProvider.map(origin -> " " + origin).orElse("");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" + idp + socket
                + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }
}
