package dev.fluxbase.ai.chatbots.boundary;

import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A partial update of a chatbot's settings: only the fields present (and not null) apply, each validated. */
final class ChatbotChanges {

    private static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(2);

    private final List<Consumer<Chatbot>> changes = new ArrayList<>();
    private Optional<Optional<UUID>> providerId = Optional.empty();

    private ChatbotChanges() {
    }

    static ChatbotChanges from(JsonObject json) {
        ChatbotChanges c = new ChatbotChanges();
        c.text(json, "description", Chatbot::setDescription);
        c.bool(json, "enabled", Chatbot::setEnabled);
        c.bool(json, "persist_conversations", Chatbot::setPersistConversations);
        c.bool(json, "allow_unauthenticated", Chatbot::setAllowUnauthenticated);
        c.bool(json, "is_public", Chatbot::setPublic);
        c.integer(json, "max_tokens", 1, "Max tokens must be positive", Chatbot::setMaxTokens);
        c.integer(json, "conversation_ttl_hours", 1, "Conversation TTL hours must be positive", Chatbot::setConversationTtlHours);
        c.integer(json, "max_conversation_turns", 1, "Max conversation turns must be positive", Chatbot::setMaxConversationTurns);
        c.integer(json, "rate_limit_per_minute", 0, "Rate limit per minute must not be negative", Chatbot::setRateLimitPerMinute);
        c.integer(json, "daily_request_limit", 0, "Daily request limit must not be negative", Chatbot::setDailyRequestLimit);
        c.integer(json, "daily_token_budget", 0, "Daily token budget must not be negative", Chatbot::setDailyTokenBudget);
        c.temperature(json);
        c.provider(json);
        return c;
    }

    Optional<Optional<UUID>> providerId() {
        return providerId;
    }

    void applyTo(Chatbot chatbot) {
        changes.forEach(change -> change.accept(chatbot));
    }

    private void text(JsonObject json, String key, BiConsumer<Chatbot, String> setter) {
        present(json, key).ifPresent(value -> {
            if (!(value instanceof JsonString s)) {
                throw invalid(key + " must be a string");
            }
            changes.add(c -> setter.accept(c, s.getString()));
        });
    }

    private void bool(JsonObject json, String key, BiConsumer<Chatbot, Boolean> setter) {
        present(json, key).ifPresent(value -> {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw invalid(key + " must be true or false");
            }
            changes.add(c -> setter.accept(c, value == JsonValue.TRUE));
        });
    }

    private void integer(JsonObject json, String key, int min, String rangeMessage, BiConsumer<Chatbot, Integer> setter) {
        present(json, key).ifPresent(value -> {
            if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
                throw invalid(key + " must be a whole number");
            }
            int number;
            try {
                number = n.intValueExact();
            } catch (ArithmeticException e) {
                throw invalid(key + " is too large");
            }
            if (number < min) {
                throw RequestRejected.badRequest(rangeMessage);
            }
            changes.add(c -> setter.accept(c, number));
        });
    }

    private void temperature(JsonObject json) {
        present(json, "temperature").ifPresent(value -> {
            if (!(value instanceof JsonNumber n)) {
                throw invalid("temperature must be a number");
            }
            BigDecimal temperature = n.bigDecimalValue();
            if (temperature.signum() < 0 || temperature.compareTo(MAX_TEMPERATURE) > 0) {
                throw RequestRejected.badRequest("Temperature must be between 0 and 2");
            }
            changes.add(c -> c.setTemperature(temperature));
        });
    }

    private void provider(JsonObject json) {
        present(json, "provider_id").ifPresent(value -> {
            if (!(value instanceof JsonString s)) {
                throw invalid("provider_id must be a string");
            }
            Optional<UUID> id = s.getString().isEmpty() ? Optional.empty() : Optional.of(uuid(s.getString()));
            providerId = Optional.of(id);
            changes.add(c -> c.setProviderId(id.orElse(null)));
        });
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw invalid("provider_id must be a provider id");
        }
    }

    private static Optional<JsonValue> present(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value == null || value == JsonValue.NULL ? Optional.empty() : Optional.of(value);
    }

    private static RequestRejected invalid(String message) {
        return RequestRejected.badRequest("Invalid request body: " + message);
    }
}
