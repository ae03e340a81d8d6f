package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.StreamListener;

/** Streams answers from Anthropic's Messages API over SSE. */
final class AnthropicProvider implements ChatProvider {

    private final String name;
    private final String model;
    private final String apiKey;
    private final String version;
    private final AnthropicMessagesApi api;
    private final StreamingCall call;

    /** @param version sent as {@code anthropic-version} */
    AnthropicProvider(String name, String model, String apiKey, String version, AnthropicMessagesApi api, StreamingCall call) {
        this.name = name;
        this.model = model;
        this.apiKey = apiKey;
        this.version = version;
        this.api = api;
        this.call = call;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        String body = AnthropicRequestBody.of(request, request.modelOr(model));
        return call.run(() -> ProviderResponses.body(api.messages(apiKey, version, body)), new AnthropicStream(listener), cancel);
    }
}
