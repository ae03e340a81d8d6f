package dev.fluxbase.ai.chatbots.boundary;

import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A partial update of a chatbot's settings: only the fields present (and not null) apply, each validated. */
final class ChatbotChanges {

    private static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(2);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal MAX_TTL_SECONDS = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final List<Consumer<Chatbot>> changes = new ArrayList<>();
    private Optional<Optional<UUID>> providerId = Optional.empty();

    private ChatbotChanges() {
    }

    static ChatbotChanges from(JsonFields json) {
        ChatbotChanges c = new ChatbotChanges();
        c.text(json, "description", Chatbot::setDescription);
        c.bool(json, "enabled", Chatbot::setEnabled);
        c.bool(json, "persist_conversations", Chatbot::setPersistConversations);
        c.bool(json, "allow_unauthenticated", Chatbot::setAllowUnauthenticated);
        c.bool(json, "is_public", Chatbot::setPublic);
        c.integer(json, "max_tokens", 1, "Max tokens must be positive", Chatbot::setMaxTokens);
        c.ttlHours(json);
        c.integer(json, "max_conversation_turns", 1, "Max conversation turns must be positive", Chatbot::setMaxConversationTurns);
        c.integer(json, "rate_limit_per_minute", 0, "Rate limit per minute must not be negative", Chatbot::setRateLimitPerMinute);
        c.integer(json, "daily_request_limit", 0, "Daily request limit must not be negative", Chatbot::setDailyRequestLimit);
        c.integer(json, "daily_token_budget", 0, "Daily token budget must not be negative", Chatbot::setDailyTokenBudget);
        c.temperature(json);
        c.provider(json);
        c.requireRoles(json);
        return c;
    }

    Optional<Optional<UUID>> providerId() {
        return providerId;
    }

    void applyTo(Chatbot chatbot) {
        changes.forEach(change -> change.accept(chatbot));
    }

    private void text(JsonFields json, String key, BiConsumer<Chatbot, String> setter) {
        json.text(key).ifPresent(text -> changes.add(c -> setter.accept(c, text)));
    }

    private void bool(JsonFields json, String key, BiConsumer<Chatbot, Boolean> setter) {
        json.bool(key).ifPresent(value -> changes.add(c -> setter.accept(c, value)));
    }

    /** Below {@code min} is refused with Fluxbase's message for the setting. */
    private void integer(JsonFields json, String key, int min, String rangeMessage, BiConsumer<Chatbot, Integer> setter) {
        json.integer(key).ifPresent(number -> {
            if (number < min) {
                throw RequestRejected.badRequest(rangeMessage);
            }
            changes.add(c -> setter.accept(c, number));
        });
    }

    /** Hours, fractions too (0.5 is 30 minutes, as a file's {@code 30m}), in whole seconds. */
    private void ttlHours(JsonFields json) {
        json.decimal("conversation_ttl_hours").ifPresent(hours -> {
            BigDecimal seconds = hours.multiply(SECONDS_PER_HOUR).setScale(0, RoundingMode.DOWN);
            if (seconds.signum() <= 0 || seconds.compareTo(MAX_TTL_SECONDS) > 0) {
                throw RequestRejected.badRequest("Conversation TTL hours must be positive");
            }
            changes.add(c -> c.setConversationTtl(Duration.ofSeconds(seconds.longValueExact())));
        });
    }

    private void temperature(JsonFields json) {
        json.decimal("temperature").ifPresent(temperature -> {
            if (temperature.signum() < 0 || temperature.compareTo(MAX_TEMPERATURE) > 0) {
                throw RequestRejected.badRequest("Temperature must be between 0 and 2");
            }
            changes.add(c -> c.setTemperature(temperature));
        });
    }

    /** Any listed role admits a caller (as {@code @fluxbase:require-role}); an empty list opens the chatbot again. */
    private void requireRoles(JsonFields json) {
        json.strings("require_roles").ifPresent(roles -> {
            if (roles.stream().anyMatch(role -> role == null || role.isBlank())) {
                throw RequestRejected.badRequest("Require roles must be non-empty role names");
            }
            List<String> names = roles.stream().map(String::strip).distinct().toList();
            changes.add(c -> c.setRequireRoles(names));
        });
    }

    private void provider(JsonFields json) {
        json.text("provider_id").ifPresent(text -> {
            Optional<UUID> id = text.isEmpty() ? Optional.empty() : Optional.of(uuid(json, text));
            providerId = Optional.of(id);
            changes.add(c -> c.setProviderId(id.orElse(null)));
        });
    }

    private static UUID uuid(JsonFields json, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw json.invalid("provider_id", "a provider id");
        }
    }
}
