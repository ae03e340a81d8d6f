package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import jakarta.json.Json;
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
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        cancel.throwIfCancelled();
        try (Response response = api.complete(apiKey == null ? null : "Bearer " + apiKey, OpenAiRequestBody.of(request, model))) {
            if (response.getStatus() >= 300) {
                throw ProviderException.forStatus(response.getStatus(), errorMessage(response));
            }
            InputStream body = response.readEntity(InputStream.class);
            // Closing the stream from the cancelling thread unblocks the read below and drops the connection.
            try (AutoCloseable abort = cancel.onCancel(() -> closeQuietly(body))) {
                return read(body, listener, cancel);
            }
        } catch (ProcessingException e) {
            cancel.throwIfCancelled();
            throw new ProviderException(ProviderException.PROVIDER_ERROR, "Provider unreachable: " + rootMessage(e), e);
        } catch (ProviderException | TurnCancelled e) {
            throw e;
        } catch (Exception e) {
            cancel.throwIfCancelled();
            throw new ProviderException(ProviderException.PROVIDER_ERROR, "Provider stream failed: " + rootMessage(e), e);
        }
    }

    private static CompletionResult read(InputStream body, StreamListener listener, CancelSignal cancel) throws IOException {
        OpenAiStream stream = new OpenAiStream(listener);
        boolean[] done = {false};
        try {
            ServerSentEvents.read(body, data -> {
                cancel.throwIfCancelled();
                if (data.equals("[DONE]")) {
                    done[0] = true;
                    return false;
                }
                stream.accept(Json.createReader(new StringReader(data)).readObject());
                return true;
            });
        } catch (IOException | ProcessingException e) {
            cancel.throwIfCancelled();
            throw new ProviderException(ProviderException.PROVIDER_ERROR, "Provider stream failed: " + rootMessage(e), e);
        }
        cancel.throwIfCancelled();
        if (!done[0]) {
            throw new ProviderException(ProviderException.PROVIDER_ERROR, "Provider stream ended unexpectedly");
        }
        return stream.result();
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException | RuntimeException e) {
            // already closed
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

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
