package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile OpenAPI describes the REST API at /openapi. */
@ExtendWith(FluxbaseServer.class)
class OpenApiIT {

    @Test
    void describesEveryChatbotEndpoint(ServerUnderTest server) {
        HttpResponse<String> document = server.get("/openapi");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("Fluxbase AI chatbot server",
                "/api/v1/ai/chatbots:", "/api/v1/ai/chatbots/{id}:", "/api/v1/ai/chatbots/by-name/{name}:",
                "/api/v1/admin/ai/chatbots:", "/api/v1/admin/ai/chatbots/{id}:", "/api/v1/admin/ai/chatbots/{id}/toggle:",
                "/api/v1/admin/ai/chatbots/sync:");
    }
}
