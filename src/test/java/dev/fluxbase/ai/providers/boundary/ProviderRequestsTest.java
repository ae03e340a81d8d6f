package dev.fluxbase.ai.providers.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.ProviderChanges;
import dev.fluxbase.ai.providers.entity.ProviderDraft;
import dev.fluxbase.ai.providers.entity.ProviderType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderRequestsTest {

    @Test
    void readsADraftAsTheSdkSendsIt() {
        ProviderDraft draft = ProviderRequests.draft(JsonBodies.fields("""
                {"name":"main","display_name":"Main","provider_type":"OpenAI","is_default":true,
                 "config":{"api_key":"sk-1","model":"gpt-4o","max":"12","flag":true,"empty":"","gone":null,"undef":"undefined"}}"""));
        assertThat(draft.type()).isEqualTo(ProviderType.OPENAI);
        assertThat(draft.isDefault()).isTrue();
        assertThat(draft.enabled()).isTrue();
        assertThat(draft.config()).containsOnlyKeys("api_key", "model", "max", "flag").containsEntry("flag", "true");
        assertThat(draft.toString()).doesNotContain("sk-1");
    }

    @Test
    void refusesUnknownTypesAndNonStringConfig() {
        assertThatThrownBy(() -> ProviderRequests.draft(JsonBodies.fields("{\"name\":\"x\",\"provider_type\":\"mistral\"}")))
                .isInstanceOf(RequestRejected.class)
                .hasMessage("Invalid provider type. Must be one of 'openai', 'azure', 'ollama', 'anthropic', 'gemini'");
        assertThatThrownBy(() -> ProviderRequests.draft(JsonBodies.fields("{\"name\":\"x\",\"provider_type\":\"openai\",\"config\":{\"a\":[1]}}")))
                .hasMessage("Invalid request body: \"config.a\" must be a string");
        assertThatThrownBy(() -> ProviderRequests.draft(JsonBodies.fields("{\"name\":\"x\",\"provider_type\":\"openai\",\"config\":\"k\"}")))
                .isInstanceOf(RequestRejected.class);
    }

    @Test
    void anUpdateTellsRemovalsFromAbsentKeys() {
        ProviderChanges changes = ProviderRequests.changes(JsonBodies.fields(
                "{\"config\":{\"model\":\"gpt-4.1\",\"organization_id\":\"\"},\"embedding_model\":\"\",\"enabled\":false}"));
        assertThat(changes.configPatch()).containsEntry("model", Optional.of("gpt-4.1")).containsEntry("organization_id", Optional.empty());
        assertThat(changes.embeddingModel()).contains(Optional.empty());
        assertThat(changes.enabled()).contains(false);
        assertThat(changes.displayName()).isEmpty();
        assertThat(ProviderRequests.changes(JsonBodies.fields("{}")).embeddingModel()).isEmpty();
    }
}
