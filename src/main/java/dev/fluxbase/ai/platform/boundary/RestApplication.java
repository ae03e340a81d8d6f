package dev.fluxbase.ai.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every REST resource lives under {@code /api/v1}, as the Fluxbase SDK expects. */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {
}
