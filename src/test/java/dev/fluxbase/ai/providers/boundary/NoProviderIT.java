package dev.fluxbase.ai.providers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server started without any provider (none configured, none stored) answers chats with {@code NO_PROVIDER}. */
@ExtendWith(FluxbaseServer.class)
class NoProviderIT {

    @Test
    void aTurnWithoutAnyProviderEndsWithNoProviderAndTheSocketStaysUsable(ServerUnderTest server) {
        new ProviderApi(server).deleteAll();
        server.llm().reset();
        try (DisposableInstance instance = server.startDisposableInstance(Map.of("FLUXBASE_AI_PROVIDER_TYPE", ""));
                ChatClient chat = instance.server().chatAs("user-without-provider")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Is anyone there?");
            List<JsonObject> frames = chat.turn(id);

            JsonObject end = frames.get(frames.size() - 1);
            assertThat(end.getString("type")).isEqualTo("error");
            assertThat(end.getString("code")).isEqualTo("NO_PROVIDER");
            assertThat(end.getString("error")).isEqualTo("No AI provider configured");
            assertThat(frames).noneMatch(f -> f.getString("type").equals("content"));
            assertThat(chat.isOpen()).isTrue();
        }
        assertThat(server.llm().requests()).isEmpty();
    }
}
