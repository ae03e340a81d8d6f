package dev.fluxbase.ai.chat.boundary;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Captures the token of the upgrade request: {@code ?token=} (what the SDK and browsers send) or an
 * {@code Authorization: Bearer} header (other clients). It is verified when the socket opens. Also
 * keeps {@code X-Forwarded-For}, which counts only if the peer turns out to be a trusted proxy.
 */
public class ChatHandshake extends ServerEndpointConfig.Configurator {

    static final String TOKEN = "fluxbase.token";
    static final String FORWARDED_FOR = "fluxbase.forwarded-for";
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
        keep(config, TOKEN, token == null || token.isBlank() ? null : token);
        List<String> forwardedFor = headerIgnoringCase(request.getHeaders(), "X-Forwarded-For");
        keep(config, FORWARDED_FOR, forwardedFor == null || forwardedFor.isEmpty() ? null : String.join(",", forwardedFor));
    }

    private static void keep(ServerEndpointConfig config, String key, String value) {
        if (value != null) {
            config.getUserProperties().put(key, value);
        } else {
            config.getUserProperties().remove(key);
        }
    }

    private static List<String> headerIgnoringCase(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
