package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderType;
import dev.fluxbase.ai.providers.entity.StreamListener;
import java.io.InputStream;

/**
 * Streams chat completions from an Azure OpenAI deployment. The body is OpenAI's without {@code model}
 * (the deployment decides, so a chatbot's {@code @fluxbase:model} names the deployment); the stream is OpenAI's,
 * after a first chunk with no choices. It signs in with an Entra ID token when it has client credentials,
 * otherwise with its API key.
 */
final class AzureOpenAiProvider implements ChatProvider {

    /** The deployment and its API version. */
    record Deployment(String name, String apiVersion) {
    }

    private final String name;
    private final Deployment deployment;
    private final String model;
    private final String apiKey;
    private final EntraTokens entra;
    private final AzureChatApi api;
    private final StreamingCall call;

    /**
     * @param model the model behind the deployment, if configured: it decides the token parameter
     * @param entra the Entra ID tokens, or null to send {@code apiKey}
     */
    AzureOpenAiProvider(String name, Deployment deployment, String model, String apiKey, EntraTokens entra, AzureChatApi api,
            StreamingCall call) {
        this.name = name;
        this.deployment = deployment;
        this.model = model;
        this.apiKey = apiKey;
        this.entra = entra;
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
        return model != null ? model : deployment.name();
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        String target = request.modelOr(deployment.name());
        String body = OpenAiRequestBody.of(request, null, request.modelOr(model));
        return call.run(() -> open(target, body), new OpenAiStream(listener), cancel);
    }

    /** Runs on the reader, so that fetching a token counts against the first-token deadline and a cancel. */
    private InputStream open(String target, String body) {
        return ProviderResponses.body(entra == null
                ? api.complete(target, deployment.apiVersion(), apiKey, null, body)
                : api.complete(target, deployment.apiVersion(), null, entra.authorization(), body));
    }
}
