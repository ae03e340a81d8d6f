package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.StreamListener;

/** A provider whose settings cannot work (no model, a bad URL, an unreadable key): every call says why. */
final class MisconfiguredProvider implements ChatProvider {

    private final String name;
    private final String reason;

    MisconfiguredProvider(String name, String reason) {
        this.name = name;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String model() {
        return "";
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        throw ProviderException.of(ProviderException.Failure.MISCONFIGURED, reason);
    }
}
