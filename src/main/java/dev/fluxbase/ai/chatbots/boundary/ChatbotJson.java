package dev.fluxbase.ai.chatbots.boundary;

import dev.fluxbase.ai.chatbots.control.LoadWarnings;
import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import dev.fluxbase.ai.chatbots.entity.SyncResult;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Chatbots and sync results in the JSON shapes the Fluxbase SDK reads: lists as {@code {chatbots, count}} (the
 * SDK reads {@code body.chatbots}, and turns a bare array into an empty list), a summary for the public API, the
 * summary plus code and settings for the admin API, and sync answers as {@code {message, namespace, summary,
 * details, errors, dry_run}}, each error as {@code {name, error, action}}.
 */
public final class ChatbotJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private ChatbotJson() {
    }

    static JsonObject list(List<Chatbot> chatbots) {
        return list(chatbots, ChatbotJson::summary);
    }

    /** @param each a chatbot's entry: its summary, perhaps with more the caller adds */
    static JsonObject list(List<Chatbot> chatbots, Function<Chatbot, JsonObjectBuilder> each) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        chatbots.forEach(c -> array.add(each.apply(c)));
        return JSON.createObjectBuilder().add("chatbots", array).add("count", chatbots.size()).build();
    }

    /** The SDK's {@code AIChatbotSummary}; the knowledge-base API lists a knowledge base's chatbots this way too. */
    public static JsonObjectBuilder summary(Chatbot c) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", c.id().toString())
                .add("name", c.name())
                .add("namespace", c.namespace());
        addIfPresent(json, "description", c.description());
        addIfPresent(json, "model", c.modelChoice().model());
        return json.add("enabled", c.enabled())
                .add("is_public", c.audience().isPublic())
                .add("allowed_tables", strings(c.sqlAccess().allowedTables()))
                .add("allowed_operations", strings(c.sqlAccess().allowedOperations()))
                .add("allowed_schemas", strings(c.sqlAccess().allowedSchemas()))
                .add("allowed_functions", strings(c.sqlAccess().allowedFunctions()))
                .add("sensitive_columns", strings(c.sqlAccess().sensitiveColumns()))
                .add("version", c.version())
                .add("source", c.source())
                .add("created_at", timestamp(c.createdAt()))
                .add("updated_at", timestamp(c.updatedAt()));
    }

    static JsonObject full(Chatbot c) {
        JsonObjectBuilder json = summary(c)
                .add("code", c.code())
                .add("original_code", c.originalCode())
                .add("is_bundled", false)
                .add("max_tokens", c.modelChoice().maxTokens())
                .add("temperature", c.modelChoice().temperature())
                .add("persist_conversations", c.conversations().persist())
                .add("conversation_ttl_hours", hours(c.conversations().ttl()))
                .add("max_conversation_turns", c.conversations().maxTurns())
                .add("rate_limit_per_minute", c.limits().perMinute())
                .add("daily_request_limit", c.limits().perDay())
                .add("daily_token_budget", c.limits().tokensPerDay())
                .add("allow_unauthenticated", c.audience().allowUnauthenticated())
                .add("require_roles", strings(c.audience().requireRoles()))
                .add("required_settings", strings(c.requiredSettings().keys()))
                .add("http_allowed_domains", strings(c.webAccess().allowedDomains()))
                .add("tools", strings(c.toolUse().toolNames()))
                .add("knowledge_bases", strings(c.retrieval().knowledgeBases()))
                .add("rag_max_chunks", c.retrieval().maxChunks())
                .add("rag_similarity_threshold", c.retrieval().similarityThreshold())
                .add("max_tool_iterations", c.toolUse().maxIterations());
        if (c.toolUse().maxResultBytes() != null) {
            json.add("max_tool_result_bytes", c.toolUse().maxResultBytes());
        }
        addIfPresent(json, "provider_id", c.providerId() == null ? null : c.providerId().toString());
        addIfPresent(json, "provider", c.modelChoice().provider());
        return json.add("warnings", strings(LoadWarnings.of(c).stream().map(LoadWarning::toString).toList())).build();
    }

    /** Errors name the chatbot in {@code function}, as the SDK's {@code SyncError} types it, and in Fluxbase's {@code name}. */
    static JsonObject syncResult(SyncResult r) {
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        r.errors().forEach(e -> errors.add(JSON.createObjectBuilder()
                .add("function", e.name() == null ? "" : e.name()).add("name", e.name() == null ? "" : e.name())
                .add("error", e.error()).add("action", e.action())));
        return JSON.createObjectBuilder()
                .add("message", (r.dryRun() ? "Dry run: no changes made to namespace " : "Chatbots synced in namespace ") + r.namespace())
                .add("namespace", r.namespace())
                .add("summary", JSON.createObjectBuilder()
                        .add("created", r.created().size())
                        .add("updated", r.updated().size())
                        .add("deleted", r.deleted().size())
                        .add("unchanged", r.unchanged().size())
                        .add("errors", r.errors().size()))
                .add("details", JSON.createObjectBuilder()
                        .add("created", strings(r.created()))
                        .add("updated", strings(r.updated()))
                        .add("deleted", strings(r.deleted()))
                        .add("unchanged", strings(r.unchanged())))
                .add("errors", errors)
                .add("warnings", strings(r.warnings()))
                .add("dry_run", r.dryRun())
                .build();
    }

    /** Whole hours as an integer, as Fluxbase answers them; a TTL of minutes as a fraction of an hour. */
    private static JsonValue hours(Duration ttl) {
        BigDecimal hours = BigDecimal.valueOf(ttl.toSeconds()).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return hours.scale() <= 0 ? JSON.createValue(hours.intValueExact()) : JSON.createValue(hours);
    }

    static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        if (values != null) {
            values.forEach(array::add);
        }
        return array;
    }

    static String timestamp(OffsetDateTime time) {
        return time == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static void addIfPresent(JsonObjectBuilder json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.add(key, value);
        }
    }
}
