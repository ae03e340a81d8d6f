package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConventionalProviderVariablesTest {

    private static ConventionalProviderVariables from(Map<String, String> environment) {
        return new ConventionalProviderVariables(environment::get, false);
    }

    @Test
    void openAiKeyWithItsBaseUrlAndModelIsTheOpenAiProvider() {
        ConventionalProviderVariables source = from(Map.of("OPENAI_API_KEY", "sk-x", "OPENAI_BASE_URL", "http://localhost:9999/v1",
                "OPENAI_MODEL", "gpt-4.1"));

        assertThat(source.getProperties()).containsEntry("fluxbase.ai.provider.type", "openai")
                .containsEntry("fluxbase.ai.provider.api-key", "sk-x")
                .containsEntry("fluxbase.ai.provider.base-url", "http://localhost:9999/v1")
                .containsEntry("fluxbase.ai.provider.model", "gpt-4.1")
                .containsEntry(ConventionalProviderVariables.SOURCE_KEY, "OPENAI_API_KEY");
        assertThat(source.getOrdinal()).isGreaterThan(100).isLessThan(300);
    }

    @Test
    void openAiWinsOverOllamaAndABlankKeyCountsAsUnset() {
        assertThat(from(Map.of("OPENAI_API_KEY", "sk-x", "OLLAMA_HOST", "gpu:11434")).getValue("fluxbase.ai.provider.type")).isEqualTo("openai");
        assertThat(from(Map.of("OPENAI_API_KEY", " ", "OLLAMA_HOST", "gpu")).getValue("fluxbase.ai.provider.type")).isEqualTo("ollama");
    }

    @Test
    void anthropicThenGeminiThenOllamaWhenThereIsNoOpenAiKey() {
        assertThat(from(Map.of("ANTHROPIC_API_KEY", "a", "GEMINI_API_KEY", "g", "OLLAMA_HOST", "gpu", "ANTHROPIC_MODEL", "claude-x")).getProperties())
                .containsEntry("fluxbase.ai.provider.type", "anthropic").containsEntry("fluxbase.ai.provider.api-key", "a")
                .containsEntry("fluxbase.ai.provider.model", "claude-x").containsEntry(ConventionalProviderVariables.SOURCE_KEY, "ANTHROPIC_API_KEY");
        assertThat(from(Map.of("GOOGLE_API_KEY", "g", "OLLAMA_HOST", "gpu")).getProperties())
                .containsEntry("fluxbase.ai.provider.type", "gemini").containsEntry("fluxbase.ai.provider.api-key", "g")
                .containsEntry(ConventionalProviderVariables.SOURCE_KEY, "GOOGLE_API_KEY");
        assertThat(from(Map.of("GEMINI_API_KEY", "g1", "GOOGLE_API_KEY", "g2")).getValue("fluxbase.ai.provider.api-key")).isEqualTo("g1");
    }

    @Test
    void ollamaHostIsReadAsOllamaReadsIt() {
        assertThat(ConventionalProviderVariables.ollamaUrl("gpu")).isEqualTo("http://gpu:11434");
        assertThat(ConventionalProviderVariables.ollamaUrl("0.0.0.0:8000")).isEqualTo("http://0.0.0.0:8000");
        assertThat(ConventionalProviderVariables.ollamaUrl("https://ollama.example.com")).isEqualTo("https://ollama.example.com:11434");
        assertThat(ConventionalProviderVariables.ollamaUrl("http://[::1]")).isEqualTo("http://[::1]:11434");
        assertThat(ConventionalProviderVariables.ollamaUrl("http://[::1]:9000/")).isEqualTo("http://[::1]:9000/");
        assertThat(from(Map.of("OLLAMA_HOST", "127.0.0.1", "OLLAMA_MODEL", "llama3.2")).getProperties())
                .containsEntry("fluxbase.ai.provider.base-url", "http://127.0.0.1:11434")
                .containsEntry("fluxbase.ai.provider.model", "llama3.2");
    }

    @Test
    void anOperatorsProviderTypeEvenEmptyTurnsItOff() {
        assertThat(from(Map.of("OPENAI_API_KEY", "sk-x", "FLUXBASE_AI_PROVIDER_TYPE", "")).getProperties()).isEmpty();
        assertThat(new ConventionalProviderVariables(Map.of("OPENAI_API_KEY", "sk-x")::get, true).getProperties()).isEmpty();
    }

    @Test
    void nothingSetIsNothing() {
        assertThat(from(Map.of()).getPropertyNames()).isEmpty();
    }
}
