package dev.fluxbase.ai.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Every REST resource lives under {@code /api/v1}, as the Fluxbase SDK expects. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Fluxbase AI chatbot server", version = "1",
                description = "Fluxbase-compatible chatbot, provider and knowledge-base APIs. Chat itself runs over the WebSocket at /ai/ws."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A user token, an anon key or a service key (JWT)")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // OPTIONS requests are CORS preflights here, not WADL queries.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
