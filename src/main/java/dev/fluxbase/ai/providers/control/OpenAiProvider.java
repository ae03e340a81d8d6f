package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderType;
import dev.fluxbase.ai.providers.entity.StreamListener;

/** Streams chat completions from OpenAI or an OpenAI-compatible server over SSE. */
final class OpenAiProvider implements ChatProvider {

    private final String name;
    private final String model;
    private final String authorization;
    private final String organization;
    private final OpenAiChatApi api;
    private final StreamingCall call;

    OpenAiProvider(String name, String model, String apiKey, String organization, OpenAiChatApi api, StreamingCall call) {
        this.name = name;
        this.model = model;
        this.authorization = apiKey == null ? null : "Bearer " + apiKey;
        this.organization = organization;
        this.api = api;
        this.call = call;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProviderType type() {
        return ProviderType.OPENAI;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        String chosen = request.modelOr(model);
        String body = OpenAiRequestBody.of(request, chosen, chosen);
        return call.run(() -> ProviderResponses.body(api.complete(authorization, organization, body)), new OpenAiStream(listener), cancel);
    }
}
