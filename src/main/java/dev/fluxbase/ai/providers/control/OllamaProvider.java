package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderType;
import dev.fluxbase.ai.providers.entity.StreamListener;

/** Streams chat answers from Ollama's {@code /api/chat} (NDJSON). */
final class OllamaProvider implements ChatProvider {

    private final String name;
    private final String model;
    private final String authorization;
    private final int numCtx;
    private final OllamaChatApi api;
    private final StreamingCall call;

    /** @param numCtx the context window asked for, in tokens */
    OllamaProvider(String name, String model, String apiKey, int numCtx, OllamaChatApi api, StreamingCall call) {
        this.name = name;
        this.model = model;
        this.authorization = apiKey == null ? null : "Bearer " + apiKey;
        this.numCtx = numCtx;
        this.api = api;
        this.call = call;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProviderType type() {
        return ProviderType.OLLAMA;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        String body = OllamaRequestBody.of(request, request.modelOr(model), numCtx);
        return call.run(() -> ProviderResponses.body(api.chat(authorization, body)), new OllamaStream(listener), cancel);
    }
}
