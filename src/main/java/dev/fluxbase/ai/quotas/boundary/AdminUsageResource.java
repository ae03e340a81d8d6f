package dev.fluxbase.ai.quotas.boundary;

import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.quotas.control.UsageReport;
import dev.fluxbase.ai.quotas.entity.UsageGroup;
import dev.fluxbase.ai.quotas.entity.UsageQuery;
import dev.fluxbase.ai.quotas.entity.UsageTotals;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What chatbots cost: turns, refused messages and tokens from the usage ledger. */
@Path("/admin/ai/usage")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Usage")
public class AdminUsageResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    @Inject
    UsageReport report;

    @GET
    @Operation(operationId = "getUsage", summary = "Usage totals (requests, refused, prompt_tokens, completion_tokens, total_tokens), optionally filtered and grouped "
            + "by UTC day, chatbot or user")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UsageReport")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public JsonObject usage(
            @Parameter(description = "only this chatbot (its id)") @QueryParam("chatbot_id") String chatbotId,
            @Parameter(description = "only this user (the token's sub)") @QueryParam("user_id") String userId,
            @Parameter(description = "from this UTC day (YYYY-MM-DD, inclusive) or instant (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "to this UTC day (YYYY-MM-DD, inclusive) or instant (ISO-8601, exclusive)") @QueryParam("to") String to,
            @Parameter(description = "day, chatbot or user; without it only the totals") @QueryParam("group_by") String groupBy) {
        UsageQuery query = new UsageQuery(chatbot(chatbotId), present(userId), bound(from, "from", false), bound(to, "to", true), grouping(groupBy));
        JsonObjectBuilder answer = JSON.createObjectBuilder()
                .add("group_by", query.groupBy().name())
                .add("totals", totals(report.totals(query)));
        query.from().ifPresent(instant -> answer.add("from", instant.toString()));
        query.to().ifPresent(instant -> answer.add("to", instant.toString()));
        if (query.groupBy() != UsageQuery.Grouping.none) {
            JsonArrayBuilder groups = JSON.createArrayBuilder();
            report.groups(query).forEach(group -> groups.add(group(group)));
            answer.add("groups", groups);
        }
        return answer.build();
    }

    private static Optional<UUID> chatbot(String id) {
        return present(id).map(text -> Ids.parse(text).orElseThrow(() -> RequestRejected.badRequest("chatbot_id must be a UUID")));
    }

    /** A day means its start; as the upper bound, an inclusive day means the start of the next one. */
    private static Optional<Instant> bound(String text, String name, boolean upper) {
        return present(text).map(value -> {
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    return (upper ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw RequestRejected.badRequest(name + " must be a day (YYYY-MM-DD) or an ISO-8601 instant");
            }
        });
    }

    private static UsageQuery.Grouping grouping(String text) {
        return present(text).map(value -> switch (value) {
            case "day" -> UsageQuery.Grouping.day;
            case "chatbot" -> UsageQuery.Grouping.chatbot;
            case "user" -> UsageQuery.Grouping.user;
            default -> throw RequestRejected.badRequest("group_by must be day, chatbot or user");
        }).orElse(UsageQuery.Grouping.none);
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static JsonObjectBuilder totals(UsageTotals totals) {
        return JSON.createObjectBuilder()
                .add("requests", totals.requests())
                .add("refused", totals.refused())
                .add("prompt_tokens", totals.promptTokens())
                .add("completion_tokens", totals.completionTokens())
                .add("total_tokens", totals.totalTokens());
    }

    private static JsonObjectBuilder group(UsageGroup group) {
        JsonObjectBuilder json = totals(group.totals());
        if (group.day() != null) {
            json.add("day", group.day());
        }
        if (group.chatbotId() != null) {
            json.add("chatbot_id", group.chatbotId().toString());
        }
        if (group.chatbotName() != null) {
            json.add("chatbot", group.chatbotName());
        }
        if (group.userId() != null) {
            json.add("user_id", group.userId());
        }
        if (group.clientAddress() != null) {
            json.add("client_address", group.clientAddress());
        }
        return json;
    }
}
