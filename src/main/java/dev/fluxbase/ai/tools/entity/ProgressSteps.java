package dev.fluxbase.ai.tools.entity;

/** The {@code step} of every {@code progress} frame, in the order a turn may send them. */
public final class ProgressSteps {

    /** The message was admitted and the turn begins. */
    public static final String THINKING = "thinking";
    /** The chatbot's knowledge bases are searched for context. */
    public static final String RETRIEVING = "retrieving";
    /** A provider round starts: the model writes text or asks for tools. */
    public static final String GENERATING = "generating";
    /** execute_sql checks a query. */
    public static final String QUERYING = "querying";
    /** execute_sql runs it. */
    public static final String EXECUTING = "executing";
    /** http_get fetches a URL. */
    public static final String FETCHING = "fetching";

    private ProgressSteps() {
    }
}
