package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.StreamListener;

/** Streams answers from Google's Gemini API over SSE. */
final class GeminiProvider implements ChatProvider {

    private static final String MODELS_PREFIX = "models/";

    private final String name;
    private final String model;
    private final String apiKey;
    private final GeminiApi api;
    private final StreamingCall call;

    GeminiProvider(String name, String model, String apiKey, GeminiApi api, StreamingCall call) {
        this.name = name;
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
    public String model() {
        return model;
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        String body = GeminiRequestBody.of(request);
        String target = pathName(request.modelOr(model));
        return call.run(() -> ProviderResponses.body(api.streamGenerateContent(target, "sse", apiKey, body)), new GeminiStream(listener), cancel);
    }

    /** Google names models {@code models/gemini-...} too; the path has its own {@code models/}. */
    static String pathName(String model) {
        return model.startsWith(MODELS_PREFIX) ? model.substring(MODELS_PREFIX.length()) : model;
    }
}
