package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Streams chat completions from OpenAI or an OpenAI-compatible server over SSE. */
public final class OpenAiProvider implements ChatProvider {

    private final String name;
    private final String model;
    private final String apiKey;
    private final OpenAiChatApi api;

    public OpenAiProvider(String name, URI baseUrl, String apiKey, String model, Duration connectTimeout, Duration idleTimeout) {
        this.name = name;
        this.model = model;
        this.apiKey = apiKey;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(idleTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(OpenAiChatApi.class);
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
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        try (Response response = api.complete(apiKey == null ? null : "Bearer " + apiKey, body(request))) {
            if (response.getStatus() >= 300) {
                throw ProviderException.forStatus(response.getStatus(), errorMessage(response));
            }
            return readStream(response.readEntity(InputStream.class), listener);
        } catch (ProcessingException e) {
            throw new ProviderException(ProviderException.PROVIDER_ERROR, "Provider unreachable: " + rootMessage(e), e);
        }
    }

    private String body(CompletionRequest request) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (ChatMessage message : request.messages()) {
            messages.add(Json.createObjectBuilder().add("role", message.role().wireName()).add("content", message.content()));
        }
        return Json.createObjectBuilder()
                .add("model", model)
                .add("messages", messages)
                .add("stream", true)
                .add("stream_options", Json.createObjectBuilder().add("include_usage", true))
                .add("max_tokens", request.maxTokens())
                .add("temperature", request.temperature())
                .build().toString();
    }

    private static CompletionResult readStream(InputStream stream, StreamListener listener) {
        StreamState state = new StreamState();
        try (stream) {
            ServerSentEvents.read(stream, data -> {
                if (data.equals("[DONE]")) {
                    state.done = true;
                    return false;
                }
                state.accept(Json.createReader(new StringReader(data)).readObject(), listener);
                return true;
            });
        } catch (IOException | ProcessingException e) {
            throw new ProviderException(ProviderException.PROVIDER_ERROR, "Provider stream failed: " + rootMessage(e), e);
        }
        if (!state.done) {
            throw new ProviderException(ProviderException.PROVIDER_ERROR, "Provider stream ended unexpectedly");
        }
        return new CompletionResult(state.content.toString(), state.usage, state.finishReason);
    }

    /** Accumulates one stream: content, the final usage chunk and the finish reason. */
    private static final class StreamState {
        final StringBuilder content = new StringBuilder();
        TokenUsage usage = TokenUsage.NONE;
        String finishReason;
        boolean done;

        void accept(JsonObject chunk, StreamListener listener) {
            JsonValue usageValue = chunk.get("usage");
            if (usageValue instanceof JsonObject u) {
                usage = new TokenUsage(u.getInt("prompt_tokens", 0), u.getInt("completion_tokens", 0));
            }
            JsonArray choices = chunk.getJsonArray("choices");
            if (choices == null || choices.isEmpty()) {
                return; // Azure's prompt-filter chunk and the usage chunk carry no choice
            }
            JsonObject choice = choices.getJsonObject(0);
            if (choice.get("finish_reason") instanceof jakarta.json.JsonString reason) {
                finishReason = reason.getString();
            }
            JsonObject delta = choice.getJsonObject("delta");
            if (delta != null && delta.get("content") instanceof jakarta.json.JsonString text && !text.getString().isEmpty()) {
                content.append(text.getString());
                listener.onContent(text.getString());
            }
        }
    }

    private static String errorMessage(Response response) {
        try {
            JsonObject body = Json.createReader(new StringReader(response.readEntity(String.class))).readObject();
            JsonValue error = body.get("error");
            if (error instanceof JsonObject object) {
                return object.getString("message", "");
            }
            return error == null ? "" : error.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
