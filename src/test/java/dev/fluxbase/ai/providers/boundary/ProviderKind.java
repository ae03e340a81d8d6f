package dev.fluxbase.ai.providers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.FakeLlmServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import jakarta.json.JsonObject;
import java.util.Map;

/** The three provider types as stored providers in front of the fake LLM server, and what their requests look like. */
enum ProviderKind {
    OPENAI("openai", "sk-it-openai") {
        @Override
        Map<String, String> config(FakeLlmServer llm) {
            return Map.of("api_key", key, "model", "gpt-it", "base_url", llm.openAiBaseUrl(), "organization_id", "org-it");
        }

        @Override
        String path() {
            return "/v1/chat/completions";
        }

        @Override
        void assertDialect(RecordedRequest request) {
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + key);
            assertThat(request.header("OpenAI-Organization")).isEqualTo("org-it");
            JsonObject body = request.json();
            assertThat(body.getString("model")).isEqualTo("gpt-it");
            assertThat(body.getInt("max_tokens")).isEqualTo(ProviderBots.MAX_TOKENS);
            assertThat(body.getJsonNumber("temperature").doubleValue()).isEqualTo(ProviderBots.TEMPERATURE);
            assertThat(body.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
        }
    },
    AZURE("azure", "az-it-key") {
        @Override
        Map<String, String> config(FakeLlmServer llm) {
            return Map.of("api_key", key, "endpoint", llm.baseUrl() + "/", "deployment_name", "it-deploy");
        }

        @Override
        String path() {
            return "/openai/deployments/it-deploy/chat/completions";
        }

        @Override
        void assertDialect(RecordedRequest request) {
            assertThat(request.queryParameter("api-version")).isEqualTo("2024-10-21");
            assertThat(request.header("api-key")).isEqualTo(key);
            assertThat(request.header("Authorization")).isNull();
            JsonObject body = request.json();
            assertThat(body.containsKey("model")).isFalse();
            assertThat(body.getInt("max_tokens")).isEqualTo(ProviderBots.MAX_TOKENS);
            assertThat(body.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
        }
    },
    OLLAMA("ollama", null) {
        @Override
        Map<String, String> config(FakeLlmServer llm) {
            return Map.of("endpoint", llm.baseUrl(), "model", "llama-it");
        }

        @Override
        String path() {
            return "/api/chat";
        }

        @Override
        void assertDialect(RecordedRequest request) {
            assertThat(request.header("Authorization")).isNull();
            JsonObject body = request.json();
            assertThat(body.getString("model")).isEqualTo("llama-it");
            assertThat(body.getBoolean("stream")).isTrue();
            assertThat(body.getJsonObject("options").getInt("num_predict")).isEqualTo(ProviderBots.MAX_TOKENS);
            assertThat(body.getJsonObject("options").getJsonNumber("temperature").doubleValue()).isEqualTo(ProviderBots.TEMPERATURE);
        }
    };

    final String type;
    final String key;

    ProviderKind(String type, String key) {
        this.type = type;
        this.key = key;
    }

    abstract Map<String, String> config(FakeLlmServer llm);

    abstract String path();

    abstract void assertDialect(RecordedRequest request);

    String providerName() {
        return "it-" + type;
    }

    String chatbot() {
        return type + "-bot";
    }

    /** Whether tool results carry the call id (OpenAI, Azure) or only the order and the tool's name (Ollama). */
    boolean pairsToolResultsById() {
        return this != OLLAMA;
    }
}
