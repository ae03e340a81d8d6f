package dev.fluxbase.ai.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Browsers: only the configured origins may call the API across origins. */
@ExtendWith(FluxbaseServer.class)
class CorsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private ServerUnderTest server;

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(server.http("/api/v1/admin/ai/chatbots"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, content-type, apikey");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        HttpResponse<String> response = send(preflight(FluxbaseServer.ALLOWED_ORIGIN));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(FluxbaseServer.ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET", "PUT", "DELETE");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "content-type", "apikey");
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() throws Exception {
        HttpResponse<String> response = send(preflight("https://evil.example"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.body()).contains("CORS_FORBIDDEN");
    }

    @Test
    void anAllowedOriginSeesTheAnswerOfARealRequest() throws Exception {
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(server.http("/api/v1/ai/chatbots")).header("Origin", FluxbaseServer.ALLOWED_ORIGIN));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(FluxbaseServer.ALLOWED_ORIGIN);
        HttpResponse<String> other = send(HttpRequest.newBuilder(server.http("/api/v1/ai/chatbots")).header("Origin", "https://evil.example"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
