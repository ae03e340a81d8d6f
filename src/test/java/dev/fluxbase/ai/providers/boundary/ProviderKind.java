package dev.fluxbase.ai.providers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.FakeLlmServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import jakarta.json.JsonObject;
import java.util.Map;

/** The provider types as stored providers in front of the fake LLM server, and what their requests look like. */
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

        @Override
        String model(RecordedRequest request) {
            return request.path().replaceFirst("^/openai/deployments/([^/]+)/.*$", "$1");
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
            assertThat(body.getJsonObject("options").getInt("num_ctx")).as("the default context window").isEqualTo(8192);
        }
    },
    ANTHROPIC("anthropic", "sk-ant-it") {
        @Override
        Map<String, String> config(FakeLlmServer llm) {
            return Map.of("api_key", key, "model", "claude-it", "base_url", llm.baseUrl());
        }

        @Override
        String path() {
            return "/v1/messages";
        }

        @Override
        void assertDialect(RecordedRequest request) {
            assertThat(request.header("x-api-key")).isEqualTo(key);
            assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(request.header("Authorization")).isNull();
            JsonObject body = request.json();
            assertThat(body.getString("model")).isEqualTo("claude-it");
            assertThat(body.getBoolean("stream")).isTrue();
            assertThat(body.getInt("max_tokens")).isEqualTo(ProviderBots.MAX_TOKENS);
            assertThat(body.getJsonNumber("temperature").doubleValue()).isEqualTo(ProviderBots.TEMPERATURE);
            assertThat(body.getString("system")).contains("You test providers.");
        }

        @Override
        String model(RecordedRequest request) {
            return request.json().getString("model");
        }
    },
    GEMINI("gemini", "AIza-it") {
        @Override
        Map<String, String> config(FakeLlmServer llm) {
            return Map.of("api_key", key, "model", "gemini-it", "base_url", llm.baseUrl());
        }

        @Override
        String path() {
            return "/v1beta/models/gemini-it:streamGenerateContent";
        }

        @Override
        void assertDialect(RecordedRequest request) {
            assertThat(request.queryParameter("alt")).isEqualTo("sse");
            assertThat(request.header("x-goog-api-key")).isEqualTo(key);
            assertThat(request.header("Authorization")).isNull();
            JsonObject body = request.json();
            assertThat(body.getJsonObject("generationConfig").getInt("maxOutputTokens")).isEqualTo(ProviderBots.MAX_TOKENS);
            assertThat(body.getJsonObject("generationConfig").getJsonNumber("temperature").doubleValue()).isEqualTo(ProviderBots.TEMPERATURE);
            assertThat(body.getJsonObject("systemInstruction").toString()).contains("You test providers.");
        }

        @Override
        String model(RecordedRequest request) {
            return request.path().replaceFirst("^/v1beta/models/([^:]+):.*$", "$1");
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

    /** The model a request asked for: OpenAI's and Ollama's {@code model}; overridden where it lives elsewhere. */
    String model(RecordedRequest request) {
        return request.json().getString("model");
    }

    String providerName() {
        return "it-" + type;
    }

    String chatbot() {
        return type + "-bot";
    }

    /** Whether tool results carry the call id (OpenAI, Azure, Anthropic) or only the order and the tool's name (Ollama, Gemini). */
    boolean pairsToolResultsById() {
        return this != OLLAMA && this != GEMINI;
    }
}
