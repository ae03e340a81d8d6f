package dev.fluxbase.ai.observability.entity;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every latency and size this server records as a histogram: the GenAI client metrics of the semantic
 * conventions for each provider request, and our own for turns, queries and retrieval.
 */
public final class Histograms {

    /** Our own attributes, beside the conventions' ones. */
    public static final String PROVIDER = "fluxbase.provider.name";
    public static final String TURN_OUTCOME = "fluxbase.turn.outcome";
    public static final String SQL_VERDICT = "fluxbase.sql.verdict";

    private static final List<String> PROVIDER_REQUEST = List.of(GenAi.OPERATION_NAME, GenAi.PROVIDER_NAME, GenAi.REQUEST_MODEL,
            GenAi.RESPONSE_MODEL, PROVIDER);

    public static final HistogramSpec OPERATION_DURATION = new HistogramSpec("gen_ai.client.operation.duration", "s",
            "GenAI operation duration: one provider request, from sending it to the end of its stream (every retry and fallback on its own)",
            GenAi.DURATION_BUCKETS, concat(PROVIDER_REQUEST, GenAi.ERROR_TYPE));

    public static final HistogramSpec TOKEN_USAGE = new HistogramSpec("gen_ai.client.token.usage", "{token}",
            "Number of input and output tokens used, as the provider reported them", GenAi.TOKEN_BUCKETS,
            concat(PROVIDER_REQUEST, GenAi.TOKEN_TYPE));

    public static final HistogramSpec TIME_TO_FIRST_CHUNK = new HistogramSpec("gen_ai.client.operation.time_to_first_chunk", "s",
            "Time from sending a provider request to its first text delta (answers that are only tool calls have none)",
            GenAi.DURATION_BUCKETS, List.of(GenAi.OPERATION_NAME, GenAi.PROVIDER_NAME, GenAi.REQUEST_MODEL, PROVIDER));

    /** Turns with tool rounds take longer than one request: the conventions' doubling, two steps further. */
    public static final HistogramSpec TURN_DURATION = new HistogramSpec("fluxbase.chat.turn.duration", "s",
            "Chat turns from the message to their end, by outcome (done, error, cancelled, refused) and chatbot",
            concat(GenAi.DURATION_BUCKETS, 163.84, 327.68), List.of(TURN_OUTCOME, GenAi.AGENT_NAME));

    private static final List<Double> DATABASE_BUCKETS = List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            10.0, 30.0, 60.0);

    public static final HistogramSpec SQL_QUERY_DURATION = new HistogramSpec("fluxbase.sql.query.duration", "s",
            "Duration of the execute_sql queries that ran, by verdict (executed, failed)", DATABASE_BUCKETS, List.of(SQL_VERDICT));

    public static final HistogramSpec RETRIEVAL_DURATION = new HistogramSpec("fluxbase.retrieval.duration", "s",
            "Retrieval of a turn's knowledge-base context: embedding the question and searching", DATABASE_BUCKETS, List.of());

    private Histograms() {
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T> first, T... more) {
        return Stream.concat(first.stream(), Arrays.stream(more)).toList();
    }
}
