package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderType;
import dev.fluxbase.ai.providers.entity.StreamListener;

/**
 * Streams chat completions from an Azure OpenAI deployment. The body is OpenAI's without {@code model}
 * (the deployment decides); the stream is OpenAI's, after a first chunk with no choices.
 */
final class AzureOpenAiProvider implements ChatProvider {

    private final String name;
    private final String deployment;
    private final String apiVersion;
    private final String model;
    private final String apiKey;
    private final AzureChatApi api;
    private final StreamingCall call;

    /** @param model the model behind the deployment, if configured: it decides the token parameter */
    AzureOpenAiProvider(String name, String deployment, String apiVersion, String model, String apiKey, AzureChatApi api,
            StreamingCall call) {
        this.name = name;
        this.deployment = deployment;
        this.apiVersion = apiVersion;
        this.model = model;
        this.apiKey = apiKey;
        this.api = api;
        this.call = call;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProviderType type() {
        return ProviderType.AZURE;
    }

    @Override
    public String model() {
        return model != null ? model : deployment;
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        String body = OpenAiRequestBody.of(request, null, model);
        return call.run(() -> ProviderResponses.body(api.complete(deployment, apiVersion, apiKey, body)), new OpenAiStream(listener), cancel);
    }
}
