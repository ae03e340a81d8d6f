package dev.fluxbase.ai.chat.boundary;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Captures the token of the upgrade request: {@code ?token=} (what the SDK and browsers send) or an
 * {@code Authorization: Bearer} header (other clients). It is verified when the socket opens.
 */
public class ChatHandshake extends ServerEndpointConfig.Configurator {

    static final String TOKEN = "fluxbase.token";
    private static final String BEARER = "bearer ";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        String token = first(request.getParameterMap().get("token"));
        if (token == null) {
            String header = first(headerIgnoringCase(request.getHeaders(), "Authorization"));
            if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                token = header.substring(BEARER.length()).strip();
            }
        }
        if (token != null && !token.isBlank()) {
            config.getUserProperties().put(TOKEN, token);
        } else {
            config.getUserProperties().remove(TOKEN);
        }
    }

    private static List<String> headerIgnoringCase(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
