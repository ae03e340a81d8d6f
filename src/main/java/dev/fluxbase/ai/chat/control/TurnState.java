package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.quotas.entity.Outcome;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a turn did so far, kept outside its tool loop so that a turn that fails or is cancelled still
 * knows what it spent: the usage of every provider call that finished (a broken stream reports none),
 * the tokens it reserved at admission, the provider, the answer and the query results the client saw.
 */
final class TurnState {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private final String id;
    private final Instant started;
    private TokenReservation reservation = TokenReservation.NONE;
    private String providerName;
    private String model;
    private TokenUsage usage = TokenUsage.NONE;
    private final List<JsonObject> queryResults = new ArrayList<>();
    private String answer = "";
    private Outcome outcome = Outcome.error;
    private String errorCode;

    /** @param id a short id of the turn, for the logs and traces */
    TurnState(String id, Instant started) {
        this.id = id;
        this.started = started;
    }

    /** Eight hex digits: enough to find a turn in the logs of a day. */
    static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    String id() {
        return id;
    }

    void admitted(TokenReservation held) {
        reservation = held;
    }

    boolean isAdmitted() {
        return reservation.isHeld();
    }

    /** What the booking releases: {@link TokenReservation#NONE} until the turn is admitted. */
    TokenReservation reservation() {
        return reservation;
    }

    void provider(String name, String model) {
        this.providerName = name;
        this.model = model;
    }

    void add(TokenUsage more) {
        usage = new TokenUsage(usage.promptTokens() + more.promptTokens(), usage.completionTokens() + more.completionTokens());
    }

    void queryResult(String query, String summary, int rowCount, List<JsonObject> data) {
        JsonArrayBuilder rows = JSON.createArrayBuilder();
        data.forEach(rows::add);
        queryResults.add(JSON.createObjectBuilder().add("query", query).add("summary", summary).add("row_count", rowCount).add("data", rows).build());
    }

    void answered(String answer) {
        this.answer = answer;
        this.outcome = Outcome.done;
    }

    void cancelled() {
        outcome = Outcome.cancelled;
    }

    /**
     * A failure before admission is a refusal: nothing was counted or spent. A failed turn stores no query
     * results, so they are let go at once: after an OutOfMemoryError the ending needs their memory.
     */
    void failed(String code) {
        outcome = isAdmitted() ? Outcome.error : Outcome.refused;
        errorCode = code;
        queryResults.clear();
    }

    TokenUsage usage() {
        return usage;
    }

    String providerName() {
        return providerName;
    }

    String model() {
        return model;
    }

    String answer() {
        return answer;
    }

    /** The query results as a JSON array, or null when the turn ran none. */
    String queryResultsJson() {
        if (queryResults.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        queryResults.forEach(array::add);
        return array.build().toString();
    }

    Outcome outcome() {
        return outcome;
    }

    String errorCode() {
        return errorCode;
    }

    long millisUntil(Instant ended) {
        return Duration.between(started, ended).toMillis();
    }
}
